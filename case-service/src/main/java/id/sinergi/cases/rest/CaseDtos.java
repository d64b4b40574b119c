package id.sinergi.cases.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.cases.domain.CaseClosureRequest;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Channel;
import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.Desk;
import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.domain.ReporterRelation;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.Mission;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.reference.Term;
import id.sinergi.cases.service.CaseDeadlines;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.validation.NoPersonalIdentifiers;
import jakarta.validation.Valid;
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
            @Size(min = 1, max = 64)
                    @Schema(
                            example = "KBRI-KUALALUMPUR",
                            description = "The mission of the country where the worker is or was; required abroad")
                    String missionId,
            @NotBlank @Size(max = 64) @Schema(example = "GAJI_TIDAK_DIBAYAR") String categoryCode,
            @NotBlank
                    @Size(max = 4000)
                    @NoPersonalIdentifiers
                    @Schema(
                            description = "What happened, in the reporter's words; no NIK or passport number (the"
                                    + " worker is named by workerId or nik), since parts of it may go to other"
                                    + " parties")
                    String description,
            @NotNull Channel channel,
            @NotNull @Schema(description = "The worker's phase of migration; it decides the lead agency") Phase phase,
            @Valid @Schema(description = "Who reports, when not the worker: a family member or other proxy")
                    Reporter reporter) {}

    /**
     * Who reported the case. A family member or other proxy is named, with how they relate to the worker and how
     * to reach them; the worker reporting for themselves is the default.
     */
    @Schema(name = "CaseReporter")
    public record Reporter(
            @NotNull ReporterRelation relation,
            @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE) @NoPersonalIdentifiers
                    String name,
            @Size(min = 1, max = 100)
                    @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE)
                    @NoPersonalIdentifiers
                    @Schema(example = "ibu (mother)")
                    String relationship,
            @Size(min = 1, max = 100)
                    @Pattern(regexp = NOT_BLANK, message = NOT_BLANK_MESSAGE)
                    @NoPersonalIdentifiers
                    @Schema(description = "A telephone number or an address")
                    String contact) {

        /** The worker reported for themselves. */
        public static final Reporter WORKER_ITSELF = new Reporter(ReporterRelation.WORKER, null, null, null);
    }

    /** Text that is more than white space (a null value is left to the other constraints). */
    /** What the ETag of a row of a case (a closure request, referral or outcome) is, for the API's description. */
    static final String ROW_ETAG = "Its ETag is the case's version, which changes whenever the row does: an update of"
            + " the row names it in If-Match. A case or row out of the caller's sight is answered as missing.";

    public static final String NOT_BLANK = "(?s).*\\S.*";

    /** What {@link #NOT_BLANK} answers when refused. */
    public static final String NOT_BLANK_MESSAGE = "must not be blank";

    /** The longest reason of a workflow step. */
    public static final int MAX_REASON = 500;

    /** A step of the workflow with the officer's reason. */
    @Schema(name = "CaseTransitionRequest")
    public record TransitionRequest(
            @NotNull @Schema(description = "IN_PROGRESS, REFERRED, RESOLVED or REOPENED, as the case's status allows")
                    CaseStatus to,
            @NotBlank @Size(min = 3, max = MAX_REASON) @NoPersonalIdentifiers String reason) {}

    /** The first response to a case: its priority (raised, never lowered) and desk, with the officer's reason. */
    @Schema(name = "CaseTriageRequest")
    public record TriageRequest(
            @Schema(description = "The priority from now on; the category's default when omitted") Priority priority,
            @Schema(description = "The desk handling it; the category's routing when omitted") Desk desk,
            @NotBlank @Size(min = 3, max = MAX_REASON) @NoPersonalIdentifiers String reason) {}

    /** An officer's request to close a resolved case. */
    @Schema(name = "CaseClosureRequestBody")
    public record ClosureRequestBody(@NotBlank @Size(min = 3, max = MAX_REASON) @NoPersonalIdentifiers String reason) {}

    /** A supervisor's answer to a closure request. */
    public enum Verdict {
        APPROVED,
        REJECTED
    }

    /** A supervisor's decision on a closure request, with their reason. */
    @Schema(name = "CaseClosureDecision")
    public record ClosureDecisionBody(
            @NotNull Verdict decision,
            @NotBlank @Size(min = 3, max = MAX_REASON) @NoPersonalIdentifiers String reason) {}

    /** A hand-over of the case's lead, with the reason. */
    @Schema(name = "CaseLeadHandOver")
    public record HandOverRequest(
            @NotNull Agency agency,
            @Size(min = 1, max = 64)
                    @Schema(description = "The mission that leads when Kemlu does; the case's own when omitted")
                    String missionId,
            @NotBlank @Size(min = 3, max = MAX_REASON) @NoPersonalIdentifiers String reason) {}

    /** A closure request as the API shows it. */
    @Schema(name = "CaseClosureRequest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClosureRequestView(
            UUID id,
            UUID caseId,
            String requestedBy,
            String reason,
            Instant requestedAt,
            CaseClosureRequest.Decision decision,
            String decidedBy,
            String decisionReason,
            Instant decidedAt) {

        public static ClosureRequestView of(CaseClosureRequest r) {
            return new ClosureRequestView(
                    r.id,
                    r.caseId,
                    r.requestedUsername,
                    r.reason,
                    r.requestedAt,
                    r.decision,
                    r.decidedUsername,
                    r.decisionReason,
                    r.decidedAt);
        }
    }

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
            Term phase,
            @Schema(description = "The agency leading the case; when KEMLU, its mission leads") Agency leadAgency,
            @Schema(description = "The other agency taking part; absent when none does") Agency participantAgency,
            Term priority,
            @Schema(description = "The desk the case was routed to") Term routedTo,
            Reporter reporter,
            Term status,
            Instant reportedAt,
            Instant updatedAt,
            Deadlines deadlines,
            @Schema(description = "The version an update names in If-Match; also the response's ETag") long version,
            @Schema(description = "Present once vital interest was invoked for the case")
                    VitalInterestView vitalInterest) {

        public static CaseView of(ProtectionCase c, ReferenceData reference) {
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
                    new Term(c.phase.name(), c.phase.termId(), c.phase.glossEn()),
                    c.leadAgency,
                    c.participantAgency,
                    new Term(c.priority.name(), c.priority.termId(), c.priority.glossEn()),
                    new Term(c.routedTo.name(), c.routedTo.termId(), c.routedTo.glossEn()),
                    new Reporter(c.reporterRelation, c.reporterName, c.reporterRelationship, c.reporterContact),
                    status(c.status),
                    c.reportedAt,
                    c.updatedAt,
                    Deadlines.of(c),
                    c.version,
                    VitalInterestView.of(c, Instant.now()));
        }

        static Term status(CaseStatus s) {
            return new Term(s.name(), s.termId(), s.glossEn());
        }
    }

    /**
     * When the case's first response and resolution are due and when they happened, where each stands (red, amber,
     * green, met or met late) and how far up the escalation ladder the case is.
     */
    @Schema(name = "CaseDeadlines")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deadlines(
            Instant firstResponseDue,
            Instant firstRespondedAt,
            Instant resolutionDue,
            Instant resolvedAt,
            Instant closedAt,
            @Schema(description = "GREEN, AMBER or RED while awaited; MET or MET_LATE once triaged")
                    Term firstResponseStatus,
            @Schema(description = "GREEN, AMBER or RED while unresolved; MET or MET_LATE once resolved")
                    Term resolutionStatus,
            DeadlineDtos.EscalationView escalation) {

        static Deadlines of(ProtectionCase c) {
            return of(c, CaseDeadlines.current());
        }

        static Deadlines of(ProtectionCase c, CaseDeadlines deadlines) {
            Instant now = deadlines.now();
            return new Deadlines(
                    c.firstResponseDue,
                    c.firstRespondedAt,
                    c.resolutionDue,
                    c.resolvedAt,
                    c.closedAt,
                    DeadlineDtos.term(deadlines.status(c, Deadline.FIRST_RESPONSE, now)),
                    DeadlineDtos.term(deadlines.status(c, Deadline.RESOLUTION, now)),
                    DeadlineDtos.EscalationView.of(c));
        }
    }
}
