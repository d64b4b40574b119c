package id.sinergi.common.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The two gauges of a queue that lives in a table: how many items wait, and how long the oldest has waited in
 * seconds (0 when none waits; it grows between refreshes from the oldest item's time). The owner refreshes both
 * with {@link #update}, typically from one query of (count, oldest timestamp).
 */
public final class QueueGauges {

    private final AtomicLong waiting = new AtomicLong();
    private final AtomicReference<Instant> oldest = new AtomicReference<>();

    /**
     * Registers {@code name} (the count) and {@code ageName} (seconds), each with its description and the tags.
     */
    public QueueGauges(
            MeterRegistry registry, String name, String description, String ageName, String ageDescription, Tags tags) {
        Gauge.builder(name, waiting, AtomicLong::get)
                .description(description)
                .tags(tags)
                .register(registry);
        Gauge.builder(ageName, this, QueueGauges::oldestAgeSeconds)
                .description(ageDescription)
                .baseUnit("seconds")
                .tags(tags)
                .register(registry);
    }

    /** Keeps a refresh's answer: how many wait, and when the oldest came (null when none waits). */
    public void update(long count, OffsetDateTime first) {
        waiting.set(count);
        oldest.set(first == null ? null : first.toInstant());
    }

    double oldestAgeSeconds() {
        Instant first = oldest.get();
        return first == null
                ? 0
                : Math.max(0, Duration.between(first, Instant.now()).toMillis() / 1000.0);
    }
}
