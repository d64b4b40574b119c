package id.sinergi.audit.log;

import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.EntryCodec;
import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.SignedNote;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends accepted events to the tree and signs a checkpoint after each round. One replica seals at a time (a
 * transaction-scoped advisory lock); a round reads the keys of the next events in (tx_id, ingest_id) order from
 * transactions that have all ended, takes the entries this replica's intake kept ({@link RecentEntries}) and reads
 * the others, computes their leaf hashes and the complete nodes they finish, and stores leaves, nodes and the
 * signed checkpoint in one transaction, so a crash leaves either the whole round or none of it.
 *
 * <p>An entry read back did not come through this replica's intake: another replica's, or a row copied into
 * audit_entry past the service (a migration, a restore). The round adds the (user name, subject) pairs of those
 * entries that {@link ActorNames} has not seen stored to audit_actor_name (V12), as the intake does for its own, so
 * that a query by user name finds every sealed event.
 */
@ApplicationScoped
public class Sealer {

    /** The advisory lock key that makes one sealer at a time ("SINERGI" in ASCII). */
    static final long LOCK = 0x53494e45524749L;

    /** The keys of the next entries to seal, from transactions that have all ended, in sealing order. */
    private static final String NEXT = "SELECT e.ingest_id, e.tx_id::text, e.event_id FROM audit_entry e"
            + " WHERE (e.tx_id, e.ingest_id) > ($1::text::xid8, $2)"
            + " AND e.tx_id < pg_snapshot_xmin(pg_current_snapshot())"
            + " ORDER BY e.tx_id, e.ingest_id LIMIT $3";

    /** The entries of these ingest ids, which this replica's intake did not keep ({@link RecentEntries}). */
    private static final String ENTRIES =
            "SELECT " + LogStore.ENTRY_COLUMNS + " FROM audit_entry e WHERE e.ingest_id = ANY($1::bigint[])";

    private static final String INSERT_LEAVES = "INSERT INTO merkle_leaf (leaf_index, ingest_id, leaf_hash)"
            + " SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bytea[])";

    private static final String INSERT_NODES = "INSERT INTO merkle_node (level, idx, hash)"
            + " SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::bytea[])";

    private static final String INSERT_CHECKPOINT = "INSERT INTO checkpoint (tree_size, root_hash, frontier, last_tx,"
            + " last_ingest_id, sealed_at, note) VALUES ($1, $2, $3, $4::text::xid8, $5, $6, $7)";

    @Inject
    Pool pool;

    @Inject
    LogKeys keys;

    @Inject
    LogConfig config;

    @Inject
    Backlog backlog;

    @Inject
    Event<SealedRound> sealedRounds;

    @Inject
    RecentEntries recent;

    @Inject
    ActorNames names;

