package id.sinergi.audit.log;

import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.proof.Node;
import id.sinergi.common.audit.AuditOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The SQL of the log's tables, on the reactive client: intake, the tree's leaves and nodes, checkpoints. The
 * paths that carry thousands of rows a second use single statements over arrays: the intake's INSERT answers with
 * the ingest ids it gave ({@link #insertEntriesReturning}), and the sealer's rounds write leaves and nodes the same
 * way.
 */
public final class LogStore {

    /** The columns of an event, in the order {@link #record(Row, int)} reads them. */
    public static final String ENTRY_COLUMNS = "e.ingest_id, e.event_id, e.occurred_at, e.recorded_at, e.service,"
            + " e.action, e.outcome, e.actor_subject, e.actor_username, e.actor_agency, e.actor_mission,"
            + " e.actor_client_id, e.actor_roles, e.worker_id, e.purpose, e.resource_type, e.resource_id, e.reason,"
            + " e.entry_format, e.details, e.purge";

    /** How many columns {@link #ENTRY_COLUMNS} names: the index of a column selected after them. */
    public static final int ENTRY_COLUMN_COUNT = 21;

    /**
     * The rows ($1 to $20, a column each) and the (user name, subject) pairs of their actors ($21, $22) that
     * audit_actor_name may lack (V12): PostgreSQL runs the data-modifying WITH whether or not the statement reads it.
     */
    private static final String INSERT_NEW_ENTRIES = "WITH names AS (" + insertNames("$21", "$22") + ")"
            + " INSERT INTO audit_entry (event_id, occurred_at, recorded_at,"
            + " service, action, outcome, actor_subject, actor_username, actor_agency, actor_mission, actor_client_id,"
            + " actor_roles, worker_id, purpose, resource_type, resource_id, reason, entry_format, details, purge)"
            + " SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::text[], $5::text[],"
            + " $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::uuid[],"
            + " $14::text[], $15::text[], $16::text[], $17::text[], $18::smallint[], $19::bytea[],"
            + " $20::text[])";

    /** (User name, subject) pairs of actors, those audit_actor_name holds skipped. */
    private static final String INSERT_NAMES = insertNames("$1", "$2");

    /** {@link #INSERT_NEW_ENTRIES}, skipping the rows whose event id is stored already. */
    private static final String INSERT_ENTRIES = INSERT_NEW_ENTRIES + " ON CONFLICT (event_id) DO NOTHING";

    /** The unique constraint on audit_entry.event_id (V2), which a delivery of a stored event breaks. */
    private static final String EVENT_ID_KEY = "audit_entry_event_id_key";

    /** PostgreSQL's SQLSTATE for a broken unique constraint. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** PostgreSQL's SQLSTATE for a deadlock it broke by failing one of the statements. */
    private static final String DEADLOCK_DETECTED = "40P01";

    /** How many times the intake writes a batch again after PostgreSQL broke a deadlock by failing it. */
    private static final int DEADLOCK_RETRIES = 3;

    private static final String NODES = "SELECT 0::smallint, leaf_index, leaf_hash FROM merkle_leaf"
            + " WHERE leaf_index = ANY($1::bigint[])"
            + " UNION ALL SELECT n.level, n.idx, n.hash FROM merkle_node n"
            + " JOIN unnest($2::smallint[], $3::bigint[]) AS k(level, idx) ON n.level = k.level AND n.idx = k.idx";

    private static final String CHECKPOINT_COLUMNS =
            "tree_size, root_hash, frontier, last_tx::text, last_ingest_id, sealed_at, note";

    private LogStore() {}

    /** The INSERT of (user name, subject) pairs from two text-array parameters, skipping the pairs stored. */
    private static String insertNames(String usernames, String subjects) {
        return "INSERT INTO audit_actor_name (username, subject) SELECT * FROM unnest(" + usernames + "::text[], "
                + subjects + "::text[]) ON CONFLICT DO NOTHING";
    }

    /**
     * Inserts the rows, skipping event ids already stored, and their actors' user names; gives how many rows were
     * new.
     */
    public static Uni<Integer> insertEntries(SqlClient client, List<AuditRecord> rows) {
        return client.preparedQuery(INSERT_ENTRIES)
                .execute(entries(rows, ActorNames.Pairs.of(rows)))
                .map(rs -> rs.rowCount());
    }

    /**
     * Inserts the rows (each event id once), skipping event ids already stored, with the user names that
     * {@code names} has not seen stored; gives the rows that were new, their ingest ids set.
     *
     * <p>An INSERT that may meet a stored key (ON CONFLICT) costs PostgreSQL a speculative insertion per row: a
     * look into the key's index before the row is written, and a record confirming it after. Deliveries are nearly
     * always new (a relay sends an event again only when it did not see the answer), so the rows go in with a plain
     * INSERT first, and only a batch that meets a stored event id is written again, skipping the stored ones; the
     * failed statement wrote nothing. On PostgreSQL 15 the plain INSERT of a 1,000-row batch took 1.4 µs a row less
     * (docs/benchmarks.md). Batches that often repeat stored events (a collector reading its source again over an
     * overlap) go in with ON CONFLICT at once: each failed statement would cost a round trip and an error line in
     * the server's log.
     *
     * <p>Two batches that hold the same new event ids in different orders (a relay's retry racing its first
     * delivery) can each wait for a key the other inserted: PostgreSQL fails one of them (a deadlock), which wrote
     * nothing. That batch is written again with ON CONFLICT, once the other committed and its ids are stored.
     *
     * @param pool a pool, on which the statement commits when it answers: only then are the names seen stored
     * @param repeats whether the rows often repeat stored events
     */
    public static Uni<List<AuditRecord>> insertEntriesReturning(
            Pool pool, List<AuditRecord> rows, ActorNames names, boolean repeats) {
        ActorNames.Pairs pairs = names.unseen(rows);
        Tuple params = entries(rows, pairs);
        String returning = " RETURNING ingest_id, event_id";
        Uni<RowSet<Row>> skipping = Uni.createFrom()
                .deferred(() -> pool.preparedQuery(INSERT_ENTRIES + returning).execute(params))
                .onFailure(LogStore::deadlocked)
                .retry()
                .atMost(DEADLOCK_RETRIES);
        Uni<RowSet<Row>> inserted = repeats
                ? skipping
                : pool.preparedQuery(INSERT_NEW_ENTRIES + returning)
                        .execute(params)
                        .onFailure(e -> storedAlready(e) || deadlocked(e))
                        .recoverWithUni(() -> skipping);
        return inserted.invoke(() -> names.stored(pairs)).map(rs -> {
            Map<UUID, AuditRecord> byEventId = new HashMap<>();
            rows.forEach(row -> byEventId.put(row.eventId, row));
            List<AuditRecord> stored = new ArrayList<>(rs.rowCount());
            for (Row row : rs) {
                AuditRecord r = byEventId.get(row.getUUID(1));
                r.ingestId = row.getLong(0);
                stored.add(r);
            }
            return stored;
        });
    }

    /** Adds these (user name, subject) pairs to audit_actor_name, skipping those it holds. */
    public static Uni<Void> insertNames(SqlClient client, ActorNames.Pairs pairs) {
        if (pairs.subjects().length == 0) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery(INSERT_NAMES)
                .execute(Tuple.of(pairs.usernames(), pairs.subjects()))
                .replaceWithVoid();
    }

    /** Whether the statement failed on an event id stored already. */
    static boolean storedAlready(Throwable failure) {
        return failure instanceof PgException pg
                && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && EVENT_ID_KEY.equals(pg.getConstraint());
    }

    /** Whether PostgreSQL failed the statement to break a deadlock (it wrote nothing). */
    static boolean deadlocked(Throwable failure) {
        return failure instanceof PgException pg && DEADLOCK_DETECTED.equals(pg.getSqlState());
    }

    /** The parameters of {@link #INSERT_ENTRIES} for these rows and user names. */
    private static Tuple entries(List<AuditRecord> rows, ActorNames.Pairs names) {
        int n = rows.size();
        UUID[] eventIds = new UUID[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        OffsetDateTime[] recorded = new OffsetDateTime[n];
        String[][] text = new String[12][n];
        UUID[] workers = new UUID[n];
        for (int i = 0; i < n; i++) {
            AuditRecord r = rows.get(i);
            eventIds[i] = r.eventId;
            occurred[i] = r.occurredAt.atOffset(ZoneOffset.UTC);
            recorded[i] = r.recordedAt.atOffset(ZoneOffset.UTC);
            text[0][i] = r.service;
            text[1][i] = r.action;
            text[2][i] = r.outcome.name();
            text[3][i] = r.actorSubject;
            text[4][i] = r.actorUsername;
            text[5][i] = r.actorAgency;
            text[6][i] = r.actorMission;
            text[7][i] = r.actorClientId;
            text[8][i] = r.actorRoles;
            workers[i] = r.workerId;
            text[9][i] = r.purpose;
            text[10][i] = r.resourceType;
            text[11][i] = r.resourceId;
        }
        String[] reasons = new String[n];
        Short[] formats = new Short[n];
        Buffer[] details = new Buffer[n];
        String[] purges = new String[n];
        for (int i = 0; i < n; i++) {
            AuditRecord r = rows.get(i);
            purges[i] = r.purge;
            reasons[i] = r.reason;
            formats[i] = r.entryFormat;
            details[i] = r.details == null ? null : Buffer.buffer(r.details);
        }
        return Tuple.tuple(List.of(
                eventIds,
                occurred,
                recorded,
                text[0],
                text[1],
                text[2],
                text[3],
                text[4],
                text[5],
                text[6],
                text[7],
                text[8],
                workers,
                text[9],
                text[10],
                text[11],
                reasons,
                formats,
                details,
                purges,
                names.usernames(),
                names.subjects()));
    }

    /** An event row read with {@link #ENTRY_COLUMNS} from column {@code offset} on. */
    public static AuditRecord record(Row row, int offset) {
        AuditRecord r = AuditRecord.untracked();
        int i = offset;
        r.ingestId = row.getLong(i++);
        r.eventId = row.getUUID(i++);
        r.occurredAt = instant(row.getOffsetDateTime(i++));
        r.recordedAt = instant(row.getOffsetDateTime(i++));
        r.service = row.getString(i++);
        r.action = row.getString(i++);
        r.outcome = AuditOutcome.valueOf(row.getString(i++));
        r.actorSubject = row.getString(i++);
        r.actorUsername = row.getString(i++);
        r.actorAgency = row.getString(i++);
        r.actorMission = row.getString(i++);
        r.actorClientId = row.getString(i++);
        r.actorRoles = row.getString(i++);
        r.workerId = row.getUUID(i++);
        r.purpose = row.getString(i++);
        r.resourceType = row.getString(i++);
        r.resourceId = row.getString(i++);
        r.reason = row.getString(i++);
        r.entryFormat = row.getShort(i++);
        r.details = row.getValue(i) == null ? null : bytes(row, i);
        r.purge = row.getString(i + 1);
        return r;
    }

    /** The hashes of these stored nodes that the tables hold (leaves from merkle_leaf, the rest from merkle_node). */
    public static Uni<Map<Node, byte[]>> nodes(SqlClient client, Set<Node> nodes) {
        List<Long> leaves = new ArrayList<>();
        List<Short> levels = new ArrayList<>();
        List<Long> indexes = new ArrayList<>();
        for (Node node : nodes) {
            if (node.leaf()) {
                leaves.add(node.index());
            } else {
                levels.add((short) node.level());
                indexes.add(node.index());
            }
        }
        Tuple params =
                Tuple.of(leaves.toArray(Long[]::new), levels.toArray(Short[]::new), indexes.toArray(Long[]::new));
        return client.preparedQuery(NODES).execute(params).map(rows -> {
            Map<Node, byte[]> hashes = new HashMap<>();
            for (Row row : rows) {
                hashes.put(new Node(row.getShort(0), row.getLong(1)), bytes(row, 2));
            }
            return hashes;
        });
    }

    /** The latest checkpoint, or null before the first sealing. */
    public static Uni<StoredCheckpoint> latestCheckpoint(SqlClient client) {
        return client.query("SELECT " + CHECKPOINT_COLUMNS + " FROM checkpoint ORDER BY tree_size DESC LIMIT 1")
                .execute()
                .map(rows ->
                        rows.size() == 0 ? null : checkpoint(rows.iterator().next()));
    }

    /** The checkpoint of this tree size, or null when the log issued none. */
    public static Uni<StoredCheckpoint> checkpointAt(SqlClient client, long size) {
        return client.preparedQuery("SELECT " + CHECKPOINT_COLUMNS + " FROM checkpoint WHERE tree_size = $1")
                .execute(Tuple.of(size))
                .map(rows ->
                        rows.size() == 0 ? null : checkpoint(rows.iterator().next()));
    }

    /** Every checkpoint's size and root, smallest first. */
    public static Uni<List<SizeAndRoot>> checkpointRoots(SqlClient client) {
        return client.query("SELECT tree_size, root_hash FROM checkpoint ORDER BY tree_size")
                .execute()
                .map(rows -> {
                    List<SizeAndRoot> out = new ArrayList<>();
                    rows.forEach(row -> out.add(new SizeAndRoot(row.getLong(0), bytes(row, 1))));
                    return out;
                });
    }

    /** The witnesses' signature lines stored for a checkpoint, oldest first. */
    public static Uni<List<String>> cosignatureLines(SqlClient client, long size) {
        return client.preparedQuery("SELECT line FROM cosignature WHERE tree_size = $1 ORDER BY received_at, witness")
                .execute(Tuple.of(size))
                .map(rows -> {
                    List<String> lines = new ArrayList<>();
                    rows.forEach(row -> lines.add(row.getString(0)));
                    return lines;
                });
    }

    /** A checkpoint's size and root. */
    public record SizeAndRoot(long size, byte[] root) {}

    private static StoredCheckpoint checkpoint(Row row) {
        return new StoredCheckpoint(
                row.getLong(0),
                bytes(row, 1),
                bytes(row, 2),
                row.getString(3),
                row.getLong(4),
                instant(row.getOffsetDateTime(5)),
                row.getString(6));
    }

    static byte[] bytes(Row row, int column) {
        return row.getBuffer(column).getBytes();
    }

    static Buffer buffer(byte[] bytes) {
        return Buffer.buffer(bytes);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
