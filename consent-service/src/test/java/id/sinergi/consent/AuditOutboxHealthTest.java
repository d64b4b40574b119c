package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox readiness check of sinergi-audit-client, as this service answers it. */
@QuarkusTest
@ConsentTestResource
class AuditOutboxHealthTest {

    private final UUID eventId = UUID.randomUUID();

    @Inject
    DataSource dataSource;

    private void update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }

    @AfterEach
    void removeTheRow() throws SQLException {
        update("DELETE FROM audit_outbox WHERE event_id = ?", eventId);
    }

    @Test
    void shouldCountAnEntrySetAsideAsUnreadableAndStayUp() throws SQLException {
        update(
                "INSERT INTO audit_outbox (event_id, payload, created_at, attempts, last_error) VALUES (?, ?, ?, 1, ?)",
                eventId,
                "{not json",
                Timestamp.from(Instant.now()),
                "unreadable: not an audit event at line 1, column 2");

        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'audit-outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'audit-outbox' }.data.unreadable", equalTo(1));
    }
}
