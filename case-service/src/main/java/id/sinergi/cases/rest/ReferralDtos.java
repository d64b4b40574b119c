package id.sinergi.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.cases.domain.CaseReferral;
import id.sinergi.cases.domain.ReferralKind;
import id.sinergi.cases.domain.ReferralStatus;
import id.sinergi.cases.domain.ReferralTarget;
import id.sinergi.cases.reference.Term;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.validation.NoPersonalIdentifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of a case's referrals and transfers. */
public final class ReferralDtos {

    private ReferralDtos() {}

    /** The shortest written reason of PWNI headquarters' override; measured without surrounding white space. */
    public static final int MIN_OVERRIDE_REASON = 40;

    /** The longest written reason of an override. */
    public static final int MAX_OVERRIDE_REASON = 2000;

    /** A referral or transfer of the case, by its lead side. */
    @Schema(name = "CaseReferralRequest")
    public record ReferralRequest(
            @NotNull
                    @Schema(
                            description = "REFERRAL: ask another party to act, the lead stays; TRANSFER: hand the"
                                    + " case to the other ministry, which leads it once it accepts")
                    ReferralKind kind,
            @NotNull @Schema(description = "The other ministry (KEMLU or KEMENP2MI) or a named service")
                    ReferralTarget to,
            @Size(min = 1, max = 64)
                    @Schema(
                            example = "KBRI-KUALALUMPUR",
                            description = "For KEMLU only: the mission it is addressed to; the case's own when"
                                    + " omitted, required when the case has none")
                    String missionId,
            @Size(min = 1, max = 200)
                    @Pattern(regexp = CaseDtos.NOT_BLANK, message = CaseDtos.NOT_BLANK_MESSAGE)
                    @Schema(
                            example = "Shelter KBRI Kuala Lumpur",
                            description = "For a service only (required): who provides it")
                    String providerName,
            @NotBlank @Size(min = 3, max = CaseDtos.MAX_REASON) @NoPersonalIdentifiers String reason,
            @Schema(description = "Whether worker data goes to the receiving party; false when omitted")
                    Boolean sharesWorkerData,
            @Size(min = 1, max = 5)
                    @Schema(description = "The categories shared; required when sharesWorkerData is true")
                    Set<@NotNull DataCategory> dataCategories,
            @Size(max = MAX_OVERRIDE_REASON)
                    @NoPersonalIdentifiers
                    @Schema(
                            description = "PWNI headquarters only: why the data must be shared without consent-"
                                    + "service's permit (40 to 2000 characters); consent-service is then not asked")
                    String overrideReason) {

        public boolean shares() {
            return Boolean.TRUE.equals(sharesWorkerData);
        }

        /**
         * The override reason without surrounding white space, or null when there is none.
         *
         * @throws ProblemException 400 {@code validation} naming {@code overrideReason} when it is too short
         */
        public String strippedOverrideReason() {
            if (overrideReason == null) {
                return null;
            }
            String text = overrideReason.strip();
            if (text.length() < MIN_OVERRIDE_REASON) {
                throw ProblemException.badRequest(
                        "validation",
                        "Invalid request",
                        "The request breaks 1 rule(s); see errors",
                        List.of(new Problem.FieldError(
                                "overrideReason",
                                "size",
                                "must be " + MIN_OVERRIDE_REASON + " to " + MAX_OVERRIDE_REASON
                                        + " characters long without leading and trailing white space")));
            }
            return text;
        }
    }

    /** The receiving party's answer to a referral. */
    public enum Answer {
        ACCEPTED,
        REJECTED
    }

    /** An answer to a referral with its reason. */
    @Schema(name = "CaseReferralDecision")
    public record DecisionBody(
            @NotNull Answer decision,
            @NotBlank @Size(min = 3, max = CaseDtos.MAX_REASON) @NoPersonalIdentifiers String reason) {}

    /**
     * How sharing the worker's data was allowed: consent-service's permit (its basis, reason code and the grant or
     * vital-interest authorisation that decided, when one did), or PWNI headquarters' override with its reason.
     */
    @Schema(name = "CaseReferralSharing")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SharingView(
            List<DataCategory> dataCategories,
            @Schema(description = "PERMIT or OVERRIDE") CaseReferral.SharingBasis allowedBy,
            LawfulBasis consentBasis,
            @Schema(example = "GRANT_IN_FORCE") String consentReason,
            UUID consentGrantId,
            UUID consentVitalInterestId,
            String overrideReason) {

        static SharingView of(CaseReferral r) {
            if (!r.sharesWorkerData) {
                return null;
            }
            return new SharingView(
                    List.copyOf(r.dataCategories),
                    r.sharingBasis,
                    r.consentBasis,
                    r.consentReason,
                    r.consentGrantId,
                    r.consentVitalInterestId,
                    r.overrideReason);
        }
    }

    /** A referral as the API shows it. */
    @Schema(name = "CaseReferral")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReferralView(
            UUID id,
            UUID caseId,
            Term kind,
            Term to,
            String missionId,
            String providerName,
            String reason,
            @Schema(description = "The agency that led the case when it was referred") Agency fromAgency,
            String fromMission,
            Term status,
            @Schema(description = "Present when the referral shares worker data") SharingView sharing,
            String createdBy,
            Instant createdAt,
            String decidedBy,
            String decisionReason,
            Instant decidedAt) {

        public static ReferralView of(CaseReferral r) {
            return new ReferralView(
                    r.id,
                    r.caseId,
                    term(r.kind),
                    term(r.target),
                    r.toMission,
                    r.providerName,
                    r.reason,
                    r.fromAgency,
                    r.fromMission,
                    term(r.status),
                    SharingView.of(r),
                    r.createdUsername,
                    r.createdAt,
                    r.decidedUsername,
                    r.decisionReason,
                    r.decidedAt);
        }

        private static Term term(ReferralKind k) {
            return new Term(k.name(), k.termId(), k.glossEn());
        }

        private static Term term(ReferralTarget t) {
            return new Term(t.name(), t.termId(), t.glossEn());
        }

        private static Term term(ReferralStatus s) {
            return new Term(s.name(), s.termId(), s.glossEn());
        }
    }
}
