package id.sinergi.consent.service;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Records the EXPIRED version of grants past their end. Decisions and reads do not wait for it: a grant reads and
 * decides as EXPIRED from its validUntil on ({@link ConsentGrant#statusAt}); this job only writes the version down.
 */
@ApplicationScoped
public class ExpiryJob {

    /** The clock, as audit events name it. */
    static final AuditActor ACTOR =
            new AuditActor(GrantHistory.SYSTEM, GrantHistory.SYSTEM, null, null, GrantHistory.SYSTEM, List.of());

    private static final List<GrantStatus> OPEN = List.of(GrantStatus.PENDING, GrantStatus.ACTIVE, GrantStatus.PAUSED);

    /** Grants expired per run; the next run takes the rest. */
    static final int BATCH = 200;

    @Inject
    GrantLifecycle lifecycle;

    @Inject
    ConsentClock clock;

    @Scheduled(
            identity = "consent-expiry",
            every = "${sinergi.consent.expiry-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return expireDue()
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("event=consent-grants-expired count=%d", n);
                    }
                })
                .replaceWithVoid();
    }

    /** Expires the open grants whose end has come, one batch in one transaction; the number expired. */
    public Uni<Integer> expireDue() {
        Instant now = clock.now();
        return Panache.withTransaction(() -> ConsentGrant.<ConsentGrant>find(
                                "status in ?1 and validUntil <= ?2 order by validUntil", OPEN, now)
                        .page(0, BATCH)
                        .list()
                        .call(grants -> Multi.createFrom()
                                .iterable(grants)
                                .onItem()
                                .transformToUniAndConcatenate(g -> lifecycle.expire(g, now))
                                .collect()
                                .asList())
                        .map(List::size))
                .onFailure(GrantLifecycle::isStale)
                .recoverWithItem(0);
    }
}
