package id.sinergi.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.domain.AuditRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentEntriesTest {

    @Test
    void shouldGiveEachKeptEntryOnceByItsIngestId() {
        RecentEntries recent = recent(10);
        List<AuditRecord> rows = rows(1, 3);

        recent.stored(rows);

        assertThat(recent.take(2)).isSameAs(rows.get(1));
        assertThat(recent.take(2)).isNull();
        assertThat(recent.take(4)).isNull();
        assertThat(recent.size()).isEqualTo(2);
    }

    @Test
    void shouldKeepWhatItHoldsAndNotTheBatchThatWouldPassTheLimit() {
        RecentEntries recent = recent(5);
        recent.stored(rows(1, 4));

        // Four kept and three more would make seven: the four, which the sealer needs first, stay.
        recent.stored(rows(11, 3));

        assertThat(recent.size()).isEqualTo(4);
        assertThat(recent.take(11)).isNull();
        assertThat(recent.take(1)).isNotNull();
    }

    @Test
    void shouldLetGoOfEntriesBelowARoundOnceABatchFoundItFull() {
        RecentEntries recent = recent(5);
        recent.stored(rows(1, 2));
        recent.stored(rows(20, 3));
        // 1 and 2 were sealed by another replica in between: no round of this one takes them.
        recent.roundFrom(20);
        assertThat(recent.size()).as("nothing goes while batches fit").isEqualTo(5);

        recent.stored(rows(30, 1));
        recent.roundFrom(20);

        assertThat(recent.take(1)).isNull();
        assertThat(recent.take(2)).isNull();
        assertThat(recent.size()).isEqualTo(3);
        assertThat(recent.take(20)).isNotNull();
        recent.stored(rows(30, 1));
        assertThat(recent.take(30)).as("room again after the round").isNotNull();
    }

    @Test
    void shouldKeepNothingWhenTheLimitIsZero() {
        RecentEntries recent = recent(0);

        recent.stored(rows(1, 3));

        assertThat(recent.size()).isZero();
    }

    @Test
    void shouldCountWhereTheSealerTookItsEntriesFrom() {
        RecentEntries recent = recent(10);

        recent.sealed(7, 3);
        recent.sealed(1, 0);

        assertThat(recent.registry
                        .find("sinergi.audit.sealed.entries")
                        .tag("from", "intake")
                        .counter()
                        .count())
                .isEqualTo(8);
        assertThat(recent.registry
                        .find("sinergi.audit.sealed.entries")
                        .tag("from", "database")
                        .counter()
                        .count())
                .isEqualTo(3);
    }

    private static RecentEntries recent(int limit) {
        RecentEntries recent = new RecentEntries();
        recent.config = (LogConfig) Proxy.newProxyInstance(
                LogConfig.class.getClassLoader(), new Class<?>[] {LogConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("recentEntries")) {
                        return limit;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        recent.registry = new SimpleMeterRegistry();
        recent.init();
        return recent;
    }

    private static List<AuditRecord> rows(long firstIngestId, int n) {
        List<AuditRecord> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditRecord r = new AuditRecord();
            r.ingestId = firstIngestId + i;
            rows.add(r);
        }
        return rows;
    }
}
