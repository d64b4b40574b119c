package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.verify;
import static id.sinergi.audit.AuditEvents.with;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.audit.domain.AuditChain;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Verification of the chain, including tampering done directly in PostgreSQL as the table owner.
 *
 * <p>Each test starts from an empty log (both tables reset) and leaves an empty, intact one behind, because a
 * tampered row would break the chain for every later verification in this test run.
 */
@QuarkusTest
@AuditTestResource
class AuditChainVerificationTest {

    @Inject
    DataSource dataSource;

    @BeforeEach
    @AfterEach
    void resetLog() {
        sql("TRUNCATE audit_event");
        sql("UPDATE chain_head SET last_seq = 0, last_hash = '" + AuditChain.GENESIS + "' WHERE id = 1");
    }

    @Test
    void shouldReportIntactChainAfterIngestIncludingItsOwnVerificationEvents() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"), event(worker, "case.read"), event(worker, "x.y")))
                .statusCode(200);

        verify().statusCode(200)
                .body("status", equalTo("INTACT"))
                .body("checkedEvents", equalTo(3))
                .body("headSeq", equalTo(3))
                .body("problems", empty());
        verify().statusCode(200)
                .body("status", equalTo("INTACT"))
                .body("checkedEvents", equalTo(4))
                .body("headSeq", equalTo(4));
    }

    @Test
    void shouldKeepTheChainIntactUnderConcurrentDeliveries() throws Exception {
        String token = Tokens.client("case-service");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> accepted = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            UUID worker = UUID.randomUUID();
            for (int j = 0; j < 25; j++) {
                batch.add(with(event(worker, "case.read"), "service", "case-service"));
            }
            accepted.add(pool.submit(() -> given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(batch)
                    .when()
                    .post("/api/audit-events/batch")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<Integer>path("accepted")));
        }
        int total = 0;
        for (Future<Integer> f : accepted) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(total).isEqualTo(200);
        verify().statusCode(200)
                .body("status", equalTo("INTACT"))
                .body("checkedEvents", equalTo(200))
                .body("headSeq", equalTo(200));
    }

    @Test
    void shouldNameTheEditedAndTheDeletedRow() {
        deliverEvents(5);

        sql("UPDATE audit_event SET reason = 'nothing to see here' WHERE seq = 2");
        sql("DELETE FROM audit_event WHERE seq = 4");

        JsonPath report = verify().statusCode(200).extract().jsonPath();
        assertThat(report.getString("status")).isEqualTo("BROKEN");
        assertThat(report.getInt("checkedEvents")).isEqualTo(4);
        assertThat(report.getList("problems", Map.class))
                .containsExactly(Map.of("seq", 2, "problem", "HASH_MISMATCH"), Map.of("seq", 4, "problem", "MISSING"));
    }

    @Test
    void shouldReportBrokenLinkWhenAnEditedRowIsRehashed() {
        deliverEvents(4);
        AuditRecord row = readRow(2);
        row.reason = "rewritten";

        sql("UPDATE audit_event SET reason = 'rewritten', hash = '" + AuditChain.expectedHash(row) + "' WHERE seq = 2");

        verify().statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("problems", equalTo(List.of(Map.of("seq", 3, "problem", "LINK_BROKEN"))));
    }

    @Test
    void shouldReportTruncatedTail() {
        deliverEvents(3);

        sql("DELETE FROM audit_event WHERE seq = 3");

        verify().statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("headSeq", equalTo(3))
                .body("problems", equalTo(List.of(Map.of("seq", 3, "problem", "TAIL_TRUNCATED"))));
    }

    @Test
    void shouldReportHeadThatLagsBehindTheRows() {
        deliverEvents(3);

        sql("UPDATE chain_head SET last_seq = 2 WHERE id = 1");

        verify().statusCode(200)
                .body("status", equalTo("BROKEN"))
                .body("problems.problem", equalTo(List.of("HEAD_MISMATCH", "HEAD_MISMATCH")));
    }

    @Test
    void shouldRereadAStoredRowToTheBytesItWasHashedFrom() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> event = with(
                with(event(worker, "worker.read"), "occurredAt", "2026-03-04T05:06:07.123456789Z"),
                "reason",
                "quote \" backslash \\ newline \n tab \t emoji \uD83D\uDE00 é");
        deliver(List.of(event)).statusCode(200);

        AuditRecord row = readRow(1);

        assertThat(row.occurredAt).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
        assertThat(row.reason).isEqualTo(event.get("reason"));
        assertThat(row.prevHash).isEqualTo(AuditChain.GENESIS);
        assertThat(AuditChain.expectedHash(row)).isEqualTo(row.hash);
        assertThat(AuditChain.canonical(row))
                .isEqualTo(AuditChain.canonical(AuditRecord.chained(row.event(), 1, row.recordedAt, row.prevHash)));
    }

    @Test
    void shouldLetOnlySecurityAuditorsVerify() {
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/audit-chain/verification")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        given().when().get("/api/audit-chain/verification").then().statusCode(401);

        verify().statusCode(200).body("status", equalTo("INTACT"));
    }

    private void deliverEvents(int count) {
        UUID worker = UUID.randomUUID();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(event(worker, "worker.read"));
        }
        deliver(batch).statusCode(200).body("accepted", equalTo(count));
    }

    private void sql(String statement) {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run test SQL", e);
        }
    }

    /** A row as PostgreSQL returns it over JDBC, a different path from the service's reactive client. */
    private AuditRecord readRow(long seq) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_event WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row %d exists", seq).isTrue();
                AuditRecord r = new AuditRecord();
                r.seq = rs.getLong("seq");
                r.eventId = rs.getObject("event_id", UUID.class);
                r.occurredAt = rs.getObject("occurred_at", OffsetDateTime.class).toInstant();
                r.recordedAt = rs.getObject("recorded_at", OffsetDateTime.class).toInstant();
                r.service = rs.getString("service");
                r.action = rs.getString("action");
                r.outcome = AuditOutcome.valueOf(rs.getString("outcome"));
                r.actorSubject = rs.getString("actor_subject");
                r.actorUsername = rs.getString("actor_username");
                r.actorAgency = rs.getString("actor_agency");
                r.actorMission = rs.getString("actor_mission");
                r.actorClientId = rs.getString("actor_client_id");
                r.actorRoles = rs.getString("actor_roles");
                r.workerId = rs.getObject("worker_id", UUID.class);
                r.purpose = rs.getString("purpose");
                r.resourceType = rs.getString("resource_type");
                r.resourceId = rs.getString("resource_id");
                r.reason = rs.getString("reason");
                r.prevHash = rs.getString("prev_hash");
                r.hash = rs.getString("hash");
                return r;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read audit row " + seq, e);
        }
    }
}
