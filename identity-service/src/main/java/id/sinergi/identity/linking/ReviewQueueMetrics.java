package id.sinergi.identity.linking;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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
    private final AtomicLong open = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    public ReviewQueueMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        Gauge.builder("sinergi.identity.review.queue", open, AtomicLong::get)
                .description("Match review questions waiting for a reviewer")
                .register(registry);
        Gauge.builder("sinergi.identity.review.oldest.age", this, ReviewQueueMetrics::oldestAgeSeconds)
                .description("How long the oldest open match review question has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(
            identity = "review-queue-metrics",
            every = "${sinergi.metrics.refresh-interval:15s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return refresh().onFailure().recoverWithItem(failure -> {
            Log.warnf(
                    "event=metrics-refresh-failed figures=review-queue cause=%s",
                    failure.getClass().getSimpleName());
            return null;
        });
    }

    /** Reads the queue's figures now. */
    public Uni<Void> refresh() {
        return pool.query(FIGURES)
                .execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    OffsetDateTime first = row.getOffsetDateTime(1);
                    open.set(row.getLong(0));
                    oldest.set(first == null ? null : first.toInstant());
                })
                .replaceWithVoid();
    }

    double oldestAgeSeconds() {
        Instant first = oldest.get();
        return first == null
                ? 0
                : Math.max(0, Duration.between(first, Instant.now()).toMillis() / 1000.0);
    }
}
