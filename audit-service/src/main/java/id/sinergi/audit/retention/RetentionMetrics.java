package id.sinergi.audit.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The purge's metrics: {@code sinergi_audit_retention_expired_total} (entries whose payload was removed) and
 * {@code sinergi_audit_retention_held{category}} (entries past their period that a legal hold keeps, as the last
 * complete run found them).
 */
@ApplicationScoped
public class RetentionMetrics {

    @Inject
    MeterRegistry registry;

    private Counter expired;

    private final Map<RetentionCategory, AtomicLong> held = new EnumMap<>(RetentionCategory.class);

    void register(@Observes StartupEvent start) {
        expired = Counter.builder("sinergi.audit.retention.expired")
                .description("Audit entries whose payload expired under the retention policy (leaves kept)")
                .register(registry);
        for (RetentionCategory category : RetentionCategory.values()) {
            AtomicLong value = new AtomicLong();
            held.put(category, value);
            Gauge.builder("sinergi.audit.retention.held", value, AtomicLong::get)
                    .description("Audit entries past their retention period that a legal hold keeps")
                    .tag("category", category.name())
                    .register(registry);
        }
    }

    void record(PurgeReport report) {
        expired.increment(report.expired());
        if (!report.waiting()) {
            held.forEach((category, value) -> value.set(report.held().getOrDefault(category, 0L)));
        }
    }
}
