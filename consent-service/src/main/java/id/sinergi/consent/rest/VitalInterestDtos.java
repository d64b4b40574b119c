package id.sinergi.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.consent.CriticalCaseCategory;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.domain.VitalInterest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Bodies of the vital-interest API. */
public final class VitalInterestDtos {

    /** The shortest written reason an officer may give. */
    public static final int MIN_REASON = 40;

    private VitalInterestDtos() {}

    /** The consular officer on whose behalf case-service asks, as their token named them to case-service. */
    @Schema(name = "VitalInterestOfficer")
    public record Officer(
            @NotNull @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String subject,
            @Size(max = 255) @Pattern(regexp = "[A-Za-z0-9._@-]+") String username,
            @NotNull @Pattern(regexp = "[A-Z]{2,5}-[A-Z0-9-]{2,40}") String mission) {}

    @Schema(name = "VitalInterestRequest")
    public record InvokeRequest(
            @NotNull UUID workerId,
            @NotNull UUID caseId,
            @NotNull CriticalCaseCategory caseCategory,
            @NotNull @Valid Officer officer,
            @NotBlank @Size(min = MIN_REASON, max = 2000) String reason,
            @Size(min = 1, max = 5) @Schema(description = "What the case handling needs; every category when omitted")
                    Set<@NotNull DataCategory> dataCategories) {}

    @Schema(name = "VitalInterestRenewal")
    public record RenewalRequest(
            @NotNull @Valid Officer officer, @NotBlank @Size(min = MIN_REASON, max = 2000) String reason) {}

    @Schema(name = "VitalInterestReview")
    public record ReviewRequest(@NotBlank @Size(min = 3, max = 1000) String note) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "VitalInterest")
    public record View(
            UUID id,
            UUID workerId,
            Agency agency,
            UUID caseId,
            CriticalCaseCategory caseCategory,
            Set<DataCategory> dataCategories,
            String officer,
            String officerUsername,
            String mission,
            String reason,
            Instant createdAt,
            Instant expiresAt,
            boolean inForce,
            int renewals,
            Instant lastRenewedAt,
            Instant reviewedAt,
            String reviewedBy,
            String reviewNote) {

        public static View of(VitalInterest v, Instant now) {
            return new View(
                    v.id,
                    v.workerId,
                    v.agency,
                    v.caseId,
                    v.caseCategory,
                    v.dataCategories,
                    v.officerSubject,
                    v.officerUsername,
                    v.officerMission,
                    v.reason,
                    v.createdAt,
                    v.expiresAt,
                    v.inForceAt(now),
                    v.renewals,
                    v.lastRenewedAt,
                    v.reviewedAt,
                    v.reviewedBy,
                    v.reviewNote);
        }
    }
}
