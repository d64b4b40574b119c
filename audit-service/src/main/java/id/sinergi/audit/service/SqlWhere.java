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
     * Leaves the planner only bitmap scans, for the transaction. The worker's, the case's and the time's indexes are
     * summaries per block range (BRIN, V10 and V11) and the actor's two are searched together (subject or user
     * name): each finds an actor's, a worker's or a period's rows, few of a large log, through a bitmap. PostgreSQL's
     * cost model for the summaries is pessimistic, and a prepared statement's generic plan guesses its parameters:
     * left to choose, the planner walks the primary key in keyset order and filters, and reads the whole log.
     */
    private static final String BITMAPS_ONLY = "SELECT set_config('enable_seqscan', 'off', true),"
            + " set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true)";

    private final List<Object> params = new ArrayList<>();

    private boolean viaBitmaps;

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

    /** Adds the keyset pagination's condition: {@code e.ingest_id} compared ({@code <} or {@code >}) to a cursor. */
    SqlWhere keyset(String comparison, long cursor) {
        keyset = comparison + " " + bind(cursor);
        return this;
    }

    /** {@code " WHERE …"}, or empty when there is no condition. */
    String clause() {
        StringJoiner all = new StringJoiner(" AND ");
        all.merge(conditions);
        if (keyset != null) {
            // Through a bitmap the cursor is checked on the rows found, never used to find them: a bitmap of the
            // primary key's range would otherwise read the log from the cursor on.
            all.add((viaBitmaps ? "e.ingest_id + 0 " : "e.ingest_id ") + keyset);
        }
        return all.length() == 0 ? "" : " WHERE " + all;
    }

    Tuple params() {
        return Tuple.tuple(params);
    }

    /** Marks a condition whose rows are found through a bitmap: the statement is run with bitmap scans only. */
    SqlWhere viaBitmaps() {
        viaBitmaps = true;
        return this;
    }

    /** Runs the statement with these parameters, with bitmap scans only where a condition asks for it. */
    Uni<RowSet<Row>> execute(Pool pool, String sql) {
        if (!viaBitmaps) {
            return pool.preparedQuery(sql).execute(params());
        }
        return pool.withTransaction(
                conn -> conn.query(BITMAPS_ONLY).execute().flatMap(settings -> conn.preparedQuery(sql)
                        .execute(params())));
    }
}
