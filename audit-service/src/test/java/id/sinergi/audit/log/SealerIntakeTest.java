package id.sinergi.audit.log;

import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.audit.AuditTestResource;
import id.sinergi.audit.TestDatabase;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.EntryCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.engine.spi.SelfDirtinessTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sealer takes the entries its replica's intake stored from {@link RecentEntries} rather than reading them back,
 * and their leaves are those of the rows as stored. The scheduled sealer is paused, so that the test's own round
 * seals the batch.
 */
@QuarkusTest
@AuditTestResource
class SealerIntakeTest {

    private static final String JOB = "audit-log-sealer";

    @Inject
    Scheduler scheduler;

    @Inject
    Sealer sealer;

    @Inject
    RecentEntries recent;

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void pauseTheScheduledSealer() {
        scheduler.pause(JOB);
        // A round that was running when the job was paused has ended once this one got the lock and returned.
        sealer.sealAll().await().atMost(Duration.ofSeconds(30));
    }

    @AfterEach
    void resumeTheScheduledSealer() {
        scheduler.resume(JOB);
    }

    @Test
    void theSealerTakesTheEntriesTheIntakeKeptAndTheirLeavesAreTheStoredRows() throws SQLException {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            batch.add(event(UUID.randomUUID(), "worker.read"));
        }
        deliverAs("identity-service", batch).statusCode(200).body("accepted", equalTo(50));
        List<Long> ingestIds = ingestIds(batch);

        assertThat(ingestIds).hasSize(50).allSatisfy(id -> assertThat(recent.holds(id))
                .isTrue());
        double fromIntake = sealedEntries("intake");

        sealer.sealAll().await().atMost(Duration.ofSeconds(30));

        assertThat(ingestIds).noneSatisfy(id -> assertThat(recent.holds(id)).isTrue());
        assertThat(sealedEntries("intake") - fromIntake).isGreaterThanOrEqualTo(50);
        assertLeavesAreTheStoredRows(ingestIds);
    }

    private double sealedEntries(String from) {
        return registry.find("sinergi.audit.sealed.entries")
                .tag("from", from)
                .counter()
                .count();
    }

    @Test
    void aKeptEntryOfAnotherEventUnderTheSameIngestIdIsNotSealed() throws SQLException {
        Map<String, Object> event = event(UUID.randomUUID(), "worker.read");
        deliverAs("identity-service", List.of(event)).statusCode(200);
        long ingestId = ingestIds(List.of(event)).get(0);
        // Another event's entry under the row's ingest id, as after a failover that lost commits the intake had
        // kept: the sealer reads the row back instead.
        AuditRecord kept = recent.take(ingestId);
        AuditRecord impostor = new AuditRecord();
        impostor.ingestId = ingestId;
        impostor.eventId = UUID.randomUUID();
        impostor.occurredAt = kept.occurredAt;
        impostor.recordedAt = kept.recordedAt;
        impostor.service = kept.service;
        impostor.action = "worker.delete";
        impostor.outcome = kept.outcome;
        impostor.actorSubject = kept.actorSubject;
        impostor.entryFormat = kept.entryFormat;
        recent.stored(List.of(impostor));

        sealer.sealAll().await().atMost(Duration.ofSeconds(30));

        assertThat(recent.holds(ingestId)).isFalse();
        assertLeavesAreTheStoredRows(List.of(ingestId));
        assertThat(leafHashes(List.of(ingestId)).get(ingestId)).isNotEqualTo(EntryCodec.leafHash(impostor));
    }

    @Test
    void theRowsTheIntakeAndTheSealerBuildAreNotTrackedByHibernate() {
        // QuarkusTest runs the classes as the build enhanced them: a field write of an entity records a change.
        AuditRecord entity = new AuditRecord();
        entity.action = "worker.read";
        assertThat((Object) entity).isInstanceOf(SelfDirtinessTracker.class);
        assertThat(((SelfDirtinessTracker) (Object) entity).$$_hibernate_hasDirtyAttributes())
                .isTrue();

        AuditRecord row = AuditRecord.untracked();
        row.action = "worker.read";
        row.service = "identity-service";

        assertThat(((SelfDirtinessTracker) (Object) row).$$_hibernate_hasDirtyAttributes())
                .isFalse();
        assertThat(row.action).isEqualTo("worker.read");
    }

    /** Each row's leaf is the hash of the row as PostgreSQL holds it, read back here. */
    private void assertLeavesAreTheStoredRows(List<Long> ingestIds) throws SQLException {
        Map<Long, byte[]> leaves = leafHashes(ingestIds);
        assertThat(leaves).hasSize(ingestIds.size());
        List<Row> rows = pool
                .preparedQuery("SELECT " + LogStore.ENTRY_COLUMNS
                        + " FROM audit_entry e WHERE e.ingest_id = ANY($1::bigint[])")
                .execute(Tuple.of(ingestIds.toArray(Long[]::new)))
                .await()
                .atMost(Duration.ofSeconds(10))
                .stream()
                .toList();
        assertThat(rows).hasSize(ingestIds.size());
        for (Row row : rows) {
            AuditRecord stored = LogStore.record(row, 0);
            assertThat(leaves.get(stored.ingestId)).isEqualTo(EntryCodec.leafHash(stored));
        }
    }

    private static List<Long> ingestIds(List<Map<String, Object>> events) throws SQLException {
        String ids = events.stream().map(e -> "'" + e.get("id") + "'").collect(Collectors.joining(","));
        List<Long> out = new ArrayList<>();
        try (Connection c = TestDatabase.appRole();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT ingest_id FROM audit_entry WHERE event_id IN (" + ids + ") ORDER BY ingest_id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static Map<Long, byte[]> leafHashes(List<Long> ingestIds) throws SQLException {
        Map<Long, byte[]> out = new HashMap<>();
        try (Connection c = TestDatabase.appRole();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ingest_id, leaf_hash FROM merkle_leaf WHERE ingest_id IN ("
                        + String.join(
                                ",", ingestIds.stream().map(String::valueOf).toList()) + ")")) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getBytes(2));
            }
        }
        return out;
    }
}
