package id.sinergi.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Puts a case's times into the past in the test database, so that its deadlines breach without waiting: every time
 * the case holds (report, due times, first response, resolution) moves back by the same amount, as if everything
 * had happened that much earlier. Also reads what the escalation job recorded.
 */
final class CaseTimes {

    private CaseTimes() {}

    /** Moves every time of the case back by {@code ago}. */
    static void shiftBack(DataSource dataSource, String caseId, Duration ago) {
        execute(
                dataSource,
                """
                UPDATE protection_case SET
                    reported_at = reported_at - make_interval(secs => ?),
                    first_response_due = first_response_due - make_interval(secs => ?),
                    resolution_due = resolution_due - make_interval(secs => ?),
                    first_responded_at = first_responded_at - make_interval(secs => ?),
                    resolved_at = resolved_at - make_interval(secs => ?)
                WHERE id = ?
                """,
                ago,
                caseId);
    }

    /** The case's escalations as {@code <level> <deadline> <reason>}, lowest level first. */
    static List<String> escalations(DataSource dataSource, String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT level, deadline, reason FROM case_escalation WHERE case_id = ? ORDER BY level")) {
            ps.setObject(1, UUID.fromString(caseId));
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DataSource dataSource, String sql, Duration ago, String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            double seconds = ago.toNanos() / 1e9;
            for (int i = 1; i <= 5; i++) {
                ps.setDouble(i, seconds);
            }
            ps.setObject(6, UUID.fromString(caseId));
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no case " + caseId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
