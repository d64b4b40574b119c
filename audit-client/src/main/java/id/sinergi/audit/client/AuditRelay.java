package id.sinergi.audit.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Delivers the outbox to audit-service in recording order, in batches, and deletes what audit-service has
 * acknowledged. While audit-service cannot be reached the events stay in the outbox, and rounds back off
 * exponentially up to a minute; each failed round is logged once at WARN. An entry whose payload cannot be read
 * is set aside rather than retried (see {@link OutboxBatch}), so it never holds back the events after it.
 */
@ApplicationScoped
public class AuditRelay {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** The oldest undelivered events, without those set aside; rows another replica is sending are skipped. */
    private static final String NEXT_BATCH = "SELECT * FROM audit_outbox WHERE " + AuditOutboxEntry.NOT_SET_ASIDE
            + " ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED";

    @Inject
    @RestClient
    AuditServiceClient auditService;

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditConfig config;

    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile int failures;

    @Scheduled(
            identity = "audit-outbox-relay",
            every = "${sinergi.audit.relay-interval:1s}",
            delayed = "${sinergi.audit.relay-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (Instant.now().isBefore(nextAttempt)) {
            return Uni.createFrom().voidItem();
        }
        return deliverBatch().replaceWithVoid();
    }

    /**
     * Sends one batch; returns how many events audit-service acknowledged. Entries that cannot be read are set
     * aside in the same transaction, which commits even when the delivery fails.
     */
    public Uni<Integer> deliverBatch() {
        return Panache.withTransaction(() -> nextBatch().flatMap(this::send))
                .onFailure()
                .recoverWithItem(this::backOff);
    }

    private Uni<List<AuditOutboxEntry>> nextBatch() {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(NEXT_BATCH, AuditOutboxEntry.class)
                .setParameter("limit", config.relayBatchSize())
                .getResultList());
    }

    private Uni<Integer> send(List<AuditOutboxEntry> entries) {
        OutboxBatch batch = OutboxBatch.of(entries, mapper);
        if (batch.events().isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return auditService
                .deliver(batch.payloads())
                .map(ok -> true)
                .onFailure()
                .invoke(this::backOff)
                .onFailure()
                .recoverWithItem(false)
                .flatMap(delivered ->
                        delivered ? acknowledge(batch) : Uni.createFrom().item(0));
    }

    /** Deletes what audit-service stored and ends any back-off. */
    private Uni<Integer> acknowledge(OutboxBatch batch) {
        return AuditOutboxEntry.delete("seq in ?1", batch.deliverable()).map(deleted -> {
            if (failures > 0) {
                Log.infof("event=audit-relay-recovered after=%d failed rounds", failures);
            }
            failures = 0;
            nextAttempt = Instant.EPOCH;
            return batch.events().size();
        });
    }

    private int backOff(Throwable failure) {
        failures++;
        long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(failures, 6));
        nextAttempt = Instant.now().plusSeconds(seconds);
        Log.warnf(
                "event=audit-relay-failed failures=%d retryInSeconds=%d cause=%s",
                failures, seconds, failure.getClass().getSimpleName() + ": " + failure.getMessage());
        return 0;
    }
}
