package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StaleObjectStateException;

/**
 * Moves grants through their lifecycle ({@link GrantStatus#next()}): each change is a new version in the history
 * and an audit event, in one transaction. A revocation or a pause also sends a stop notice to every holder of the
 * grant's data; a resume ends the pause's notices.
 */
@ApplicationScoped
public class GrantLifecycle {

    /** What a client may ask for; EXPIRED is the clock's and PENDING only a new grant's. */
    static final Set<GrantStatus> REQUESTABLE =
            EnumSet.of(GrantStatus.ACTIVE, GrantStatus.PAUSED, GrantStatus.REVOKED, GrantStatus.REJECTED);

    @Inject
    AuditTrail audit;

    @Inject
    GrantHistory history;

    @Inject
    StopNotices stopNotices;

    @Inject
    ConsentClock clock;

    public Uni<ConsentGrant> change(UUID grantId, GrantStatus target, String reason, Caller caller) {
        if (!REQUESTABLE.contains(target)) {
            throw ProblemException.invalidField(
                    "invalid-target-status", "status", "must be one of " + REQUESTABLE + "; the clock sets EXPIRED");
        }
        Instant now = clock.now();
        return Panache.withTransaction(() -> ConsentService.load(grantId)
                        .invoke(g -> apply(g, target, reason, caller, now))
                        .call(Panache::flush)
                        .call(g -> history.record(g, caller.subject(), caller.username(), reason, now))
                        .call(g -> stopNotices.onChange(g, target, now))
                        .call(g -> audit.record(AuditEvent.of(audit.serviceName(), action(target), caller.actor())
                                .worker(g.workerId)
                                .resource("consent-grant", g.id)
                                .reason("status=" + target + " revision=" + g.revision)
                                .build())))
                .onFailure(GrantLifecycle::isStale)
                .transform(e -> ProblemException.conflict(
                        "concurrent-change", "Changed meanwhile", "Consent grant " + grantId + " changed meanwhile"))
                .invoke(g -> Log.infof(
                        "event=consent-status-changed grant=%s worker=%s status=%s revision=%d",
                        g.id, g.workerId, g.status, g.revision));
    }

    /** Hibernate's optimistic-lock failure, however wrapped: another transaction changed the grant first. */
    static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StaleObjectStateException || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static void apply(ConsentGrant g, GrantStatus target, String reason, Caller caller, Instant now) {
        GrantStatus from = g.statusAt(now);
        if (!from.mayBecome(target)) {
            throw forbidden(g.id, from, target);
        }
        if (target == GrantStatus.ACTIVE
                && ConsentService.isOfficer(caller)
                && caller.requireAgency() == g.receivingAgency) {
            throw ConsentService.selfGrant();
        }
        g.status = target;
        g.revision++;
        if (target == GrantStatus.REVOKED) {
            g.revokedAt = now;
            g.revokedBy = caller.subject();
            g.revocationReason = reason;
        }
    }

    static ProblemException forbidden(UUID grantId, GrantStatus from, GrantStatus to) {
        return new ProblemException(new Problem(
                        "transition-forbidden",
                        "Status change not allowed",
                        409,
                        "Consent grant " + grantId + " cannot change from " + from + " to " + to,
                        null,
                        null)
                .with("from", from)
                .with("to", to));
    }

    private static String action(GrantStatus target) {
        return switch (target) {
            case REVOKED -> "consent.revoke";
            case PAUSED -> "consent.pause";
            case ACTIVE -> "consent.activate";
            case REJECTED -> "consent.reject";
            default -> "consent.status";
        };
    }

    /** Records the EXPIRED version of an open grant past its end; the caller holds the transaction. */
    Uni<ConsentGrant> expire(ConsentGrant g, Instant now) {
        g.status = GrantStatus.EXPIRED;
        g.revision++;
        return history.record(g, GrantHistory.SYSTEM, null, "validity ended " + g.validUntil, now)
                .call(v -> audit.record(AuditEvent.of(audit.serviceName(), "consent.expire", ExpiryJob.ACTOR)
                        .worker(g.workerId)
                        .resource("consent-grant", g.id)
                        .reason("status=EXPIRED revision=" + g.revision)
                        .build()))
                .replaceWith(g);
    }
}
