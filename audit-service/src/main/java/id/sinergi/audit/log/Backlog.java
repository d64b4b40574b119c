package id.sinergi.audit.log;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Events accepted but not yet sealed into the tree, per source service, and how long the oldest has waited. The
 * sealer refreshes the figures after every round; they are the gauges {@code sinergi_audit_unsealed_events} and
 * {@code sinergi_audit_seal_lag_seconds} (tag {@code source}) on {@code /q/metrics}.
 */
@ApplicationScoped
public class Backlog {

    private static final String PER_SOURCE = "SELECT e.service, count(*), min(e.recorded_at) FROM audit_entry e"
            + " WHERE (e.tx_id, e.ingest_id) > ($1::text::xid8, $2) GROUP BY e.service ORDER BY e.service";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    /** The last figures per source; a source whose backlog emptied keeps a zero. */
    private final Map<String, SourceBacklog> last = new ConcurrentHashMap<>();

    /** One source's backlog. */
    @Schema(name = "SourceBacklog")
    public record SourceBacklog(
            String source,
            @Schema(description = "Events accepted but not yet in the tree") long unsealed,
            @Schema(description = "When the oldest of them was accepted; null when none waits", nullable = true)
                    Instant oldestAcceptedAt,
            @Schema(description = "How long the oldest has waited, in seconds") double lagSeconds) {}

    /** The log's backlog. */
    @Schema(name = "AuditBacklog")
    public record View(
            @Schema(description = "The latest checkpoint's tree size") long treeSize,
            @Schema(description = "When the latest checkpoint was sealed") Instant sealedAt,
            List<SourceBacklog> sources) {}

    /** The backlog now, read from the tables, and the gauges refreshed with it. */
    public Uni<View> current() {
        return LogStore.latestCheckpoint(pool).flatMap(latest -> {
            String lastTx = latest == null ? "0" : latest.lastTx();
            long lastIngestId = latest == null ? 0 : latest.lastIngestId();
            return pool.preparedQuery(PER_SOURCE)
                    .execute(Tuple.of(lastTx, lastIngestId))
                    .map(rows -> {
                        Instant now = Instant.now();
                        Map<String, SourceBacklog> seen = new ConcurrentHashMap<>();
                        for (Row row : rows) {
                            Instant oldest = row.getOffsetDateTime(2).toInstant();
                            String source = row.getString(0);
                            seen.put(
                                    source,
                                    new SourceBacklog(
                                            source, row.getLong(1), oldest, seconds(Duration.between(oldest, now))));
                        }
                        last.keySet()
                                .forEach(source -> seen.putIfAbsent(source, new SourceBacklog(source, 0, null, 0)));
                        seen.values().forEach(this::publish);
                        List<SourceBacklog> sources = new ArrayList<>(seen.values());
                        sources.sort((a, b) -> a.source().compareTo(b.source()));
                        return new View(
                                latest == null ? 0 : latest.size(), latest == null ? null : latest.sealedAt(), sources);
                    });
        });
    }

    private void publish(SourceBacklog figures) {
        if (last.put(figures.source(), figures) == null) {
            Gauge.builder("sinergi.audit.unsealed.events", last, m -> m.get(figures.source())
                            .unsealed())
                    .description("Audit events accepted but not yet sealed into the Merkle tree")
                    .tag("source", figures.source())
                    .register(registry);
            Gauge.builder("sinergi.audit.seal.lag", last, m -> m.get(figures.source())
                            .lagSeconds())
                    .description("How long the oldest unsealed audit event of the source has waited")
                    .baseUnit("seconds")
                    .tag("source", figures.source())
                    .register(registry);
        }
    }

    private static double seconds(Duration d) {
        return Math.max(0, d.toMillis() / 1000.0);
    }
}
