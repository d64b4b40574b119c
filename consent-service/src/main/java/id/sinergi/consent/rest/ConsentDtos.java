package id.sinergi.consent.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.domain.CaptureChannel;
import id.sinergi.consent.domain.CapturePlace;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GiverRelationship;
import id.sinergi.consent.domain.GrantGiver;
import id.sinergi.consent.domain.GrantHolder;
import id.sinergi.consent.domain.GrantStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the consent API. */
public final class ConsentDtos {

    private ConsentDtos() {}

    /** A consent the worker (or a guardian or representative for them) gave: who may use which data for what. */
    @Schema(name = "ConsentGrantRequest")
    public record GrantRequest(
            @NotNull UUID workerId,
            @NotNull Agency receivingAgency,
            @NotEmpty @Size(max = 10) Set<@NotNull Purpose> purposes,
            @NotEmpty @Size(max = 10) Set<@NotNull DataCategory> dataCategories,
            @Schema(description = "Start of validity; now when omitted; at most five minutes past, one year ahead")
                    Instant validFrom,
            @NotNull @Schema(description = "End of validity (exclusive); at most five years after the start")
                    Instant validUntil,
            @Schema(description = "Who gave it; SELF when omitted") GrantGiver givenBy,
            @Valid @Schema(description = "The guardian or representative; required unless givenBy is SELF") Giver giver,
            @Size(max = 16)
                    @Schema(
                            description = "How long the receiver may keep the data: an ISO-8601 period of days,"
                                    + " weeks, months or years, from P1D to P5Y; P1Y when omitted",
                            example = "P6M")
                    String retention,
            @Valid @Schema(description = "How it was captured; language id when omitted") Capture capture,
            @Schema(description = "ACTIVE (default) or PENDING until the worker confirms it") GrantStatus status) {

        public GrantGiver giverKind() {
            return givenBy == null ? GrantGiver.SELF : givenBy;
        }
    }

    /** A guardian (wali) or representative (kuasa) acting for the worker. */
    @Schema(name = "ConsentGiver")
    public record Giver(@NotBlank @Size(max = 200) String name, @NotNull GiverRelationship relationship) {}

    /**
     * The capture's details a client may state. The channel, the officer and, at a mission, the place come from
     * the token, never from the body.
     */
    @Schema(name = "ConsentCapture")
    public record Capture(
            @Size(max = 16) @Schema(description = "BCP-47 tag from GET /api/purposes' languages", example = "jv")
                    String language,
            @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}")
                    @Schema(description = "The service point of an assisted capture at home", example = "LTSA-JEMBER")
                    String servicePoint,
            @Valid Person interpreter,
            @Valid Person witness) {}

    /** An interpreter or witness; their name is kept with the grant and never logged. */
    @Schema(name = "ConsentCapturePerson")
    public record Person(@NotBlank @Size(max = 200) String name) {}

    @Schema(name = "ConsentRevocationRequest")
    public record RevocationRequest(@NotNull @Size(min = 3, max = 500) String reason) {}

    /** A requested status change; the clock alone sets EXPIRED. */
    @Schema(name = "ConsentTransitionRequest")
    public record TransitionRequest(
            @NotNull @Schema(description = "ACTIVE, PAUSED, REVOKED or REJECTED") GrantStatus status,
            @NotNull @Size(min = 3, max = 500) String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConsentGrant")
    public record GrantView(
            UUID id,
            UUID workerId,
            Agency receivingAgency,
            Set<Purpose> purposes,
            Set<DataCategory> dataCategories,
            Instant validFrom,
            Instant validUntil,
            @Schema(description = "As it reads now: an open grant past validUntil reads EXPIRED") GrantStatus status,
            Instant grantedAt,
            Instant revokedAt,
            String revocationReason,
            GrantGiver givenBy,
            Giver giver,
            String retention,
            CaptureView capture,
            int revision,
            long useCount) {

        public static GrantView of(ConsentGrant g, Instant now) {
            return new GrantView(
                    g.id,
                    g.workerId,
                    g.receivingAgency,
                    g.purposes,
                    g.dataCategories,
                    g.validFrom,
                    g.validUntil,
                    g.statusAt(now),
                    g.grantedAt,
                    g.revokedAt,
                    g.revocationReason,
                    g.givenBy,
                    g.giverName == null ? null : new Giver(g.giverName, g.giverRelationship),
                    g.retention,
                    CaptureView.of(g),
                    g.revision,
                    g.useCount);
        }
    }

    /** How the grant was captured, as recorded. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConsentCaptureRecord")
    public record CaptureView(
            CaptureChannel channel,
            CapturePlace place,
            String placeCode,
            String officer,
            String officerUsername,
            String language,
            Person interpreter,
            Person witness) {

        static CaptureView of(ConsentGrant g) {
            return new CaptureView(
                    g.captureChannel,
                    g.capturePlace,
                    g.capturePlaceCode,
                    g.capturedBy,
                    g.capturedByUsername,
                    g.captureLanguage,
                    g.interpreterName == null ? null : new Person(g.interpreterName),
                    g.witnessName == null ? null : new Person(g.witnessName));
        }
    }

    /** A party that received data under a grant: agency, OAuth client and user, with its uses. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConsentGrantHolder")
    public record HolderView(
            Agency agency,
            String clientId,
            String subject,
            String username,
            Instant firstUsedAt,
            Instant lastUsedAt,
            long uses) {

        public static HolderView of(GrantHolder h) {
            return new HolderView(h.agency, h.clientId, h.subject, h.username, h.firstUsedAt, h.lastUsedAt, h.uses);
        }
    }

    /** One version of a grant in its history. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConsentGrantVersion")
    public record VersionView(
            UUID grantId,
            int revision,
            GrantStatus status,
            Instant changedAt,
            String changedBy,
            String changedByUsername,
            String reason,
            @Schema(description = "The grant after this change") JsonNode snapshot) {}

    /**
     * May this agency use these categories of this worker's data for this purpose? Name one category in
     * {@code dataCategory} or several in {@code dataCategories}, not both.
     */
    @Schema(name = "ConsentDecisionRequest")
    public record DecisionRequest(
            @NotNull UUID workerId,
            @NotNull Agency requestingAgency,
            @NotNull Purpose purpose,
            DataCategory dataCategory,
            @Size(min = 1, max = 5) Set<@NotNull DataCategory> dataCategories) {}
}
