package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The worker's and the case's indexes are BRIN bloom filters (V11): a lookup reads the block ranges whose summary
 * may hold the value, and every range without a summary. The app's role can have new ranges summarized, which the
 * sealer does after every round, and a worker's lookup, with the bitmap scans the service allows it, then reads a
 * few pages of a log of many.
 */
@QuarkusTest
@AuditTestResource
class SummaryIndexTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWorkersLookupReadsOnlyTheBlockRangesThatMayHoldTheWorkerOnceTheyAreSummarized() throws Exception {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);
        // Then enough rows for many block ranges (8 heap pages each), every one of another worker and case.
        for (int batch = 0; batch < 4; batch++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                events.add(event(UUID.randomUUID(), "worker.read"));
            }
            deliver(events).statusCode(200);
        }
        try (Connection app = TestDatabase.appRole()) {
            // The app's role summarizes what the sealer has not yet (-1: the sealer's own call holds the lock), until
            // nothing is left to summarize.
            long summarized = -1;
            for (int i = 0; i < 50 && summarized != 0; i++) {
                summarized = TestDatabase.count(app, "SELECT audit_entry_summarize()");
            }
            assertThat(summarized).isZero();

            long pages = TestDatabase.count(app, "SELECT pg_relation_size('audit_entry') / 8192");
            assertThat(pages).isGreaterThan(100);
            try (Statement st = app.createStatement()) {
                // As the service reads a worker's page (SqlWhere.viaBitmaps), and as a prepared statement's
                // generic plan, which guesses its parameters: left to choose, the planner walks the primary key.
                st.execute("SELECT set_config('enable_seqscan', 'off', false),"
                        + " set_config('enable_indexscan', 'off', false),"
                        + " set_config('enable_indexonlyscan', 'off', false)");
                st.execute("SET plan_cache_mode = force_generic_plan");
                // The statement of a worker's access log as WorkerRights writes it, its cursor checked, not indexed.
                st.execute("PREPARE worker_page(uuid, bigint, bigint) AS SELECT event_id FROM audit_entry e"
                        + " WHERE e.worker_id = $1 AND e.ingest_id + 0 < $2 ORDER BY e.ingest_id DESC LIMIT $3");
                st.execute("PREPARE case_events(text) AS SELECT event_id FROM audit_entry e"
                        + " WHERE e.resource_id = $1");
            }
            JsonNode plan = plan(app, "EXECUTE worker_page('" + worker + "', " + Long.MAX_VALUE + ", 51)");
            assertThat(plan.toString()).contains("audit_entry_worker");
            assertThat(plan.path("Actual Rows").asLong()).isEqualTo(1);
            // The worker's own range and the last, unfinished one (and a false match or two at most), not the log.
            assertThat(heapBlocks(plan)).isLessThanOrEqualTo(4 * 8);

            JsonNode byCase = plan(app, "EXECUTE case_events('" + worker + "')");
            assertThat(byCase.toString()).contains("audit_entry_resource");
            assertThat(heapBlocks(byCase)).isLessThanOrEqualTo(4 * 8);
        }
    }

    /** The top node of the statement's plan as it ran. */
    private static JsonNode plan(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return JSON.readTree(rs.getString(1)).get(0).get("Plan");
        }
    }

    /** The heap pages a bitmap heap scan in the plan read. */
    private static long heapBlocks(JsonNode node) {
        long blocks = node.path("Exact Heap Blocks").asLong()
                + node.path("Lossy Heap Blocks").asLong();
        for (JsonNode child : node.path("Plans")) {
            blocks += heapBlocks(child);
        }
        return blocks;
    }
}
