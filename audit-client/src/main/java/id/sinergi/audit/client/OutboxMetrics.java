package id.sinergi.audit.client;

import id.sinergi.common.ops.FigureRefresh;
import id.sinergi.common.ops.QueueGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Singleton;

/**
 * The audit delivery lag of this service as gauges on {@code /q/metrics}, tag {@code source}, the sending service
 * as audit-service names it: {@code sinergi_audit_outbox_pending} (events in the outbox still to deliver, without
 * those set aside as unreadable) and {@code sinergi_audit_outbox_oldest_age_seconds} (how long the oldest of them
 * has waited; 0 when none waits). One query refreshes both every {@code sinergi.metrics.refresh-interval} (15s;
 * {@code off} in the tests, which call {@link #refresh()}); the age grows between refreshes from the oldest event's
 * time.
 */
@Startup
@Singleton
public class OutboxMetrics {

    private static final String FIGURES =
            "SELECT count(*), min(created_at) FROM audit_outbox WHERE " + AuditOutboxEntry.NOT_SET_ASIDE;

    private final Pool pool;
    private final QueueGauges gauges;

    public OutboxMetrics(Pool pool, MeterRegistry registry, AuditConfig config) {
        this.pool = pool;
        this.gauges = new QueueGauges(
                registry,
                "sinergi.audit.outbox.pending",
                "Audit events in the outbox still to deliver to audit-service",
                "sinergi.audit.outbox.oldest.age",
                "How long the oldest audit event still to deliver has waited in the outbox",
                Tags.of("source", config.serviceName()));
    }

    @Scheduled(
            identity = "audit-outbox-metrics",
            every = "${sinergi.metrics.refresh-interval:15s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return FigureRefresh.logged(refresh(), "audit-outbox");
    }

    /** Reads the outbox's figures now. */
    public Uni<Void> refresh() {
        return pool.query(FIGURES)
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    gauges.update(row.getLong(0), row.getOffsetDateTime(1));
                })
                .replaceWithVoid();
    }
}
