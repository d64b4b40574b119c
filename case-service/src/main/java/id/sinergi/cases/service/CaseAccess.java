package id.sinergi.cases.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.StaleStateException;

/**
 * The one way a case is changed: in one transaction, the case is loaded, checked against the caller's scope and
 * the version they name, changed, audited and written, or nothing is. A case out of the caller's sight is
 * answered 404, and the attempt is audited as denied (in its own committed transaction); a case the caller sees
 * but their side does not lead is 403 {@code not-lead}.
 */
@ApplicationScoped
public class CaseAccess {

    /** The purpose every case event is processed for (UU 27/2022: stated purpose). */
    public static final String PURPOSE = Purpose.PROTECTION_CASE_HANDLING.name();

    @Inject
    AuditTrail audit;

    /**
     * Applies {@code change} to the case at the version {@code expectedVersion}, once the caller's side leads it.
     *
     * @param action the audit action, e.g. {@code case.transition}, recorded as denied when out of scope
     * @param change changes the case (and may add rows and audit events); it sets {@code updatedAt}, so that the
     *     case's version moves on even when only rows beside it are added
     */
    public Uni<ProtectionCase> change(
            UUID caseId,
            long expectedVersion,
            Caller caller,
            String action,
            Function<ProtectionCase, Uni<ProtectionCase>> change) {
        return change(caseId, expectedVersion, caller, action, true, change);
    }

