package id.sinergi.audit.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** A SQL where clause over {@code audit_entry e}, built condition by condition, with its {@code $n} parameters. */
final class SqlWhere {

    private final StringJoiner conditions = new StringJoiner(" AND ");

    /**
     * Leaves the planner only bitmap scans, for the transaction. A worker's events are few among millions and found
     * through a bloom filter (BRIN, V11) whose cost PostgreSQL overestimates; a period's and an actor's events lie
     * in ranges of the log that a BRIN index or a bitmap finds. Left to choose, and a prepared statement's generic
     * plan guesses its parameters, the planner walks the primary key in keyset order from the start and filters,
     * reading the whole log for one worker or the log before a period. A later page of a period or an actor is
     * different: the walk from its cursor finds the next rows at once, where a bitmap would read every event of the
     * period or the actor again, page after page of an export.
     */
    private static final String BITMAPS_ONLY = "SELECT set_config('enable_seqscan', 'off', true),"
            + " set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)";

    private final List<Object> params = new ArrayList<>();

    /** Bitmap scans on every page (the worker), or only on the first (a period, an actor). */
    private boolean bitmapsAlways;

    private boolean bitmapsFromStart;

    /** Whether the keyset cursor stands at the start of the log (the first page), or there is none. */
    private boolean fromStart = true;

    /** The keyset condition on ingest_id, e.g. {@code > $1}; written into the clause as the indexes ask. */
    private String keyset;

    /** Binds a value and gives its placeholder. */
    String bind(Object value) {
        params.add(value);
        return "$" + params.size();
    }

    /** Adds a condition; its values were bound with {@link #bind} first. */
    SqlWhere and(String condition) {
        conditions.add(condition);
        return this;
    }

    /**
     * Adds the keyset pagination's condition: {@code e.ingest_id} compared ({@code <} or {@code >}) to a cursor,
     * which {@code start} says is where the log begins (the first page).
     */
    SqlWhere keyset(String comparison, long cursor, boolean start) {
        keyset = comparison + " " + bind(cursor);
        fromStart = start;
        return this;
    }

    /** {@code " WHERE …"}, or empty when there is no condition. */
    String clause() {
        StringJoiner all = new StringJoiner(" AND ");
        all.merge(conditions);
        if (keyset != null) {
            // Through a bitmap the cursor is checked on the rows found, never used to find them: a bitmap of the
            // primary key's range would otherwise read the log from the cursor on.
            all.add((bitmaps() ? "e.ingest_id + 0 " : "e.ingest_id ") + keyset);
        }
        return all.length() == 0 ? "" : " WHERE " + all;
    }

    Tuple params() {
        return Tuple.tuple(params);
    }

    /** Marks a condition whose rows are found through a bitmap on every page: bitmap scans only. */
    SqlWhere viaBitmaps() {
        bitmapsAlways = true;
        return this;
    }

    /** Marks a condition whose rows are found through a bitmap on the first page; later pages walk the cursor. */
    SqlWhere viaBitmapsFromStart() {
        bitmapsFromStart = true;
        return this;
    }

    private boolean bitmaps() {
        return bitmapsAlways || bitmapsFromStart && fromStart;
    }

    /** Runs the statement with these parameters, with bitmap scans only where a condition asks for it. */
    Uni<RowSet<Row>> execute(Pool pool, String sql) {
        if (!bitmaps()) {
            return pool.preparedQuery(sql).execute(params());
        }
        return pool.withTransaction(
                conn -> conn.query(BITMAPS_ONLY).execute().flatMap(settings -> conn.preparedQuery(sql)
                        .execute(params())));
    }
}
