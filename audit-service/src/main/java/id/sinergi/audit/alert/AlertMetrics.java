package id.sinergi.audit.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauge {@code sinergi_audit_alerts_open} (tag {@code rule}): review tasks not yet signed off, per rule. The
 * scanner refreshes it at each of its scheduled runs (the first a few seconds after the start) and after every scan
 * that raised alerts, and a review or a new sample right away.
 */
@ApplicationScoped
public class AlertMetrics {

    private static final String OPEN = "SELECT a.rule, count(*) FROM audit_alert a"
            + " WHERE NOT EXISTS (SELECT 1 FROM audit_alert_review r WHERE r.alert_id = a.id) GROUP BY a.rule";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    private final Map<AlertRule, AtomicLong> open = new EnumMap<>(AlertRule.class);

    void register(@Observes StartupEvent start) {
        for (AlertRule rule : AlertRule.values()) {
            AtomicLong value = new AtomicLong();
            open.put(rule, value);
            Gauge.builder("sinergi.audit.alerts.open", value, AtomicLong::get)
                    .description("Audit alerts and sample reviews not yet signed off by a security auditor")
                    .tag("rule", rule.code())
                    .register(registry);
        }
    }

    /** Reads the open tasks per rule from the tables. */
    public Uni<Void> refresh() {
        return pool.query(OPEN)
                .execute()
                .invoke(rows -> {
                    Map<AlertRule, Long> counts = new EnumMap<>(AlertRule.class);
                    for (Row row : rows) {
                        AlertRule.ofCode(row.getString(0)).ifPresent(rule -> counts.put(rule, row.getLong(1)));
                    }
                    open.forEach((rule, value) -> value.set(counts.getOrDefault(rule, 0L)));
                })
                .replaceWithVoid();
    }
}
