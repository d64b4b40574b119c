package id.sinergi.devstack.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Row count and a digest of every row of each table of a service's schema, so that a test can show that a
 * request changed nothing stored: two snapshots are equal exactly when no table of them gained, lost or changed
 * a row. Tables named in {@code excluded} (e.g. {@code audit_outbox}, which a refused request legitimately adds
 * an event to) are left out, as is Flyway's history.
 */
final class TableSnapshot {

    private final DataSource dataSource;
    private final List<String> tables;

    private TableSnapshot(DataSource dataSource, List<String> tables) {
        this.dataSource = dataSource;
        this.tables = tables;
    }

    /** The tables of the connection's current schema, less the excluded ones and Flyway's history. */
    static TableSnapshot of(DataSource dataSource, Set<String> excluded) {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String table = rs.getString(1);
                if (!excluded.contains(table) && !table.equals("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the service's tables", e);
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("the service's schema has no tables to watch");
        }
        return new TableSnapshot(dataSource, List.copyOf(tables));
    }

    List<String> tables() {
        return tables;
    }

    /** Per table, {@code <rows>:<md5 of the rows' md5s in order>}. */
    Map<String, String> take() {
        Map<String, String> state = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            for (String table : tables) {
                String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
                try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(md5(string_agg(md5(t::text), ''"
                        + " ORDER BY md5(t::text))), '') FROM " + quoted + " t")) {
                    rs.next();
                    state.put(table, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take a snapshot of the service's tables", e);
        }
        return state;
    }

    /** The tables whose state differs between two snapshots, each with its row counts before and after. */
    static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new ArrayList<>();
        before.forEach((table, state) -> {
            String now = after.get(table);
            if (!state.equals(now)) {
                changed.add(table + " (rows " + state.split(":")[0] + " -> " + now.split(":")[0] + ")");
            }
        });
        return changed;
    }
}
