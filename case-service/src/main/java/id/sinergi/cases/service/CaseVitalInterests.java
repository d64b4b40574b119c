package id.sinergi.cases.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.cases.client.ConsentClient.Authorisation;
import id.sinergi.cases.client.ConsentClient.InvokeRequest;
import id.sinergi.cases.client.ConsentClient.Officer;
import id.sinergi.cases.client.ConsentClient.RenewalRequest;
import id.sinergi.cases.client.VitalInterestAuthority;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.CriticalCaseCategory;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Vital interest (UU 27/2022 Pasal 20 ayat (2) huruf d) for a critical case: the consular officer of the mission
 * handling it asks here, and case-service asks consent-service, which holds the authorisation, its 72-hour clock,
 * the officer's reason and the security team's review list. This service keeps on the case which authorisation it
 * has and when it ends, and audits every attempt: refused ones as DENIED, consent-service not answering as FAILED.
 * The reason text goes to consent-service only; it is neither stored here nor put in an audit event or a log.
 *
 * <p>The case is checked in one transaction, consent-service is called outside any, and the answer is recorded in
 * a second one; a case closed in between keeps the authorisation until it ends by itself.
 */
@ApplicationScoped
public class CaseVitalInterests {

    static final String INVOKE = "case.vital-interest.invoke";
    static final String RENEW = "case.vital-interest.renew";

    @Inject
    AuditTrail audit;

    @Inject
    ReferenceData reference;

    @Inject
    VitalInterestAuthority consent;

    /** Invokes vital interest for the case; 409 from consent-service if one is already in force for it. */
    public Uni<ProtectionCase> invoke(UUID caseId, String reason, Caller caller) {
        Officer officer = officerOf(caller);
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return check(caseId, INVOKE, scope, actor, false).chain(c -> {
            CriticalCaseCategory critical = criticalOf(c).orElseThrow();
            InvokeRequest request = new InvokeRequest(c.workerId, c.id, critical, officer, reason.strip());
            return consent.invoke(request)
                    .onFailure(ProblemException.class)
                    .call(e -> auditRefusal(actor, INVOKE, c, (ProblemException) e))
                    .chain(a -> record(c, INVOKE, a, actor));
        });
    }

    /** Renews the case's authorisation for another 72 hours; 409 when it has none or it has ended. */
    public Uni<ProtectionCase> renew(UUID caseId, String reason, Caller caller) {
        Officer officer = officerOf(caller);
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return check(caseId, RENEW, scope, actor, true)
                .chain(c -> consent.renew(c.vitalInterestId, new RenewalRequest(officer, reason.strip()))
                        .onFailure(ProblemException.class)
                        .call(e -> auditRefusal(actor, RENEW, c, (ProblemException) e))
                        .chain(a -> record(c, RENEW, a, actor)));
    }

    /** The officer consent-service records, from the verified token only. */
    private static Officer officerOf(Caller caller) {
        return new Officer(caller.subject(), caller.username(), caller.requireMission());
    }

    /**
     * Loads the case and checks that vital interest may be asked for it: the caller's mission handles it, it is
     * still open, its category is critical and, for a renewal, it has an authorisation. A refusal is audited and
     * committed before it is thrown, so it stays on the record.
     */
    private Uni<ProtectionCase> check(
            UUID caseId, String action, CallerScope scope, AuditActor actor, boolean needsAuthorisation) {
        return Panache.withTransaction(
                        () -> ProtectionCase.<ProtectionCase>findById(caseId).chain(c -> {
                            if (c == null) {
                                return Uni.createFrom().item(Checked.refused(null, notFound(caseId)));
                            }
                            Checked checked = refusal(c, scope, needsAuthorisation)
                                    .map(p -> Checked.refused(c, p))
                                    .orElseGet(() -> Checked.allowed(c));
                            if (checked.refusal() == null) {
                                return Uni.createFrom().item(checked);
                            }
                            return audit.record(event(actor, action, c)
                                            .outcome(AuditOutcome.DENIED)
                                            .reason(slug(checked.refusal()) + " status=" + c.status + " category="
                                                    + c.categoryCode)
                                            .build())
                                    .replaceWith(checked);
                        }))
                .map(Checked::caseOrThrow);
    }

