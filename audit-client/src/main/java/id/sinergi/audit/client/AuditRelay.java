package id.sinergi.audit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.audit.AuditEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Delivers the outbox to audit-service in recording order, in batches, and deletes what audit-service has
 * acknowledged. While audit-service cannot be reached the events stay in the outbox, and rounds back off
 * exponentially up to a minute; each failed round is logged once at WARN.
 */
@ApplicationScoped
public class AuditRelay {

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    /** The oldest undelivered events; rows another replica is sending are skipped, not waited for. */
    private static final String NEXT_BATCH =
            "SELECT * FROM audit_outbox ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED";

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

    /** Sends one batch; returns how many events audit-service acknowledged. */
    public Uni<Integer> deliverBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(NEXT_BATCH, AuditOutboxEntry.class)
                                .setParameter("limit", config.relayBatchSize())
                                .getResultList())
                        .flatMap(this::send))
                .onFailure()
                .recoverWithItem(this::backOff);
    }

    private Uni<Integer> send(List<AuditOutboxEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<AuditEvent> events = new ArrayList<>(entries.size());
        for (AuditOutboxEntry entry : entries) {
            events.add(parse(entry));
        }
        return auditService
                .deliver(events)
                .flatMap(ok -> AuditOutboxEntry.delete(
                        "seq in ?1", entries.stream().map(e -> e.seq).toList()))
                .map(deleted -> {
                    if (failures > 0) {
                        Log.infof("event=audit-relay-recovered after=%d failed rounds", failures);
                    }
                    failures = 0;
                    nextAttempt = Instant.EPOCH;
                    return entries.size();
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

    private AuditEvent parse(AuditOutboxEntry entry) {
        try {
            return mapper.readValue(entry.payload, AuditEvent.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox entry " + entry.seq + " holds no readable audit event", e);
        }
    }
}
