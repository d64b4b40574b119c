package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.verify;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.TestDatabase.appRole;
import static id.sinergi.audit.TestDatabase.count;
import static id.sinergi.audit.TestDatabase.owner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Proofs;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.audit.proof.cli.VerifyExport;
import id.sinergi.audit.retention.PurgeReport;
import id.sinergi.audit.retention.Retention;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retention and legal holds on the running service: events that say they happened years ago expire while recent
 * ones stay and those of an open case are held; the tree, its proofs, the online verification and the offline
 * verifier all still hold after a purge; a row removed without a retention statement is still tampering; and the
 * app's database role can neither delete a row nor have audit_expire() remove one no statement names.
 */
@QuarkusTest
@AuditTestResource
class RetentionTest {

    private static final Base64.Decoder B64 = Base64.getDecoder();

    @Inject
    Retention retention;

    @Test
    void anEventPastItsPeriodExpiresOneInsideItIsKeptAndOneOfAnOpenCaseIsHeldUntilTheCaseCloses() throws Exception {
        UUID reader = UUID.randomUUID();
        UUID caseWorker = UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> old = at(event(reader, "worker.placement.read"), 3 * 365);
        Map<String, Object> recent = at(event(reader, "worker.placement.read"), 365);
        Map<String, Object> oldOfCaseWorker = at(event(caseWorker, "worker.placement.read"), 3 * 365);
        Map<String, Object> report = caseEvent(caseWorker, caseId, "case.report", "reference=X category=WAGES", 10);
        deliver(List.of(old, recent, oldOfCaseWorker)).statusCode(200);
        deliverAs("case-service", List.of(report)).statusCode(200);
        sealed(old, recent, oldOfCaseWorker, report);

        purge();

        assertThat(expired(old)).isTrue();
        assertThat(expired(recent)).isFalse();
        assertThat(expired(oldOfCaseWorker)).isFalse();
        assertThat(expired(report)).isFalse();
        verify().statusCode(200).body("status", equalTo("INTACT"));

        Map<String, Object> close = caseEvent(caseWorker, caseId, "case.transition", "from=RESOLVED to=CLOSED", 9);
        deliverAs("case-service", List.of(close)).statusCode(200);
        sealed(close);
        purge();

        assertThat(expired(report)).isTrue();
        assertThat(expired(oldOfCaseWorker)).isTrue();
        assertThat(expired(close)).isTrue();
        assertThat(expired(recent)).isFalse();
        JsonPath verification = verify().statusCode(200).extract().jsonPath();
        assertThat(verification.getString("status")).isEqualTo("INTACT");
        assertThat(verification.getLong("expiredLeaves")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyProofTheExportAndTheOfflineVerifierStillHoldAfterAPurge() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> old = at(event(worker, "worker.search"), 4 * 365);
        deliver(List.of(old)).statusCode(200);
        sealed(old);
        long leaf = leafOf(old);
        Checkpoint earlier = checkpoint();
        JsonPath before = inclusion(leaf, earlier.size());

        purge();

        assertThat(expired(old)).isTrue();
        Checkpoint latest = checkpoint();
        JsonPath after = inclusion(leaf, latest.size());
        assertThat(after.getString("leafHash")).isEqualTo(before.getString("leafHash"));
        assertThat(Proofs.verifyInclusion(
                        leaf, latest.size(), B64.decode(after.getString("leafHash")), hashes(after), latest.rootHash()))
                .isTrue();
        assertThat(Proofs.verifyInclusion(
                        leaf,
                        earlier.size(),
                        B64.decode(before.getString("leafHash")),
                        hashes(inclusion(leaf, earlier.size())),
                        earlier.rootHash()))
                .isTrue();
        JsonPath consistency = given().queryParam("from", earlier.size())
                .queryParam("to", latest.size())
                .get("/api/audit-log/proofs/consistency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(Proofs.verifyConsistency(
                        earlier.size(), latest.size(), earlier.rootHash(), latest.rootHash(), hashes(consistency)))
                .isTrue();
        String export = export();
        String line = export.lines()
                .filter(l -> l.contains("\"index\":" + leaf + ","))
                .findFirst()
                .orElseThrow();
        assertThat(line).contains("\"entry\":null").contains("\"expired\":{").contains("\"category\":\"ACCESS\"");
        Verified offline = verifyOffline(export);
        assertThat(offline.exit()).as(offline.out()).isZero();
        assertThat(offline.out()).contains("expired under the retention policy");
        JsonPath log = given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .get("/api/workers/" + worker + "/access-log")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(log.getString("entries.find { it.eventId == '" + old.get("id") + "' }.expired.status.code"))
                .isEqualTo("EXPIRED");
    }