    @Scheduled(
            identity = "audit-log-sealer",
            every = "${sinergi.audit.log.seal-interval:1s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sealAll()
                .call(n -> backlog.current())
                .call(n -> n > 0 ? summarize() : Uni.createFrom().voidItem())
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    Log.errorf(e, "event=audit-seal-failed effect=\"accepted events wait for the next round\"");
                    return null;
                });
    }

    /**
     * Summarizes the block ranges of audit_entry's BRIN indexes that filled since the last call (V11): until then a
     * query through them reads those ranges' pages whatever it looks for.
     */
    Uni<Void> summarize() {
        return pool.query("SELECT audit_entry_summarize()")
                .execute()
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    // The round committed; only the summaries wait, and queries through them read more meanwhile.
                    Log.warnf(e, "event=audit-summarize-failed effect=\"the next round summarizes\"");
                    return null;
                });
    }

    /** Seals round after round until a round finds less than a full batch; gives how many events it sealed. */
    public Uni<Long> sealAll() {
        return sealFrom(0L);
    }

    private Uni<Long> sealFrom(long sealedSoFar) {
        return round().flatMap(n -> n >= config.sealBatch()
                ? sealFrom(sealedSoFar + n)
                : Uni.createFrom().item(sealedSoFar + n));
    }

    /** One round: gives how many events it sealed (0 when another replica holds the lock or nothing waits). */
    public Uni<Integer> round() {
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")
                        .execute()
                        .flatMap(locked -> {
                            boolean sealing =
                                    Boolean.TRUE.equals(locked.iterator().next().getBoolean(0));
                            // While another replica seals, this one's intake keeps nothing for its own sealer.
                            recent.sealing(sealing);
                            return sealing
                                    ? LogStore.latestCheckpoint(conn).flatMap(latest -> seal(conn, latest))
                                    : Uni.createFrom().item(Sealed.NONE);
                        }))
                .invoke(outcome -> names.stored(outcome.names()))
                .map(Sealed::round)
                .invoke(round -> {
                    // Counted once committed: a round that fails gives its entries to the next one, which reads
                    // back those it took from the intake's.
                    recent.sealed(round.records().size() - round.readBack(), round.readBack());
                    // Committed: the round's entries are leaves of the tree now. Whatever the scanner's feed does
                    // with them, the round stays sealed (a feed that misses it makes the scanner read the database).
                    if (!round.records().isEmpty()) {
                        try {
                            sealedRounds.fire(round);
                        } catch (RuntimeException e) {
                            Log.warnf(
                                    e,
                                    "event=audit-sealed-round-not-fed firstLeaf=%d"
                                            + " effect=\"the alert scanner reads the round from the database\"",
                                    round.firstLeaf());
                        }
                    }
                })
                .map(round -> round.records().size());
    }

    /** A round, and the user names it added to audit_actor_name (seen stored once the round committed). */
    private record Sealed(SealedRound round, ActorNames.Pairs names) {

        static final Sealed NONE = new Sealed(SealedRound.NONE, ActorNames.Pairs.NONE);
    }

    private Uni<Sealed> seal(SqlClient conn, StoredCheckpoint latest) {
        String lastTx = latest == null ? "0" : latest.lastTx();
        long lastIngestId = latest == null ? 0 : latest.lastIngestId();
        return conn.preparedQuery(NEXT)
                .execute(Tuple.of(lastTx, lastIngestId, config.sealBatch()))
                // Reading back and hashing a round of up to seal-batch entries is CPU work: it runs on a worker
                // thread, so that the event loop, which also serves requests, is not held for it.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(keys -> {
                    if (keys.size() == 0) {
                        return latest == null
                                ? storeCheckpoint(conn, Frontier.empty(), "0", 0)
                                        .replaceWith(Sealed.NONE)
                                : Uni.createFrom().item(Sealed.NONE);
                    }
                    return entries(conn, keys).flatMap(round -> append(conn, latest, round, lastKey(keys)));
                });
    }

    /**
     * A round's entries in sealing order, how many of them were read back from the database, and the user names of
     * those that {@link ActorNames} has not seen stored.
     */
    private record Entries(List<AuditRecord> records, int readBack, ActorNames.Pairs names) {}

    /**
     * The round's entries in the keys' order: those this replica's intake kept (for the same event: an ingest id
     * alone could name another event after a failover that lost commits), the rest read from the database.
     */
    private Uni<Entries> entries(SqlClient conn, RowSet<Row> keys) {
        List<AuditRecord> records = new ArrayList<>(keys.size());
        Map<Long, Integer> missing = new HashMap<>();
        long lowest = Long.MAX_VALUE;
        for (Row key : keys) {
            lowest = Math.min(lowest, key.getLong(0));
            AuditRecord kept = recent.take(key.getLong(0));
            if (kept != null && !kept.eventId.equals(key.getUUID(2))) {
                kept = null;
            }
            if (kept == null) {
                missing.put(key.getLong(0), records.size());
            }
            records.add(kept);
        }
        // After the takes: what it lets go of lies below every entry of this round.
        recent.roundFrom(lowest);
        if (missing.isEmpty()) {
            return Uni.createFrom().item(new Entries(records, 0, ActorNames.Pairs.NONE));
        }
        return conn.preparedQuery(ENTRIES)
                .execute(Tuple.of(missing.keySet().toArray(Long[]::new)))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<AuditRecord> readBack = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        AuditRecord r = LogStore.record(row, 0);
                        records.set(missing.get(r.ingestId), r);
                        readBack.add(r);
                    }
                    if (rows.size() != missing.size()) {
                        // Deleted between the two statements (only the owner can): the round fails and the next one
                        // no longer finds the row.
                        throw new IllegalStateException(
                                (missing.size() - rows.size()) + " entries are gone since they were found");
                    }
                    return new Entries(records, missing.size(), names.unseen(readBack));
                });
    }

    /** The (transaction, ingest id) of the last key: the cursor the round's checkpoint stores. */
    private static Key lastKey(RowSet<Row> keys) {
        Row last = null;
        for (Row key : keys) {
            last = key;
        }
        return new Key(last.getString(1), last.getLong(0));
    }

    private record Key(String tx, long ingestId) {}

    private Uni<Sealed> append(SqlClient conn, StoredCheckpoint latest, Entries round, Key last) {
        List<AuditRecord> records = round.records();
        Frontier tree = latest == null ? Frontier.empty() : Frontier.decode(latest.size(), latest.frontier());
        long firstLeaf = tree.size();
        int n = records.size();
        Long[] leafIndexes = new Long[n];
        Long[] ingestIds = new Long[n];
        Buffer[] leafHashes = new Buffer[n];
        List<Short> nodeLevels = new ArrayList<>();
        List<Long> nodeIndexes = new ArrayList<>();
        List<Buffer> nodeHashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            AuditRecord record = records.get(i);
            leafIndexes[i] = tree.size();
            ingestIds[i] = record.ingestId;
            byte[] leafHash = EntryCodec.leafHash(record);
            leafHashes[i] = Buffer.buffer(leafHash);
            tree.append(leafHash, (node, hash) -> {
                if (node.stored() && !node.leaf()) {
                    nodeLevels.add((short) node.level());
                    nodeIndexes.add(node.index());
                    nodeHashes.add(Buffer.buffer(hash));
                }
            });
        }
        Uni<?> nodes = nodeLevels.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(INSERT_NODES)
                        .execute(Tuple.of(
                                nodeLevels.toArray(Short[]::new),
                                nodeIndexes.toArray(Long[]::new),
                                nodeHashes.toArray(Buffer[]::new)));
        return conn.preparedQuery(INSERT_LEAVES)
                .execute(Tuple.of(leafIndexes, ingestIds, leafHashes))
                .call(() -> nodes)
                .call(() -> LogStore.insertNames(conn, round.names()))
                .call(() -> storeCheckpoint(conn, tree, last.tx(), last.ingestId()))
                .replaceWith(new Sealed(new SealedRound(firstLeaf, records, round.readBack()), round.names()));
    }

    private Uni<Void> storeCheckpoint(SqlClient conn, Frontier tree, String lastTx, long lastIngestId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Checkpoint checkpoint =
                new Checkpoint(keys.signer().name(), tree.size(), tree.root(), now.truncatedTo(ChronoUnit.SECONDS));
        String text = checkpoint.body();
        String note = new SignedNote(text, List.of(keys.signer().sign(text, 0))).format();
        return conn.preparedQuery(INSERT_CHECKPOINT)
                .execute(Tuple.tuple(List.of(
                        tree.size(),
                        Buffer.buffer(tree.root()),
                        Buffer.buffer(tree.encode()),
                        lastTx,
                        lastIngestId,
                        now.atOffset(ZoneOffset.UTC),
                        note)))
                .invoke(() -> Log.debugf("event=audit-sealed treeSize=%d", tree.size()))
                .replaceWithVoid();
    }
}
