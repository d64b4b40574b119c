package id.sinergi.identity.linking;

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
 * The match review queue on {@code /q/metrics}: {@code sinergi_identity_review_queue} (questions waiting for a
 * reviewer) and {@code sinergi_identity_review_oldest_age_seconds} (how long the oldest has waited; 0 when none
 * waits). One query refreshes both every {@code sinergi.metrics.refresh-interval} (15s; {@code off} in the tests,
 * which call {@link #refresh()}).
 */
@Startup
@Singleton
public class ReviewQueueMetrics {

    private static final String FIGURES = "SELECT count(*), min(created_at) FROM match_candidate WHERE status = 'OPEN'";

    private final Pool pool;
    private final QueueGauges gauges;

    public ReviewQueueMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.gauges = new QueueGauges(
                registry,
                "sinergi.identity.review.queue",
                "Match review questions waiting for a reviewer",
                "sinergi.identity.review.oldest.age",
                "How long the oldest open match review question has waited",
                Tags.empty());
    }

    @Scheduled(
            identity = "review-queue-metrics",
            every = "${sinergi.metrics.refresh-interval:15s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return FigureRefresh.logged(refresh(), "review-queue");
    }

    /** Reads the queue's figures now. */
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
