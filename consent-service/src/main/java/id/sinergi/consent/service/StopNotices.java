package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantHolder;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.domain.StopNotice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stop notices of revoked and paused grants: one per holder of the grant's data, due 3x24 hours after the
 * change (UU 27/2022: processing stops within 3x24 hours of a withdrawal; a pause is held to the same time, since
 * nothing permits processing while it lasts); the holder confirms the stop. A resume ends the open notices of the
 * pause, and a revocation replaces them with its own.
 */
@ApplicationScoped
public class StopNotices {

    /** How long a holder has to stop processing and confirm it. */
    public static final Duration STOP_DEADLINE = Duration.ofHours(72);

    @Inject
    AuditTrail audit;

    @Inject
    ConsentClock clock;

    /**
     * What a status change means for the holders, in the change's transaction: a revocation or a pause sends each
     * holder a notice (a revocation first ends the pause's open ones), a resume ends the pause's open ones.
     */
    Uni<Void> onChange(ConsentGrant grant, GrantStatus target, Instant at) {
        return switch (target) {
            case REVOKED -> endPauseNotices(grant, GrantStatus.REVOKED, at).chain(() -> issue(grant, target, at));
            case PAUSED -> issue(grant, target, at);
            case ACTIVE -> endPauseNotices(grant, GrantStatus.ACTIVE, at);
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Sends a notice to every holder of the grant. */
    private Uni<Void> issue(ConsentGrant grant, GrantStatus cause, Instant at) {
        return GrantHolder.ofGrant(grant.id)
                .map(holders ->
                        holders.stream().map(h -> notice(grant, h, cause, at)).toList())
                .call(notices -> notices.isEmpty() ? Uni.createFrom().voidItem() : StopNotice.persist(notices))
                .invoke(notices -> Log.infof(
                        "event=stop-notices-issued grant=%s cause=%s notices=%d", grant.id, cause, notices.size()))
                .replaceWithVoid();
    }

    /** Ends the pause's notices still waiting for a confirmation; the version moves, so a racing confirm fails. */
    private Uni<Void> endPauseNotices(ConsentGrant grant, GrantStatus endedBy, Instant at) {
        return StopNotice.update(
                        "endedAt = ?1, endedBy = ?2, version = version + 1 where grantId = ?3 and cause = ?4"
                                + " and confirmedAt is null and endedAt is null",
                        at,
                        endedBy,
                        grant.id,
                        GrantStatus.PAUSED)
                .invoke(ended -> {
                    if (ended > 0) {
                        Log.infof("event=stop-notices-ended grant=%s by=%s notices=%d", grant.id, endedBy, ended);
                    }
                })
                .replaceWithVoid();
    }

    private static StopNotice notice(ConsentGrant grant, GrantHolder holder, GrantStatus cause, Instant at) {
        StopNotice n = new StopNotice();
        n.id = UUID.randomUUID();
        n.grantId = grant.id;
        n.workerId = grant.workerId;
        n.holderId = holder.id;
        n.agency = holder.agency;
        n.clientId = holder.clientId;
        n.subject = holder.subject;
        n.username = holder.username;
        n.cause = cause;
        n.issuedAt = at;
        n.dueAt = at.plus(STOP_DEADLINE);
        return n;
    }

    /**
     * Notices not yet confirmed: all of them, only the overdue ones ({@code overdue} true) or only those still
     * within their time (false); soonest due first.
     */
    @WithTransaction
    public Uni<List<StopNotice>> open(Boolean overdue, Caller caller) {
        Instant now = clock.now();
        Uni<List<StopNotice>> found = overdue == null
                ? StopNotice.list("confirmedAt is null and endedAt is null order by dueAt, id")
                : StopNotice.list(
                        "confirmedAt is null and endedAt is null and dueAt " + (overdue ? "<=" : ">")
                                + " ?1 order by dueAt, id",
                        now);
        return found.call(
                list -> audit.record(AuditEvent.of(audit.serviceName(), "consent.stop-notice.list", caller.actor())
                        .reason("overdue=" + overdue + " notices=" + list.size())
                        .build()));
    }

    /** The holder (the same user, or the same service) confirms that it stopped processing the data. */
    public Uni<StopNotice> confirm(UUID noticeId, String note, Caller caller) {
        Instant now = clock.now();
        return Panache.withTransaction(() -> StopNotice.<StopNotice>findById(noticeId)
                        .onItem()
                        .ifNull()
                        .failWith(() -> ProblemException.notFound("Stop notice " + noticeId))
                        .invoke(n -> confirm(n, note, caller, now))
                        .call(n -> audit.record(
                                AuditEvent.of(audit.serviceName(), "consent.stop-notice.confirm", caller.actor())
                                        .worker(n.workerId)
                                        .resource("stop-notice", n.id)
                                        .reason("grant=" + n.grantId + " overdue=" + now.isAfter(n.dueAt))
                                        .build())))
                .onFailure(GrantLifecycle::isStale)
                .transform(e -> ProblemException.conflict(
                        "already-confirmed", "Already confirmed", "Stop notice " + noticeId + " is already confirmed"));
    }

    private static void confirm(StopNotice n, String note, Caller caller, Instant now) {
        if (!isHolder(n, caller)) {
            throw ProblemException.forbidden(
                    "not-the-holder", "Not the holder", "Only the holder a stop notice names may confirm it");
        }
        if (n.confirmedAt != null) {
            throw ProblemException.conflict(
                    "already-confirmed", "Already confirmed", "Stop notice " + n.id + " is already confirmed");
        }
        if (n.endedAt != null) {
            throw ProblemException.conflict(
                    "notice-ended",
                    "Notice ended",
                    "Stop notice " + n.id + " ended when the grant became " + n.endedBy + "; it needs no confirmation");
        }
        n.confirmedAt = now;
        n.confirmedBy = caller.subject();
        n.confirmationNote = note;
    }

    private static boolean isHolder(StopNotice n, Caller caller) {
        if (n.subject.equals(caller.subject())) {
            return true;
        }
        return caller.hasRole(Roles.SINERGI_SERVICE) && n.clientId.equals(caller.clientId());
    }
}