    /**
     * As {@link #change(UUID, long, Caller, String, Function)}; with {@code leadOnly} false any caller who sees the
     * case may make the change (the participating side too), and {@code change} checks what else it needs.
     */
    public Uni<ProtectionCase> change(
            UUID caseId,
            long expectedVersion,
            Caller caller,
            String action,
            boolean leadOnly,
            Function<ProtectionCase, Uni<ProtectionCase>> change) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return Panache.withTransaction(
                        () -> ProtectionCase.<ProtectionCase>findById(caseId).chain(c -> {
                            if (c == null) {
                                return Uni.createFrom().nullItem();
                            }
                            if (!scope.sees(c)) {
                                return denied(actor, action, c).replaceWith((ProtectionCase) null);
                            }
                            if (leadOnly && !scope.leads(c)) {
                                throw notLead(c);
                            }
                            if (c.version != expectedVersion) {
                                throw CaseVersions.stale(caseId, c.version);
                            }
                            c.updatedAt = now();
                            return change.apply(c).call(() -> Panache.flush());
                        }))
                .onFailure(CaseAccess::isStale)
                .transform(e -> CaseVersions.stale(caseId))
                .map(c -> {
                    if (c == null) {
                        throw ProblemException.notFound("Case " + caseId);
                    }
                    return c;
                });
    }

    /**
     * Reads the case for the caller in a transaction of its own and audits the read as {@code action}; a case out of
     * sight is audited as denied and answered 404.
     */
    public Uni<ProtectionCase> read(UUID caseId, Caller caller, String action) {
        return read(caseId, caller, action, c -> null);
    }

    /**
     * As {@link #read(UUID, Caller, String)}, the audit event carrying {@code reason} of the case (e.g. what was
     * exported to whom), after {@code out-of-scope} when the read is denied.
     */
    public Uni<ProtectionCase> read(
            UUID caseId, Caller caller, String action, Function<ProtectionCase, String> reason) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return Panache.withTransaction(
                        () -> ProtectionCase.<ProtectionCase>findById(caseId).call(c -> {
                            if (c == null) {
                                return Uni.createFrom().voidItem();
                            }
                            String why = reason.apply(c);
                            return scope.sees(c)
                                    ? audit.record(
                                            event(actor, action, c).reason(why).build())
                                    : denied(actor, action, c, why);
                        }))
                .map(c -> {
                    if (!scope.sees(c)) {
                        throw ProblemException.notFound("Case " + caseId);
                    }
                    return c;
                });
    }

    /**
     * One row of a case (a closure request, referral or outcome), found by {@code row} in the transaction that reads
     * the case, with the case's version, which is also the row's version: a row changes only with its case. The
     * read is audited as {@code action} naming the row; a row the case does not have is 404 and audited as failed
     * (nothing was shown); a case out of the caller's sight is 404 and audited as denied.
     *
     * @param kind the row's name in the audit reason and the 404, e.g. {@code referral}
     */
    public <T> Uni<Versioned<T>> readRow(
            UUID caseId, Caller caller, String action, String kind, UUID rowId, Function<ProtectionCase, Uni<T>> row) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        String named = kind + "=" + rowId;
        return Panache.withTransaction(
                        () -> ProtectionCase.<ProtectionCase>findById(caseId).chain(c -> {
                            if (c == null) {
                                return Uni.createFrom().<Versioned<T>>nullItem();
                            }
                            if (!scope.sees(c)) {
                                return denied(actor, action, c, named).replaceWith((Versioned<T>) null);
                            }
                            return row.apply(c)
                                    .call(r -> audit.record(event(actor, action, c)
                                            .outcome(r == null ? AuditOutcome.FAILED : AuditOutcome.SUCCESS)
                                            .reason(r == null ? "not-found " + named : named)
                                            .build()))
                                    .map(r -> new Versioned<>(r, c.version));
                        }))
                .map(v -> {
                    if (v == null) {
                        throw ProblemException.notFound("Case " + caseId);
                    }
                    if (v.value() == null) {
                        throw ProblemException.notFound("The " + kind + " " + rowId + " of case " + caseId);
                    }
                    return v;
                });
    }

    /** An audit event about the case by the actor, for the case-handling purpose. */
    public AuditEvent.Builder event(AuditActor actor, String action, ProtectionCase c) {
        return AuditEvent.of(audit.serviceName(), action, actor)
                .worker(c.workerId)
                .purpose(PURPOSE)
                .resource("case", c.id);
    }

    /** An audit event about no one case (a list that found none, a statistics read), for the case-handling purpose. */
    public AuditEvent.Builder event(AuditActor actor, String action) {
        return AuditEvent.of(audit.serviceName(), action, actor).purpose(PURPOSE);
    }

    /**
     * Audits, in a transaction of its own, a list asked for a mission outside the caller's scope as denied, naming
     * the mission (and {@code asked}, what else was asked, when not null); the list answers empty.
     */
    public Uni<Void> deniedMission(AuditActor actor, String action, String missionId, String asked) {
        Log.warnf("event=case-access-denied action=%s mission=%s actor=%s", action, missionId, actor.subject());
        return Panache.withTransaction(() -> audit.record(event(actor, action)
                .outcome(AuditOutcome.DENIED)
                .reason("out-of-scope mission=" + missionId + (asked == null ? "" : " " + asked))
                .build()));
    }

    /** Records the event in the current transaction. */
    public Uni<Void> record(AuditEvent event) {
        return audit.record(event);
    }

    /** The service's clock, to the database's precision. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * The case if the caller may see it, audited only when they may not (as denied, committed, then 404): for a change
     * that must ask another service before its own transaction, which audits the change itself.
     */
    public Uni<ProtectionCase> sighted(UUID caseId, Caller caller, String action) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return Panache.withTransaction(() -> ProtectionCase.<ProtectionCase>findById(caseId)
                        .call(c -> c == null || scope.sees(c) ? Uni.createFrom().voidItem() : denied(actor, action, c)))
                .map(c -> {
                    if (!scope.sees(c)) {
                        throw ProblemException.notFound("Case " + caseId);
                    }
                    return c;
                });
    }

    private Uni<Void> denied(AuditActor actor, String action, ProtectionCase c) {
        return denied(actor, action, c, null);
    }

    private Uni<Void> denied(AuditActor actor, String action, ProtectionCase c, String why) {
        Log.warnf("event=case-access-denied action=%s case=%s actor=%s", action, c.id, actor.subject());
        return audit.record(event(actor, action, c)
                .outcome(AuditOutcome.DENIED)
                .reason(why == null ? "out-of-scope" : "out-of-scope " + why)
                .build());
    }

    /** The 403 to a caller whose side takes part in the case but does not lead it. */
    public static ProblemException notLead(ProtectionCase c) {
        ProblemException e = ProblemException.forbidden(
                "not-lead",
                "Not the lead",
                "Your side takes part in case " + c.id + " but does not lead it: the lead agency acts on it");
        e.problem().with("leadAgency", c.leadAgency.name());
        return e;
    }

    static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
