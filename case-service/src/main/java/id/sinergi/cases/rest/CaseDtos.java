package id.sinergi.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Channel;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.Mission;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.reference.Term;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the case API. */
public final class CaseDtos {

    private CaseDtos() {}

    /** A case reported for a worker, named by exactly one of workerId and nik. */
    @Schema(name = "CaseReportRequest")
    public record ReportRequest(
            @Schema(description = "identity-service's worker id; give this or nik") UUID workerId,
            @Pattern(regexp = "[0-9]{16}", message = "must be 16 digits")
                    @Schema(description = "The worker's NIK; give this or workerId. Sent in the body only")
                    String nik,
            @NotBlank @Size(max = 64) @Schema(example = "KBRI-KUALALUMPUR") String missionId,
            @NotBlank @Size(max = 64) @Schema(example = "GAJI_TIDAK_DIBAYAR") String categoryCode,
            @NotBlank @Size(max = 4000) String description,
            @NotNull Channel channel) {}

    /** A step of the workflow with the officer's reason. */
    @Schema(name = "CaseTransitionRequest")
    public record TransitionRequest(@NotNull CaseStatus to, @NotNull @Size(min = 3, max = 500) String reason) {}

    /** The shortest written reason for vital interest; consent-service requires the same. */
    public static final int MIN_VITAL_REASON = 40;

    /** The longest written reason for vital interest; consent-service stores up to this. */
    public static final int MAX_VITAL_REASON = 2000;

    /**
     * The consular officer's written reason for invoking or renewing vital interest: why the worker's data must be
     * used without consent now. Sent on to consent-service, which keeps it for the security team's review.
     */
    @Schema(name = "CaseVitalInterestRequest")
    public record VitalInterestRequest(@NotBlank @Size(min = MIN_VITAL_REASON, max = MAX_VITAL_REASON) String reason) {

        /**
         * The reason without leading and trailing white space, as it is sent to consent-service, which measures
         * what it receives: a short reason padded with spaces passes {@code @Size} but would be refused there, and
         * that refusal would reach the officer as a fault between services instead of as their own mistake.
         *
         * @throws ProblemException 400 {@code validation} naming {@code reason} when the stripped text is short
         */
        public String strippedReason() {
            String text = reason.strip();
            if (text.length() < MIN_VITAL_REASON) {
                throw ProblemException.badRequest(
                        "validation",
                        "Invalid request",
                        "The request breaks 1 rule(s); see errors",
                        List.of(new Problem.FieldError(
                                "reason",
                                "size",
                                "must be " + MIN_VITAL_REASON + " to " + MAX_VITAL_REASON
                                        + " characters long without leading and trailing white space")));
            }
            return text;
        }
    }

    /**
     * The case's vital-interest authorisation in consent-service, the one invoked or renewed last.
     *
     * @param inForce whether it has not ended yet, by this service's clock; consent-service decides
     */
    @Schema(name = "CaseVitalInterest")
    public record VitalInterestView(UUID authorisationId, Instant expiresAt, boolean inForce) {

        static VitalInterestView of(ProtectionCase c, Instant now) {
            if (c.vitalInterestId == null) {
                return null;
            }
            return new VitalInterestView(
                    c.vitalInterestId, c.vitalInterestExpiresAt, now.isBefore(c.vitalInterestExpiresAt));
        }
    }

    /** A case as the API shows it: codes together with their Indonesian terms and English glosses. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ProtectionCase")
    public record CaseView(
            UUID id,
            @Schema(example = "KBRI-KUALALUMPUR/2026/000001") String reference,
            UUID workerId,
            String missionId,
            @Schema(example = "KBRI Kuala Lumpur") String missionName,
            Term category,
            String description,
            Channel channel,
            Term status,
            Instant reportedAt,
            Instant updatedAt,
            @Schema(description = "Present once vital interest was invoked for the case")
                    VitalInterestView vitalInterest) {

        static CaseView of(ProtectionCase c, ReferenceData reference) {
            Term category = reference
                    .category(c.categoryCode)
                    .map(CaseCategory::term)
                    .orElse(new Term(c.categoryCode, null, null));
            return new CaseView(
                    c.id,
                    c.reference,
                    c.workerId,
                    c.missionId,
                    reference.mission(c.missionId).map(Mission::nameId).orElse(null),
                    category,
                    c.description,
                    c.channel,
                    status(c.status),
                    c.reportedAt,
                    c.updatedAt,
                    VitalInterestView.of(c, Instant.now()));
        }

        static Term status(CaseStatus s) {
            return new Term(s.name(), s.termId(), s.glossEn());
        }
    }
}
