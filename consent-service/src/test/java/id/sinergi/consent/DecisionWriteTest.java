package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.revoke;
import static id.sinergi.consent.ConsentApi.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The database function that writes what a decision leaves behind (migration V6): the use counted, the holder
 * recorded and the audit event added together, or, when a grant is no longer in force, nothing at all.
 */
@QuarkusTest
@ConsentTestResource
class DecisionWriteTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldCountTheUseRecordTheHolderAndAddTheEventTogether() throws SQLException {
        UUID grantId = UUID.fromString(grant(grantBody(Workers.register())));
        UUID event = UUID.randomUUID();

        record(grantId, event);
        record(grantId, UUID.randomUUID());

        assertThat(rows(dataSource, "SELECT use_count FROM consent_grant WHERE id = ?", grantId))
                .singleElement()
                .satisfies(r -> assertThat(r.get("use_count")).isEqualTo(2L));
        assertThat(rows(dataSource, "SELECT uses FROM consent_grant_holder WHERE grant_id = ?", grantId))
                .singleElement()
                .satisfies(r -> assertThat(r.get("uses")).isEqualTo(2L));
        assertThat(rows(dataSource, "SELECT payload FROM audit_outbox WHERE event_id = ?", event))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("payload")).contains("consent.decision"));
    }

    @Test
    void shouldWriteNothingAndSayWhyWhenTheGrantWasRevokedMeanwhile() {
        UUID grantId = UUID.fromString(grant(grantBody(Workers.register())));
        revoke(grantId.toString()).statusCode(200);
        UUID event = UUID.randomUUID();

        assertThatThrownBy(() -> record(grantId, event))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("SG001"));

        assertThat(rows(dataSource, "SELECT use_count FROM consent_grant WHERE id = ?", grantId))
                .singleElement()
                .satisfies(r -> assertThat(r.get("use_count")).isEqualTo(0L));
        assertThat(rows(dataSource, "SELECT 1 FROM consent_grant_holder WHERE grant_id = ?", grantId))
                .isEmpty();
        assertThat(rows(dataSource, "SELECT 1 FROM audit_outbox WHERE event_id = ?", event))
                .isEmpty();
    }

    @Test
    void shouldAddTheEventAloneForADecisionThatUsedNoGrant() throws SQLException {
        UUID event = UUID.randomUUID();

        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT record_consent_decision(?::uuid[], ?, 'KEMLU', 'c', 's', 'u', ?, ?, ?)")) {
            ps.setArray(1, c.createArrayOf("uuid", new Object[0]));
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setObject(3, event);
            ps.setString(4, "{\"action\":\"consent.decision\"}");
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.execute();
        }

        assertThat(rows(dataSource, "SELECT 1 FROM audit_outbox WHERE event_id = ?", event))
                .hasSize(1);
    }

    private void record(UUID grantId, UUID event) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT record_consent_decision(?::uuid[], ?, 'KEMLU', 'identity-service', 'subject-1',"
                                + " 'consul.kl', ?, ?, ?)")) {
            ps.setArray(1, c.createArrayOf("uuid", new Object[] {grantId}));
            ps.setTimestamp(2, Timestamp.from(Instant.now()));
            ps.setObject(3, event);
            ps.setString(4, "{\"action\":\"consent.decision\"}");
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            ps.execute();
        }
    }
}
