package id.sinergi.audit.log;

import id.sinergi.audit.log.LogVerifier.LastRun;
import id.sinergi.audit.log.LogViews.Status;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The newest verification this replica knows of, as gauges: {@code sinergi_audit_log_intact} (1 intact, 0 broken)
 * and {@code sinergi_audit_log_verified_timestamp_seconds} (when it finished), both absent (NaN) until a
 * verification ran. Updated after each run here and, from the table, at each scheduled tick.
 */
@ApplicationScoped
public class VerificationMetrics {

    private final AtomicReference<LastRun> last = new AtomicReference<>();

    @Inject
    VerificationMetrics(MeterRegistry registry) {
        Gauge.builder(
                        "sinergi.audit.log.intact",
                        last,
                        r -> r.get() == null ? Double.NaN : r.get().result().status() == Status.INTACT ? 1 : 0)
                .description("1 when the newest verification of the whole log found it intact, 0 when broken")
                .register(registry);
        Gauge.builder(
                        "sinergi.audit.log.verified.timestamp",
                        last,
                        r -> r.get() == null ? Double.NaN : r.get().at().toEpochMilli() / 1000.0)
                .description("When the newest verification of the whole log finished (Unix time)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Notes a verification, unless a newer one is already known. */
    void seen(LastRun run) {
        last.accumulateAndGet(run, (old, now) -> old == null || !now.at().isBefore(old.at()) ? now : old);
    }
}