    private Optional<ProblemException> refusal(ProtectionCase c, CallerScope scope, boolean needsAuthorisation) {
        if (!scope.sees(c)) {
            return Optional.of(ProblemException.forbidden(
                    "other-mission",
                    "Not your mission",
                    "Only the consular officers of the mission handling a case invoke vital interest for it"));
        }
        if (c.status == CaseStatus.RESOLVED || c.status == CaseStatus.CLOSED) {
            ProblemException closed = ProblemException.conflict(
                    "case-not-open",
                    "Case not open",
                    "Vital interest serves a case still being handled; this one is " + c.status);
            closed.problem().with("status", c.status.name());
            return Optional.of(closed);
        }
        if (criticalOf(c).isEmpty()) {
            ProblemException notCritical = ProblemException.conflict(
                    "case-not-critical",
                    "Case not critical",
                    "Vital interest is only for critical cases (danger to life, trafficking, detention, death,"
                            + " violence); category " + c.categoryCode + " is not one");
            notCritical.problem().with("categoryCode", c.categoryCode);
            return Optional.of(notCritical);
        }
        if (needsAuthorisation && c.vitalInterestId == null) {
            return Optional.of(ProblemException.conflict(
                    "no-vital-interest",
                    "No vital interest",
                    "Vital interest was never invoked for this case; invoke it first"));
        }
        return Optional.empty();
    }

    private Optional<CriticalCaseCategory> criticalOf(ProtectionCase c) {
        return reference.category(c.categoryCode).flatMap(CaseCategory::critical);
    }

    /** Keeps the authorisation on the case and audits it, with its id and expiry. */
    private Uni<ProtectionCase> record(ProtectionCase c, String action, Authorisation a, AuditActor actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = a.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> ProtectionCase.update(
                                "vitalInterestId = ?1, vitalInterestExpiresAt = ?2, updatedAt = ?3 where id = ?4",
                                a.id(),
                                expires,
                                now,
                                c.id)
                        .call(() -> audit.record(event(actor, action, c)
                                .reason("authorisation=" + a.id() + " category="
                                        + criticalOf(c).orElseThrow() + " expires=" + expires + " renewals="
                                        + a.renewals())
                                .build()))
                        .chain(() -> ProtectionCase.<ProtectionCase>findById(c.id)))
                .onFailure()
                .invoke(e -> Log.errorf(
                        "event=vital-interest-unrecorded case=%s authorisation=%s cause=%s",
                        c.id, a.id(), e.getClass().getName()))
                .invoke(saved ->
                        Log.infof("event=%s case=%s authorisation=%s expires=%s", action, c.id, a.id(), expires));
    }

    /** consent-service refused (DENIED) or gave no answer (FAILED): audited in a transaction of its own. */
    private Uni<Void> auditRefusal(AuditActor actor, String action, ProtectionCase c, ProblemException problem) {
        boolean unavailable = problem.problem().getStatus() == 503;
        return Panache.withTransaction(() -> audit.record(event(actor, action, c)
                .outcome(unavailable ? AuditOutcome.FAILED : AuditOutcome.DENIED)
                .reason("consent-service " + slug(problem))
                .build()));
    }

    private AuditEvent.Builder event(AuditActor actor, String action, ProtectionCase c) {
        return AuditEvent.of(audit.serviceName(), action, actor)
                .worker(c.workerId)
                .purpose(CaseService.PURPOSE)
                .resource("case", c.id);
    }

    /** The problem type without its prefix, e.g. {@code case-not-critical}. */
    private static String slug(ProblemException problem) {
        return problem.problem().getType().substring(Problem.TYPE_PREFIX.length());
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("Case " + caseId);
    }

    /** The case, or why vital interest is refused for it. */
    private record Checked(ProtectionCase c, ProblemException refusal) {

        static Checked allowed(ProtectionCase c) {
            return new Checked(c, null);
        }

        static Checked refused(ProtectionCase c, ProblemException refusal) {
            return new Checked(c, refusal);
        }

        ProtectionCase caseOrThrow() {
            if (refusal != null) {
                throw refusal;
            }
            return c;
        }
    }
}
