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

    /**
     * Invokes vital interest for the case; 409 from consent-service if one is already in force for it, unless
     * that one is an invocation for this case whose answer was never recorded here (see {@link #lostInvocation}).
     */
    public Uni<ProtectionCase> invoke(UUID caseId, long expectedVersion, String reason, Caller caller) {
        Officer officer = officerOf(caller);
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return check(caseId, expectedVersion, INVOKE, scope, officer.mission(), actor, false)
                .chain(c -> {
                    CriticalCaseCategory critical = criticalOf(c).orElseThrow();
                    InvokeRequest request = new InvokeRequest(c.workerId, c.id, critical, officer, reason.strip());
                    return consent.invoke(request)
                            .map(a -> new Invoked(a, false))
                            .onFailure(ProblemException.class)
                            .recoverWithUni(e -> recoverOrRefuse(actor, c, (ProblemException) e))
                            .chain(i -> record(c, INVOKE, i.authorisation(), actor, i.recovered()));
                });
    }

    /** A lost invocation's authorisation, to be recorded as if just invoked; any other refusal is audited. */
    private Uni<Invoked> recoverOrRefuse(AuditActor actor, ProtectionCase c, ProblemException refused) {
        return lostInvocation(c, refused)
                .map(a -> Uni.createFrom().item(new Invoked(a, true)))
                .orElseGet(() -> auditRefusal(actor, INVOKE, c, refused)
                        .chain(() -> Uni.createFrom().<Invoked>failure(refused)));
    }

    /**
     * The authorisation consent-service's {@code vital-interest-in-force} names, when this case does not record
     * it: consent-service committed an earlier invocation whose answer this service then failed to record (no
     * answer in time, a database error). Recording it now is the only way out, since until it ends the case could
     * neither be invoked again nor renewed. When the case records it already, the 409 stands: renew instead.
     */
    static Optional<Authorisation> lostInvocation(ProtectionCase c, ProblemException problem) {
        return VitalInterestAuthority.inForce(problem).filter(a -> !a.id().equals(c.vitalInterestId));
    }

    /** Renews the case's authorisation for another 72 hours; 409 when it has none or it has ended. */
    public Uni<ProtectionCase> renew(UUID caseId, long expectedVersion, String reason, Caller caller) {
        Officer officer = officerOf(caller);
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return check(caseId, expectedVersion, RENEW, scope, officer.mission(), actor, true)
                .chain(c -> consent.renew(c.vitalInterestId, new RenewalRequest(officer, reason.strip()))
                        .onFailure(ProblemException.class)
                        .call(e -> auditRefusal(actor, RENEW, c, (ProblemException) e))
                        .chain(a -> record(c, RENEW, a, actor, false)));
    }

    /** The officer consent-service records, from the verified token only. */
    private static Officer officerOf(Caller caller) {
        return new Officer(caller.subject(), caller.username(), caller.requireMission());
    }

    /**
     * Loads the case and checks that vital interest may be asked for it: the caller's mission handles it, it is
     * still open, its category is critical and, for a renewal, it has an authorisation. A refusal is audited and
     * committed before it is thrown, so it stays on the record. A case the caller may act on but whose version is
     * not {@code expectedVersion} is 412, as for every other update, and nothing is asked of consent-service; the
     * answer is recorded whatever happened to the case in between, since consent-service has made it by then.
     */
    private Uni<ProtectionCase> check(
            UUID caseId,
            long expectedVersion,
            String action,
            CallerScope scope,
            String mission,
            AuditActor actor,
            boolean needsAuthorisation) {
        return Panache.withTransaction(
                        () -> ProtectionCase.<ProtectionCase>findById(caseId).chain(c -> {
                            if (c == null) {
                                return Uni.createFrom().item(Checked.refused(null, notFound(caseId)));
                            }
                            Checked checked = missionRefusal(c, scope, mission)
                                    .or(() -> refusal(c, needsAuthorisation))
                                    .map(p -> Checked.refused(c, p))
                                    .orElseGet(() -> Checked.allowed(c));
                            if (checked.refusal() == null) {
                                if (c.version != expectedVersion) {
                                    throw CaseVersions.stale(caseId, c.version);
                                }
                                return Uni.createFrom().item(checked);
                            }
                            String why = scope.sees(c) ? slug(checked.refusal()) : "other-mission out-of-scope";
                            return audit.record(event(actor, action, c)
                                            .outcome(AuditOutcome.DENIED)
                                            .reason(why + " status=" + c.status + " category=" + c.categoryCode)
                                            .build())
                                    .replaceWith(checked);
                        }))
                .map(Checked::caseOrThrow);
    }

    /**
     * The mission handling the case must be the one in the caller's token, which is what consent-service records
     * and what its decisions serve; seeing the case is not enough, as a role seeing every mission would let an
     * officer of one mission invoke for another's case. A case out of the caller's scope is answered 404, as
     * everywhere in this service; one they see but is another mission's, 403 {@code other-mission}.
     */
    static Optional<ProblemException> missionRefusal(ProtectionCase c, CallerScope scope, String mission) {
        if (!scope.sees(c)) {
            return Optional.of(notFound(c.id));
        }
        if (!mission.equals(c.missionId)) {
            return Optional.of(ProblemException.forbidden(
                    "other-mission",
                    "Not your mission",
                    "Only the consular officers of the mission handling a case invoke vital interest for it"));
        }
        return Optional.empty();
    }

    private Optional<ProblemException> refusal(ProtectionCase c, boolean needsAuthorisation) {
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

    /**
     * Keeps the authorisation on the case and audits it, with its id and expiry; {@code recovered} when it is one
     * consent-service had recorded for the case but this service had not (its renewal count is then not known).
     */
    private Uni<ProtectionCase> record(
            ProtectionCase c, String action, Authorisation a, AuditActor actor, boolean recovered) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant expires = a.expiresAt().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> ProtectionCase.update(
                                "vitalInterestId = ?1, vitalInterestExpiresAt = ?2, updatedAt = ?3,"
                                        + " version = version + 1 where id = ?4",
                                a.id(),
                                expires,
                                now,
                                c.id)
                        .call(() -> audit.record(event(actor, action, c)
                                .reason("authorisation=" + a.id() + " category="
                                        + criticalOf(c).orElseThrow() + " expires=" + expires
                                        + (recovered
                                                ? " recovered=in-force-at-consent-service-not-recorded-on-case"
                                                : " renewals=" + a.renewals()))
                                .build()))
                        .chain(() -> ProtectionCase.<ProtectionCase>findById(c.id)))
                .onFailure()
                .invoke(e -> Log.errorf(
                        "event=vital-interest-unrecorded case=%s authorisation=%s cause=%s",
                        c.id, a.id(), e.getClass().getName()))
                .invoke(saved -> Log.infof(
                        "event=%s case=%s authorisation=%s expires=%s recovered=%s",
                        action, c.id, a.id(), expires, recovered));
    }

    /**
     * consent-service refused the officer (DENIED), or gave no answer or refused case-service's request (FAILED):
     * audited in a transaction of its own.
     */
    private Uni<Void> auditRefusal(AuditActor actor, String action, ProtectionCase c, ProblemException problem) {
        boolean unavailable = problem.problem().getStatus() >= 500;
        return Panache.withTransaction(() -> audit.record(event(actor, action, c)
                .outcome(unavailable ? AuditOutcome.FAILED : AuditOutcome.DENIED)
                .reason("consent-service " + slug(problem))
                .build()));
    }

    private AuditEvent.Builder event(AuditActor actor, String action, ProtectionCase c) {
        return AuditEvent.of(audit.serviceName(), action, actor)
                .worker(c.workerId)
                .purpose(CaseAccess.PURPOSE)
                .resource("case", c.id);
    }

    /** The problem type without its prefix, e.g. {@code case-not-critical}. */
    private static String slug(ProblemException problem) {
        return problem.problem().getType().substring(Problem.TYPE_PREFIX.length());
    }

    private static ProblemException notFound(UUID caseId) {
        return ProblemException.notFound("Case " + caseId);
    }

    /** consent-service's authorisation, and whether it was recovered from its 409 rather than just invoked. */
    private record Invoked(Authorisation authorisation, boolean recovered) {}

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
