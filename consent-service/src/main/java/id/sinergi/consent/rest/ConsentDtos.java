package id.sinergi.consent.rest;

import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.DataCategory;
import id.sinergi.consent.domain.GrantStatus;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the consent API. */
public final class ConsentDtos {

    private ConsentDtos() {}

    /** A consent the worker gave: who may use which data for what, until when. */
    @Schema(name = "ConsentGrantRequest")
    public record GrantRequest(
            @NotNull UUID workerId,
            @NotNull Agency receivingAgency,
            @NotEmpty @Size(max = 10) Set<@NotNull Purpose> purposes,
            @NotEmpty @Size(max = 10) Set<@NotNull DataCategory> dataCategories,
            @Schema(description = "Start of validity; now when omitted; at most five minutes past, one year ahead")
                    Instant validFrom,
            @NotNull @Schema(description = "End of validity (exclusive); at most five years after the start")
                    Instant validUntil) {}

    @Schema(name = "ConsentRevocationRequest")
    public record RevocationRequest(@NotNull @Size(min = 3, max = 500) String reason) {}

    @Schema(name = "ConsentGrant")
    public record GrantView(
            UUID id,
            UUID workerId,
            Agency receivingAgency,
            Set<Purpose> purposes,
            Set<DataCategory> dataCategories,
            Instant validFrom,
            Instant validUntil,
            GrantStatus status,
            Instant grantedAt,
            Instant revokedAt,
            String revocationReason) {

        static GrantView of(ConsentGrant g) {
            return new GrantView(
                    g.id,
                    g.workerId,
                    g.receivingAgency,
                    g.purposes,
                    g.dataCategories,
                    g.validFrom,
                    g.validUntil,
                    g.status,
                    g.grantedAt,
                    g.revokedAt,
                    g.revocationReason);
        }
    }

    /** May this agency use this category of this worker's data for this purpose? */
    @Schema(name = "ConsentDecisionRequest")
    public record DecisionRequest(
            @NotNull UUID workerId,
            @NotNull Agency requestingAgency,
            @NotNull Purpose purpose,
            @NotNull DataCategory dataCategory) {}
}
