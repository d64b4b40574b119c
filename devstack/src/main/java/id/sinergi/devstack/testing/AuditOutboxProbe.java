package id.sinergi.devstack.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads a service's audit outbox directly, so tests can assert what was audited without audit-service. */
public final class AuditOutboxProbe {

    private AuditOutboxProbe() {}

    /** The JSON payloads of outbox events whose text contains {@code needle} (e.g. a worker id), oldest first. */
    public static List<String> payloadsMentioning(DataSource dataSource, String needle) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT payload FROM audit_outbox WHERE strpos(payload, ?) > 0 ORDER BY seq")) {
            ps.setString(1, needle);
            List<String> payloads = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit outbox", e);
        }
    }
}
