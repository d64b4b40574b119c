package id.sinergi.audit.log;

import id.sinergi.audit.domain.AuditRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entries this replica's intake stored and its sealer has not sealed yet, by ingest id, so that the sealer
 * reads only the keys of a round (ingest id, transaction, event id) and takes the entries themselves from here,
 * instead of reading every column of every row back. An entry is added once its INSERT answered with its ingest id,
 * and the sealer takes it out; the sealer reads from the database whatever is not here (another replica's intake,
 * rows from before a start, entries with details, or beyond the limit).
 *
 * <p>An entry is the row as the intake built it, and the row stores exactly those values (EventRules), so both give
 * the same leaf. Should a kept row change before its round (an edit in the database, as its owner), the leaf is
 * the intake's and the edited row fails verification; a row read back is sealed as it then stands.
 */
@ApplicationScoped
public class RecentEntries {

    private final ConcurrentHashMap<Long, AuditRecord> entries = new ConcurrentHashMap<>();

    @Inject
    LogConfig config;

    @Inject
    MeterRegistry registry;

    /** Until a round finds otherwise, this replica is taken to seal. */
    private volatile boolean sealing = true;

    private Counter fromIntake;
    private Counter fromDatabase;

    @PostConstruct
    void init() {
        fromIntake = counter("intake", "taken from what this replica's intake kept");
        fromDatabase = counter("database", "read back from the database");
    }

    private Counter counter(String from, String description) {
        return Counter.builder("sinergi.audit.sealed.entries")
                .tag("from", from)
                .description("Entries the sealer appended to the tree, " + description)
                .register(registry);
    }

    /**
     * Keeps stored entries (their ingest ids set) for the sealer, but not those with details (up to some 4 KB each,
     * and few), nor any while another replica seals. Past the limit everything kept so far is let go, including
     * entries another replica sealed, which this one's sealer never takes out.
     */
    public void stored(Collection<AuditRecord> rows) {
        int limit = config.recentEntries();
        if (limit <= 0 || !sealing || rows.size() > limit) {
            return;
        }
        if (entries.size() + rows.size() > limit) {
            entries.clear();
        }
        for (AuditRecord row : rows) {
            if (row.details == null) {
                entries.put(row.ingestId, row);
            }
        }
    }

    /**
     * Whether this replica's sealer holds the log's lock, as its latest round found: while another replica seals,
     * nothing is kept, and what was kept goes.
     */
    void sealing(boolean holdsTheLock) {
        sealing = holdsTheLock;
        if (!holdsTheLock) {
            entries.clear();
        }
    }

    /** Whether the entry of this ingest id is kept. */
    boolean holds(long ingestId) {
        return entries.containsKey(ingestId);
    }

    /** The entry of this ingest id, taken out; null when it is not kept. */
    AuditRecord take(long ingestId) {
        return entries.remove(ingestId);
    }

    /** Counts a round's entries by where the sealer took them from. */
    void sealed(int kept, int readBack) {
        fromIntake.increment(kept);
        fromDatabase.increment(readBack);
    }

    /** How many entries are kept. */
    int size() {
        return entries.size();
    }
}
