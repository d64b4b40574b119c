package id.sinergi.audit.service;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** A SQL where clause over {@code audit_entry e}, built condition by condition, with its {@code $n} parameters. */
final class SqlWhere {

    private final StringJoiner conditions = new StringJoiner(" AND ");

    private final List<Object> params = new ArrayList<>();

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

    /** {@code " WHERE …"}, or empty when there is no condition. */
    String clause() {
        return conditions.length() == 0 ? "" : " WHERE " + conditions;
    }

    Tuple params() {
        return Tuple.tuple(params);
    }
}