    @Test
    void aPayloadDeletedWithoutARetentionStatementIsStillNamedAsTampering() throws Exception {
        Map<String, Object> event = event(UUID.randomUUID(), "worker.read");
        deliver(List.of(event)).statusCode(200);
        sealed(event);
        long leaf = leafOf(event);
        try (Connection c = owner();
                Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE saved_row AS SELECT * FROM audit_entry WHERE event_id = '" + event.get("id")
                    + "'");
            st.execute("DELETE FROM audit_entry WHERE event_id = '" + event.get("id") + "'");
            try {
                JsonPath report = verify().statusCode(200).extract().jsonPath();
                assertThat(report.getString("status")).isEqualTo("BROKEN");
                assertThat(report.getLong("problems.find { it.kind == 'EVENT_DELETED' }.leafIndex"))
                        .isEqualTo(leaf);
                Verified offline = verifyOffline(export());
                assertThat(offline.exit()).isEqualTo(1);
                assertThat(offline.out()).contains("PROBLEM leaf " + leaf + ": event row deleted");
            } finally {
                st.execute("INSERT INTO audit_entry OVERRIDING SYSTEM VALUE SELECT * FROM saved_row");
            }
        }
        verify().statusCode(200).body("status", equalTo("INTACT"));
    }

    @Test
    void theAppRoleCanNeitherDeleteARowNorExpireOneNoSealedStatementNames() throws Exception {
        Map<String, Object> event = event(UUID.randomUUID(), "worker.read");
        deliver(List.of(event)).statusCode(200);
        sealed(event);
        try (Connection app = appRole();
                Statement st = app.createStatement()) {
            assertThatThrownBy(() -> st.execute("DELETE FROM audit_entry WHERE event_id = '" + event.get("id") + "'"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("DELETE FROM expired_entry"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("SELECT * FROM audit_expire((SELECT ingest_id FROM audit_entry"
                            + " WHERE event_id = '" + event.get("id") + "'))"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no sealed retention statement");
        }
        assertThat(expired(event)).isFalse();
    }

    @Test
    void aManualHoldKeepsAWorkersEventsUntilItIsReleasedAndEachStepIsInTheLog() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> old = at(event(worker, "worker.read"), 3 * 365);
        deliver(List.of(old)).statusCode(200);
        sealed(old);
        String token = Tokens.user("security.auditor");
        String id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("scope", "WORKER", "targetId", worker.toString(), "reason", "court request 12/2026"))
                .post("/api/audit-holds")
                .then()
                .statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .extract()
                .path("id");

        purge();
        assertThat(expired(old)).isFalse();

        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "the court closed the matter"))
                .post("/api/audit-holds/" + id + "/release")
                .then()
                .statusCode(200)
                .body("status", equalTo("RELEASED"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again"))
                .post("/api/audit-holds/" + id + "/release")
                .then()
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:already-released"));
        purge();

        assertThat(expired(old)).isTrue();
        try (Connection c = owner()) {
            assertThat(count(
                            c,
                            "SELECT count(*) FROM audit_entry WHERE action IN ('audit.hold.place',"
                                    + " 'audit.hold.release') AND resource_id = '" + id + "'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void holdsAnswerBadInputAndOtherRolesWithProblems() {
        String token = Tokens.user("security.auditor");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("scope", "WORKER", "reason", "no target"))
                .post("/api/audit-holds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "scope", "EVERYTHING", "targetId", UUID.randomUUID().toString(), "reason", "x"))
                .post("/api/audit-holds")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(token)
                .get("/api/audit-holds/not-a-uuid")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().auth()
                .oauth2(token)
                .get("/api/audit-holds/" + UUID.randomUUID())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(token)
                .queryParam("status", "SOME")
                .get("/api/audit-holds")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/audit-holds")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token)
                .get("/api/audit-retention")
                .then()
                .statusCode(200)
                .body("categories.find { it.code == 'ACCESS' }.period", equalTo("P2Y"));
    }

    // --- helpers ---

    /** The event, said to have happened that many days ago. */
    private static Map<String, Object> at(Map<String, Object> event, int daysAgo) {
        return with(
                event,
                "occurredAt",
                Instant.now().minus(daysAgo, ChronoUnit.DAYS).toString());
    }

    private static Map<String, Object> caseEvent(UUID worker, String caseId, String action, String reason, int years) {
        Map<String, Object> e = at(event(worker, action), years * 365);
        e = with(e, "service", "case-service");
        e = with(e, "resourceType", "case");
        e = with(e, "resourceId", caseId);
        return with(e, "reason", reason);
    }

    /** Runs the purge until no statement waits for the sealer. */
    private void purge() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            PurgeReport report = retention.run().await().indefinitely();
            if (report.ran() && !report.waiting()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the purge did not finish in 60 s: " + report);
            }
            pause();
        }
    }

    /** Waits until every event has its leaf. */
    @SafeVarargs
    private static void sealed(Map<String, Object>... events) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        for (Map<String, Object> event : events) {
            while (leafOf(event) < 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("event " + event.get("id") + " was not sealed in 30 s");
                }
                pause();
            }
        }
    }

    private static long leafOf(Map<String, Object> event) throws SQLException {
        try (Connection c = owner()) {
            return count(
                    c,
                    "SELECT coalesce((SELECT l.leaf_index FROM merkle_leaf l JOIN audit_entry e ON e.ingest_id ="
                            + " l.ingest_id WHERE e.event_id = '" + event.get("id") + "'), (SELECT leaf_index FROM"
                            + " expired_entry WHERE event_id = '" + event.get("id") + "'), -1)");
        }
    }

    /** Whether the event's row is gone and its remains are in expired_entry. */
    private static boolean expired(Map<String, Object> event) throws SQLException {
        try (Connection c = owner()) {
            long rows = count(c, "SELECT count(*) FROM audit_entry WHERE event_id = '" + event.get("id") + "'");
            long gone = count(c, "SELECT count(*) FROM expired_entry WHERE event_id = '" + event.get("id") + "'");
            assertThat(rows + gone).as("the event is either stored or expired").isEqualTo(1);
            return gone == 1;
        }
    }

    private static Checkpoint checkpoint() {
        return Checkpoint.parse(
                SignedNote.parse(given().get("/api/audit-log/checkpoint").asString())
                        .text());
    }

    private static List<byte[]> hashes(JsonPath proof) {
        return proof.getList("proof", String.class).stream().map(B64::decode).toList();
    }

    private static JsonPath inclusion(long leaf, long size) {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("index", leaf)
                .queryParam("size", size)
                .get("/api/audit-log/proofs/inclusion")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String export() {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .get("/api/audit-log/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    record Verified(int exit, String out) {}

    private static Verified verifyOffline(String export) {
        String vkey = given().get("/api/audit-log/key").asString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyExport.run(
                new String[] {"--export", "-", "--log-key", vkey},
                new ByteArrayInputStream(export.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Verified(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
