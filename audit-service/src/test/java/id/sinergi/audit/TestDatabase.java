package id.sinergi.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct connections to the test's audit database, as the tables' owner or as the app's role. */
public final class TestDatabase {

    private TestDatabase() {}

    /** As the tables' owner (Flyway's user): what an administrator could do behind the service's back. */
    static Connection owner() throws SQLException {
        return DriverManager.getConnection(
                config("quarkus.datasource.jdbc.url"),
                config("quarkus.flyway.username"),
                config("quarkus.flyway.password"));
    }

    /** As the service's own role, with only the grants the migrations give it. */
    public static Connection appRole() throws SQLException {
        return DriverManager.getConnection(
                config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"),
                config("quarkus.datasource.password"));
    }

    /** The single number a query gives, e.g. a count. */
    static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse("");
    }
}
