package id.sinergi.scenario.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When the generated events happened. The benchmark sends in minutes the events that the suite records in months:
 * 10,000,000 events are some hundred days of 2,000 officers' work, fifty events an officer a day. Had every event
 * happened when it was sent, each officer would read hundreds of workers a minute and the alert rules would see an
 * endless mass read (docs/benchmarks.md). So the events are spread over a history instead: the clock hands out
 * times {@code span / events} apart from {@code end - span} on, shared by every client of a run, each event at a
 * random moment of its own step.
 */
final class EventClock {

    private final long events;
    private final long firstNanos;
    private final long stepNanos;
    private final AtomicLong ticks = new AtomicLong();

    /** A clock for {@code events} events spread over {@code span}, the last of them just before {@code end}. */
    EventClock(Instant end, long events, Duration span) {
        if (events < 1 || span.isNegative() || span.isZero()) {
            throw new IllegalArgumentException("a history needs at least one event and a span");
        }
        this.events = events;
        this.stepNanos = Math.max(1, span.toNanos() / events);
        Instant first = end.minusNanos(stepNanos * events);
        this.firstNanos = first.getEpochSecond() * 1_000_000_000L + first.getNano();
    }

    /**
     * The time of the next event, drawn within its step with {@code random}; once the history's events are all
     * given, now (a run that sends more events than its history was made for sends the rest as they happen).
     */
    Instant next(SplittableRandom random) {
        long tick = ticks.getAndIncrement();
        if (tick >= events) {
            return Instant.now().truncatedTo(ChronoUnit.MICROS);
        }
        long at = firstNanos + tick * stepNanos + random.nextLong(stepNanos);
        return Instant.ofEpochSecond(0, at).truncatedTo(ChronoUnit.MICROS);
    }
}
