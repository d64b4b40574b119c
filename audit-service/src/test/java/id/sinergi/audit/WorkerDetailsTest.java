package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.query;
import static id.sinergi.audit.AuditEvents.verify;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withDetails;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.Proofs;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Personal details encrypted per worker: stored and hashed only as ciphertext, opened for auditors, and erased by
 * destroying the worker's key while the log still verifies and its proofs still hold.
 */
@QuarkusTest
@AuditTestResource
class WorkerDetailsTest {

    private static final String SECRET = "majikan menahan paspor saya";

    @Inject
    DataSource dataSource;

    private static Map<String, Object> reported(UUID worker) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("complaint", SECRET);
        details.put("contact", Map.of("phone", "+60 12 345 6789"));
        return withDetails(with(event(worker, "case.report"), "service", "case-service"), details);
    }

    @Test
    void shouldStoreAndHashOnlyTheCiphertextAndShowTheDetailsToAuditors() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> event = reported(worker);
        AuditEvents.deliverAs("case-service", List.of(event)).statusCode(200).body("accepted", equalTo(1));

        query(Map.of("workerId", worker, "service", "case-service"))
                .statusCode(200)
                .body("events[0].details.complaint", equalTo(SECRET))
                .body("events[0].details.contact.phone", equalTo("+60 12 345 6789"))
                .body("events[0].detailsStatus", equalTo("PRESENT"));

        byte[] stored = storedDetails(UUID.fromString((String) event.get("id")));
        assertThat(stored).isNotNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("paspor", "345");
        JsonPath proof = awaitProof(UUID.fromString((String) event.get("id")));
        assertThat(proof.getString("entry"))
                .doesNotContain("paspor")
                .endsWith(",\"details\":\"" + Base64.getEncoder().encodeToString(stored) + "\"}");
    }

    @Test
    void shouldShowNoDetailsMembersForAnEventWithout() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);

        query(Map.of("workerId", worker, "service", "identity-service"))
                .statusCode(200)
                .body("events[0].details", nullValue())
                .body("events[0].detailsStatus", nullValue());
    }

    @Test
    void shouldEraseTheDetailsWhileVerificationStaysIntactAndProofsStillVerify() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> event = reported(worker);
        UUID eventId = UUID.fromString((String) event.get("id"));
        AuditEvents.deliverAs("case-service", List.of(event)).statusCode(200);
        JsonPath before = awaitProof(eventId);

        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .delete("/api/workers/" + worker + "/audit-key")
                .then()
                .statusCode(200)
                .body("workerId", equalTo(worker.toString()))
                .body("keyDestroyed", equalTo(true));

        query(Map.of("workerId", worker, "service", "case-service"))
                .statusCode(200)
                .body("events[0].id", equalTo(eventId.toString()))
                .body("events[0].detailsStatus", equalTo("ERASED"))
                .body("events[0].details", nullValue());
        verify().statusCode(200).body("status", equalTo("INTACT")).body("problems", equalTo(List.of()));
        JsonPath after = awaitProof(eventId);
        assertThat(after.getString("leafHash")).isEqualTo(before.getString("leafHash"));
        assertThat(after.getString("entry")).isEqualTo(before.getString("entry"));
        assertInclusionVerifies(after);
        assertInclusionVerifies(before);
    }

    @Test
    void shouldGiveLaterDetailsANewKeyThatNeverOpensTheErasedOnes() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> first = reported(worker);
        AuditEvents.deliverAs("case-service", List.of(first)).statusCode(200);
        erase(worker).statusCode(200).body("keyDestroyed", equalTo(true));

        Map<String, Object> later = reported(worker);
        AuditEvents.deliverAs("case-service", List.of(later)).statusCode(200);

        query(Map.of("workerId", worker, "service", "case-service"))
                .statusCode(200)
                .body("events.id", equalTo(List.of(first.get("id"), later.get("id"))))
                .body("events.detailsStatus", equalTo(List.of("ERASED", "PRESENT")))
                .body("events[1].details.complaint", equalTo(SECRET));
        erase(UUID.randomUUID()).statusCode(200).body("keyDestroyed", equalTo(false));
    }

    @Test
    void shouldAuditTheErasureAndLetOnlySecurityAuditorsErase() {
        UUID worker = UUID.randomUUID();
        AuditEvents.deliverAs("case-service", List.of(reported(worker))).statusCode(200);

        for (String user : List.of("consul.kl", "pwni.hq", "platform.admin")) {
            given().auth()
                    .oauth2(Tokens.user(user))
                    .delete("/api/workers/" + worker + "/audit-key")
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .delete("/api/workers/" + worker + "/audit-key")
                .then()
                .statusCode(403);
        query(Map.of("workerId", worker, "service", "case-service"))
                .statusCode(200)
                .body("events[0].detailsStatus", equalTo("PRESENT"));

        erase(worker).statusCode(200);

        query(Map.of("workerId", worker, "action", "audit.worker-key.destroy"))
                .statusCode(200)
                .body("events[0].actor.username", equalTo("security.auditor"))
                .body("events[0].reason", equalTo("keyDestroyed=true"));
    }

    @Test
    void shouldRejectDetailsWithoutAWorkerOrTooLargeOrTooDeepNamingTheField() {
        Map<String, Object> noWorker = with(reported(UUID.randomUUID()), "workerId", null);
        Map<String, Object> tooLarge = withDetails(
                with(event(UUID.randomUUID(), "case.report"), "service", "case-service"),
                Map.of("text", "x".repeat(5000)));
        Map<String, Object> tooDeep = withDetails(
                with(event(UUID.randomUUID(), "case.report"), "service", "case-service"),
                Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of())))));
        Map<String, Object> notAnObject =
                with(with(event(UUID.randomUUID(), "case.report"), "service", "case-service"), "details", List.of(1));

        AuditEvents.deliverAs("case-service", List.of(noWorker))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:details-without-worker"))
                .body("errors[0].field", equalTo("[0].details"));
        AuditEvents.deliverAs("case-service", List.of(tooLarge))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("[0].details"))
                .body("errors[0].message", equalTo("must take at most 4096 bytes as compact JSON"));
        AuditEvents.deliverAs("case-service", List.of(tooDeep))
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].details"))
                .body("errors[0].message", equalTo("must not nest deeper than 4 levels"));
        AuditEvents.deliverAs("case-service", List.of(notAnObject))
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].details"));
    }

    @Test
    void shouldLetTheAppRoleDeleteWorkerKeysButNeverChangeThem() throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE worker_key SET created_at = now()")) {
            assertThatThrownBy(ps::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM worker_key WHERE worker_id = ?")) {
            ps.setObject(1, UUID.randomUUID());
            assertThat(ps.executeUpdate()).isZero();
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM audit_entry WHERE worker_id = ?")) {
            ps.setObject(1, UUID.randomUUID());
            assertThatThrownBy(ps::executeUpdate)
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
    }

    private static io.restassured.response.ValidatableResponse erase(UUID worker) {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .delete("/api/workers/" + worker + "/audit-key")
                .then();
    }

    private static void assertInclusionVerifies(JsonPath proof) {
        Checkpoint checkpoint =
                Checkpoint.parse(SignedNote.parse(proof.getString("checkpoint")).text());
        byte[] leafHash = Base64.getDecoder().decode(proof.getString("leafHash"));
        assertThat(leafHash).isEqualTo(MerkleHash.leaf(proof.getString("entry").getBytes(StandardCharsets.UTF_8)));
        List<byte[]> path = proof.getList("proof", String.class).stream()
                .map(Base64.getDecoder()::decode)
                .toList();
        assertThat(Proofs.verifyInclusion(
                        proof.getLong("leafIndex"), checkpoint.size(), leafHash, path, checkpoint.rootHash()))
                .isTrue();
    }

    private byte[] storedDetails(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT details FROM audit_entry WHERE event_id = ?")) {
            ps.setObject(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static JsonPath awaitProof(UUID eventId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var response = given().auth()
                    .oauth2(Tokens.user("security.auditor"))
                    .get("/api/audit-events/" + eventId + "/proof");
            if (response.statusCode() == 200) {
                return response.jsonPath();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("event " + eventId + " was not sealed in 30 s: " + response.statusCode());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
