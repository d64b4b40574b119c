package id.sinergi.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.audit.AuditOutcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Which statements run with bitmap scans only, their cursor checked rather than indexed: a worker's on every page,
 * an actor's and a period's on the first page only, the others never.
 */
class SqlWhereTest {

    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aWorkersPagesAreReadThroughBitmapsEveryOne() {
        AuditFilter worker = new AuditFilter(UUID.randomUUID(), null, null, null, null, null, null, null, null, null);

        assertThat(page(worker, 0)).contains("e.worker_id = $").contains("e.ingest_id + 0 > $");
        assertThat(page(worker, 12_345)).contains("e.ingest_id + 0 > $");
    }

    @Test
    void anActorsAndAPeriodsFirstPageIsReadThroughBitmapsAndTheLaterOnesWalkTheirCursor() {
        AuditFilter actor = new AuditFilter(null, "consul.kl", null, null, null, null, null, null, null, null);
        AuditFilter period =
                new AuditFilter(null, null, null, null, null, null, null, null, FROM, FROM.plusSeconds(3600));

        for (AuditFilter filter : new AuditFilter[] {actor, period}) {
            assertThat(page(filter, 0)).contains("e.ingest_id + 0 > $");
            assertThat(page(filter, 12_345)).contains("e.ingest_id > $").doesNotContain("+ 0");
        }
    }

    @Test
    void otherFiltersLeaveThePlannerItsChoice() {
        AuditFilter action =
                new AuditFilter(null, null, null, null, "case.read", AuditOutcome.DENIED, null, null, null, null);

        assertThat(page(action, 0)).contains("e.ingest_id > $").doesNotContain("+ 0");
        assertThat(page(AuditFilter.NONE, 0)).isEqualTo(" WHERE e.ingest_id > $1");
    }

    @Test
    void aConditionMarkedForEveryPageHasTheCursorCheckedOnEveryPage() {
        for (long before : new long[] {Long.MAX_VALUE, 99}) {
            SqlWhere where = new SqlWhere();
            where.and("e.worker_id = " + where.bind(UUID.randomUUID())).viaBitmaps();
            where.keyset("<", before, before == Long.MAX_VALUE);
            assertThat(where.clause()).endsWith("e.ingest_id + 0 < $2");
        }
    }

    private static String page(AuditFilter filter, long after) {
        return AuditLog.pageWhere(filter, after).clause();
    }
}
