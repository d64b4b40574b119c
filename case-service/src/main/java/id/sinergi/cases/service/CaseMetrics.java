package id.sinergi.cases.service;

import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.ops.FigureRefresh;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The case figures on {@code /q/metrics}: {@code sinergi_cases_open{priority}} (cases not closed, per priority) and
 * {@code sinergi_case_deadline_breaches{deadline}} (open cases past a deadline not yet met: FIRST_RESPONSE or
 * RESOLUTION, the RED of the breach list). One grouped query over the open cases refreshes them every
 * {@code sinergi.metrics.refresh-interval} (15s; {@code off} in the tests, which call {@link #refresh()}). Every
 * priority and deadline has its gauge from start-up, at 0 until counted.
 */
@Startup
@Singleton
public class CaseMetrics {

    /** $1 now: per priority, the open cases, those past the first response due and those past the resolution due. */
    static final String FIGURES =
            """
            SELECT priority, count(*),
                   count(*) FILTER (WHERE first_responded_at IS NULL AND first_response_due < $1::timestamptz),
                   count(*) FILTER (WHERE resolved_at IS NULL AND resolution_due < $1::timestamptz)
            FROM protection_case WHERE status <> 'CLOSED' GROUP BY priority
            """;

    private final Pool pool;
    private final CaseDeadlines deadlines;
    private final Map<Priority, AtomicLong> open = new EnumMap<>(Priority.class);
    private final Map<Deadline, AtomicLong> breaches = new EnumMap<>(Deadline.class);

    public CaseMetrics(Pool pool, CaseDeadlines deadlines, MeterRegistry registry) {
        this.pool = pool;
        this.deadlines = deadlines;
        for (Priority p : Priority.values()) {
            AtomicLong value = new AtomicLong();
            open.put(p, value);
            Gauge.builder("sinergi.cases.open", value, AtomicLong::get)
                    .description("Protection cases not closed, per priority")
                    .tag("priority", p.name())
                    .register(registry);
        }
        for (Deadline d : Deadline.values()) {
            AtomicLong value = new AtomicLong();
            breaches.put(d, value);
            Gauge.builder("sinergi.case.deadline.breaches", value, AtomicLong::get)
                    .description("Open protection cases past this deadline without having met it")
                    .tag("deadline", d.name())
                    .register(registry);
        }
    }

    @Scheduled(
            identity = "case-metrics",
            every = "${sinergi.metrics.refresh-interval:15s}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return FigureRefresh.logged(refresh(), "cases");
    }

    /** Counts the open cases and their breaches now. */
    public Uni<Void> refresh() {
        OffsetDateTime now = OffsetDateTime.ofInstant(deadlines.now(), ZoneOffset.UTC);
        return pool.preparedQuery(FIGURES)
                .execute(Tuple.of(now))
                .invoke(rows -> {
                    Map<Priority, Long> perPriority = new EnumMap<>(Priority.class);
                    long firstResponse = 0;
                    long resolution = 0;
                    for (Row row : rows) {
                        perPriority.put(Priority.valueOf(row.getString(0)), row.getLong(1));
                        firstResponse += row.getLong(2);
                        resolution += row.getLong(3);
                    }
                    open.forEach((p, value) -> value.set(perPriority.getOrDefault(p, 0L)));
                    breaches.get(Deadline.FIRST_RESPONSE).set(firstResponse);
                    breaches.get(Deadline.RESOLUTION).set(resolution);
                })
                .replaceWithVoid();
    }
}
