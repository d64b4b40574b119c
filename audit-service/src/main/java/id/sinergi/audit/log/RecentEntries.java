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
 * rows from before a start, entries with details, or batches that came while the keep was full).
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

    /** Whether a batch found no room since the last round began. */
    private volatile boolean full;

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
     * and few), nor any while another replica seals. A batch that does not fit under the limit is not kept at all:
     * its entries are read back, while those kept before it, which the sealer needs first, stay.
     */
    public void stored(Collection<AuditRecord> rows) {
        int limit = config.recentEntries();
        if (limit <= 0 || !sealing) {
            return;
        }
        if (entries.size() + rows.size() > limit) {
            full = true;
            return;
        }
        for (AuditRecord row : rows) {
            if (row.details == null) {
                entries.put(row.ingestId, row);
            }
        }
    }

    /**
     * Told the lowest ingest id of a round the sealer is about to seal: once a batch found the keep full, lets go of
     * every entry below it. The sealer goes through the log in (transaction, ingest id) order, so such an entry is
     * one it no longer asks for: sealed by another replica in between, or gone from the table. Only concurrent
     * transactions whose ingest ids interleave can leave a needed entry below a round; the sealer then reads it
     * back. Without this, entries that no round takes would fill the keep for good.
     */
    void roundFrom(long lowestIngestId) {
        if (full) {
            full = false;
            entries.keySet().removeIf(ingestId -> ingestId < lowestIngestId);
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
