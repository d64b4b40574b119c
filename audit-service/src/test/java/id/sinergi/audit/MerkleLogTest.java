package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.verify;
import static id.sinergi.audit.TestDatabase.count;
import static id.sinergi.audit.TestDatabase.owner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.log.LogVerifier;
import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.Proofs;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The Merkle log end to end on the running service: checkpoints that verify under the published key, inclusion
 * and consistency proofs that verify with the RFC's algorithms, witnesses' cosignatures, the export, and
 * tampering done directly in PostgreSQL as the tables' owner (each such test puts the rows back, so later tests
 * find an intact log).
 */
@QuarkusTest
@AuditTestResource
class MerkleLogTest {

    @Inject
    LogVerifier verifier;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Base64.Decoder B64 = Base64.getDecoder();

    @Test
    void checkpointsAreSignedByThePublishedKeyAndGrowWithTheLog() {
        NoteKey key = NoteKey.parseVkey(given().get("/api/audit-log/key")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Checkpoint before = Checkpoint.parse(sealedWithANewEvent().text());

        deliver(List.of(event(UUID.randomUUID(), "worker.read"), event(UUID.randomUUID(), "case.read")))
                .statusCode(200);
        SignedNote note = sealedCheckpoint(before.size() + 2);
        Checkpoint after = Checkpoint.parse(note.text());

        assertThat(key.signed(note)).isTrue();
        assertThat(after.origin()).isEqualTo(key.name());
        assertThat(after.time())
                .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        JsonPath consistency = given().queryParam("from", before.size())
                .queryParam("to", after.size())
                .get("/api/audit-log/proofs/consistency")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(Proofs.verifyConsistency(
                        before.size(), after.size(), before.rootHash(), after.rootHash(), hashes(consistency)))
                .isTrue();
    }

    @Test
    void anEventsInclusionProofVerifiesAgainstItsCheckpoint() {
        Map<String, Object> event = event(UUID.randomUUID(), "worker.placement.read");
        deliver(List.of(event)).statusCode(200);
        JsonPath proof = awaitProof(UUID.fromString((String) event.get("id")));

        SignedNote note = SignedNote.parse(proof.getString("checkpoint"));
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        byte[] leafHash = B64.decode(proof.getString("leafHash"));
        assertThat(leafHash).isEqualTo(MerkleHash.leaf(proof.getString("entry").getBytes(StandardCharsets.UTF_8)));
        assertThat(proof.getString("entry")).contains("\"eventId\":\"" + event.get("id") + "\"");
        assertThat(Proofs.verifyInclusion(
                        proof.getLong("leafIndex"), checkpoint.size(), leafHash, hashes(proof), checkpoint.rootHash()))
                .isTrue();
        byte[] otherLeaf = MerkleHash.leaf("another entry".getBytes(StandardCharsets.UTF_8));
        assertThat(Proofs.verifyInclusion(
                        proof.getLong("leafIndex"), checkpoint.size(), otherLeaf, hashes(proof), checkpoint.rootHash()))
                .isFalse();
    }

    @Test
    void concurrentDeliveriesAreEachSealedOnceAndTheLogStaysIntact() throws Exception {
        long before = Checkpoint.parse(sealedWithANewEvent().text()).size();
        String token = Tokens.client("case-service");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<Integer>> sent = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            sent.add(pool.submit(() -> {
                int accepted = 0;
                for (int i = 0; i < 10; i++) {
                    List<Map<String, Object>> batch = new ArrayList<>();
                    for (int j = 0; j < 5; j++) {
                        batch.add(AuditEvents.with(event(UUID.randomUUID(), "case.read"), "service", "case-service"));
                    }
                    accepted += given().auth()
                            .oauth2(token)
                            .contentType(ContentType.JSON)
                            .body(batch)
                            .post("/api/audit-events/batch")
                            .then()
                            .statusCode(200)
                            .extract()
                            .jsonPath()
                            .getInt("accepted");
                }
                return accepted;
            }));
        }
        int accepted = 0;
        for (Future<Integer> f : sent) {
            accepted += f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(300);

        sealedCheckpoint(before + 300);
        try (Connection c = owner()) {
            assertThat(count(c, "SELECT count(*) FROM merkle_leaf"))
                    .isEqualTo(count(
                            c,
                            "SELECT count(*) FROM audit_entry e"
                                    + " WHERE EXISTS (SELECT 1 FROM merkle_leaf l"
                                    + " WHERE l.ingest_id = e.ingest_id)"));
            assertThat(count(c, "SELECT count(DISTINCT ingest_id) FROM merkle_leaf"))
                    .isEqualTo(count(c, "SELECT count(*) FROM merkle_leaf"));
            assertThat(count(c, "SELECT max(leaf_index) + 1 FROM merkle_leaf"))
                    .isEqualTo(count(c, "SELECT count(*) FROM merkle_leaf"));
        }
        verify().statusCode(200).body("status", equalTo("INTACT"));
    }

    @Test
    void theServicesOwnRoleCannotChangeOrRemoveWhatTheLogHolds() {
        String url = config("quarkus.datasource.jdbc.url");
        try (Connection c = DriverManager.getConnection(
                        url, config("quarkus.datasource.username"), config("quarkus.datasource.password"));
                Statement st = c.createStatement()) {
            for (String sql : List.of(
                    "UPDATE audit_entry SET reason = 'x'",
                    "DELETE FROM audit_entry",
                    "UPDATE merkle_leaf SET leaf_hash = leaf_hash",
                    "DELETE FROM merkle_node",
                    "DELETE FROM checkpoint",
                    "TRUNCATE cosignature")) {
                assertThatThrownBy(() -> st.execute(sql))
                        .as(sql)
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void verificationNamesAnEditedRowAndADeletedOneAndTheExportShowsBoth() throws Exception {
        Map<String, Object> edited = event(UUID.randomUUID(), "worker.read");
        Map<String, Object> deleted = event(UUID.randomUUID(), "worker.read");
        deliver(List.of(edited, deleted)).statusCode(200);
        long editedLeaf = awaitProof(UUID.fromString((String) edited.get("id"))).getLong("leafIndex");
        long deletedLeaf =
                awaitProof(UUID.fromString((String) deleted.get("id"))).getLong("leafIndex");

        try (Connection c = owner();
                Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE saved AS SELECT * FROM audit_entry WHERE event_id = '" + deleted.get("id")
                    + "'");
            st.execute("UPDATE audit_entry SET actor_username = 'someone.else' WHERE event_id = '" + edited.get("id")
                    + "'");
            st.execute("DELETE FROM audit_entry WHERE event_id = '" + deleted.get("id") + "'");
            try {
                JsonPath report = verify().statusCode(200).extract().jsonPath();
                assertThat(report.getString("status")).isEqualTo("BROKEN");
                assertThat(report.getList("problems.kind")).contains("EVENT_EDITED", "EVENT_DELETED");
                assertThat(report.getString("problems.find { it.kind == 'EVENT_EDITED' }.eventId"))
                        .isEqualTo(edited.get("id"));
                assertThat(report.getLong("problems.find { it.kind == 'EVENT_EDITED' }.leafIndex"))
                        .isEqualTo(editedLeaf);
                assertThat(report.getLong("problems.find { it.kind == 'EVENT_DELETED' }.leafIndex"))
                        .isEqualTo(deletedLeaf);

                // The finding is stored: the newest verification and the gauge say BROKEN until the next run.
                JsonPath latest = latestVerification();
                assertThat(latest.getString("result.status")).isEqualTo("BROKEN");
                assertThat(latest.getBoolean("scheduled")).isFalse();
                assertThat(latest.getString("requestedBy")).isEqualTo("security.auditor");
                assertThat(latest.getList("result.problems.kind")).contains("EVENT_EDITED", "EVENT_DELETED");
                assertThat(metric("sinergi_audit_log_intact")).isEqualTo(0.0);

                List<JsonNode> export = export();
                JsonNode deletedLine = export.get((int) deletedLeaf + 1);
                assertThat(deletedLine.path("entry").isNull()).isTrue();
                JsonNode editedLine = export.get((int) editedLeaf + 1);
                assertThat(MerkleHash.leaf(editedLine.path("entry").asText().getBytes(StandardCharsets.UTF_8)))
                        .isNotEqualTo(B64.decode(editedLine.path("leafHash").asText()));
            } finally {
                st.execute("UPDATE audit_entry SET actor_username = 'consul.kl' WHERE event_id = '" + edited.get("id")
                        + "'");
                st.execute("INSERT INTO audit_entry OVERRIDING SYSTEM VALUE SELECT * FROM saved");
            }
        }
        verify().statusCode(200).body("status", equalTo("INTACT"));
        assertThat(latestVerification().getString("result.status")).isEqualTo("INTACT");
        assertThat(metric("sinergi_audit_log_intact")).isEqualTo(1.0);
    }

    @Test
    void theScheduledVerificationIsStoredAsTheLogsOwnAndOnlyAuditorsReadIt() {
        sealedWithANewEvent();
        assertThat(verifier.verifyOnSchedule().await().atMost(Duration.ofMinutes(2)))
                .isTrue();
        JsonPath latest = latestVerification();
        assertThat(latest.getBoolean("scheduled")).isTrue();
        assertThat(latest.getString("requestedBy")).isNull();
        assertThat(latest.getString("result.status")).isEqualTo("INTACT");
        long size = latest.getLong("result.treeSize");
        assertThat(size).isPositive();
        // The run is in the log itself, as audit-service's own audit.verify of that checkpoint.
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("action", "audit.verify")
                .queryParam("actor", "audit-service")
                .when()
                .get("/api/audit-events")
                .then()
                .statusCode(200)
                .body("events.resourceId", org.hamcrest.Matchers.hasItem(String.valueOf(size)));
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/audit-log/verification/latest")
                .then()
                .statusCode(403);
        assertThat(metric("sinergi_audit_log_verified_timestamp_seconds")).isPositive();
    }

    private static JsonPath latestVerification() {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/audit-log/verification/latest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static double metric(String name) {
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in /q/metrics"));
    }

    @Test
    void theExportRebuildsTheCheckpointsRootFromItsEntries() throws Exception {
        sealedWithANewEvent();
        List<JsonNode> export = export();
        SignedNote note = SignedNote.parse(export.get(0).path("note").asText());
        Checkpoint checkpoint = Checkpoint.parse(note.text());
        assertThat(export).hasSize((int) checkpoint.size() + 1);
        Frontier tree = Frontier.empty();
        for (int i = 1; i < export.size(); i++) {
            JsonNode line = export.get(i);
            assertThat(line.path("index").asLong()).isEqualTo(i - 1);
            if (line.has("expired")) {
                // The payload expired under the retention policy (RetentionTest); its leaf is what remains.
                assertThat(line.path("entry").isNull()).isTrue();
                tree.append(B64.decode(line.path("leafHash").asText()), (n, h) -> {});
                continue;
            }
            byte[] leaf = MerkleHash.leaf(line.path("entry").asText().getBytes(StandardCharsets.UTF_8));
            assertThat(leaf).isEqualTo(B64.decode(line.path("leafHash").asText()));
            tree.append(leaf, (n, h) -> {});
        }
        assertThat(MessageDigest.isEqual(tree.root(), checkpoint.rootHash())).isTrue();
    }

    @Test
    void aConfiguredWitnessCosignsACheckpointAndTheLogPublishesIt() {
        NoteKey witness = NoteKey.signer(
                "witness.test/kemlu",
                NoteKey.COSIGNATURE,
                Ed25519Keys.readPem(Path.of("src/test/resources/local-only-test-witness-key.pem")));
        SignedNote note = sealedWithANewEvent();
        String cosigned = note.with(witness.sign(note.text(), Instant.now().getEpochSecond()))
                .format();
        String token = Tokens.client("audit-witness-kemlu");

        cosign(token, cosigned).statusCode(201).body("witness", equalTo("witness.test/kemlu"));
        cosign(token, cosigned).statusCode(200).body("alreadyStored", equalTo(true));
        SignedNote published = SignedNote.parse(
                given().get("/api/audit-log/checkpoint").then().extract().asString());
        if (published.text().equals(note.text())) {
            assertThat(witness.signed(published)).isTrue();
        }

        // A checkpoint the log never issued, however well cosigned, is refused.
        Checkpoint real = Checkpoint.parse(note.text());
        String forgedText =
                new Checkpoint(real.origin(), real.size(), MerkleHash.sha256(new byte[] {9}), real.time()).body();
        String forged = new SignedNote(forgedText, List.of(witness.sign(forgedText, 1))).format();
        cosign(token, forged).statusCode(409).body("type", equalTo("urn:sinergi:problem:checkpoint-not-issued"));

        NoteKey stranger = NoteKey.signer("witness.test/stranger", NoteKey.COSIGNATURE, Ed25519Keys.generate());
        cosign(token, note.with(stranger.sign(note.text(), 1)).format())
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:unknown-witness"));
        cosign(token, "not a note").statusCode(400);
        cosign(Tokens.user("security.auditor"), cosigned).statusCode(403);
    }

    @Test
    void theBacklogPerSourceIsReportedAndIsAMetric() {
        SignedNote note = sealedWithANewEvent();
        long size = Checkpoint.parse(note.text()).size();
        JsonPath backlog = given().auth()
                .oauth2(Tokens.user("platform.admin"))
                .get("/api/audit-log/backlog")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(backlog.getLong("treeSize")).isGreaterThanOrEqualTo(size);
        assertThat(backlog.getList("sources.source")).contains("identity-service");
        // Everything identity-service delivered was sealed above, and nothing new came from it since.
        assertThat(backlog.getLong("sources.find { it.source == 'identity-service' }.unsealed"))
                .isZero();
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("sinergi_audit_unsealed_events{source=\"identity-service\"}")
                .contains("sinergi_audit_seal_lag_seconds{source=\"identity-service\"}");
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/audit-log/backlog")
                .then()
                .statusCode(403);
    }

    @Test
    void proofParametersOutsideTheTreeAreRefusedNamingTheParameter() {
        long size = Checkpoint.parse(sealedWithANewEvent().text()).size();
        given().queryParam("from", 2)
                .queryParam("to", 1)
                .get("/api/audit-log/proofs/consistency")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().queryParam("from", 1)
                .queryParam("to", size + 1000)
                .get("/api/audit-log/proofs/consistency")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().queryParam("from", "x")
                .queryParam("to", 1)
                .get("/api/audit-log/proofs/consistency")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("from"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("index", size)
                .get("/api/audit-log/proofs/inclusion")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("index"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .get("/api/audit-events/" + UUID.randomUUID() + "/proof")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/audit-log/export")
                .then()
                .statusCode(403);
    }

    @Test
    void proofParametersAreRefusedInTheWordsOfTheirRuleAndAnEventIdThatIsNoUuidFindsNoResource() {
        sealedWithANewEvent();
        String auditor = Tokens.user("security.auditor");
        String eventId = UUID.randomUUID().toString();

        for (String tooSmall : List.of("-1", "0")) {
            given().auth()
                    .oauth2(auditor)
                    .queryParam("size", tooSmall)
                    .get("/api/audit-events/" + eventId + "/proof")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                    .body("detail", equalTo("Parameter 'size' must be a tree size from 1 to the latest checkpoint's."));
        }
        given().auth()
                .oauth2(auditor)
                .queryParam("size", Long.MAX_VALUE)
                .get("/api/audit-events/" + eventId + "/proof")
                .then()
                .statusCode(400)
                .body("detail", matchesPattern("Parameter 'size' must be a tree size from 1 to \\d+\\."));
        given().auth()
                .oauth2(auditor)
                .get("/api/audit-log/proofs/inclusion")
                .then()
                .statusCode(400)
                .body("title", equalTo("Invalid parameter"))
                .body("detail", equalTo("Parameter 'index' is required."));
        given().queryParam("from", 0)
                .queryParam("to", 1)
                .get("/api/audit-log/proofs/consistency")
                .then()
                .statusCode(400)
                .body("detail", equalTo("Parameter 'from' must be a tree size from 1 to the latest checkpoint's."));
        given().auth()
                .oauth2(auditor)
                .get("/api/audit-events/not-a-uuid/proof")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:http-404"));
    }

    private static io.restassured.response.ValidatableResponse cosign(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("text/plain; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/audit-log/cosignatures")
                .then();
    }

    /** Delivers one event and gives the first checkpoint that holds it. */
    static SignedNote sealedWithANewEvent() {
        Map<String, Object> event = event(UUID.randomUUID(), "worker.read");
        deliver(List.of(event)).statusCode(200);
        // The checkpoint that holds this event's leaf: another leaf sealed meanwhile (the log's own events) must not
        // pass for it.
        long leaf;
        try (Connection c = TestDatabase.appRole()) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while ((leaf = count(
                            c,
                            "SELECT coalesce(max(l.leaf_index), -1) FROM merkle_leaf l JOIN audit_entry e"
                                    + " ON e.ingest_id = l.ingest_id WHERE e.event_id = '" + event.get("id") + "'"))
                    < 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the event was not sealed in 30 s");
                }
                pause();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sealedCheckpoint(leaf + 1);
    }

    /** The latest checkpoint once the tree has at least {@code size} leaves. */
    static SignedNote sealedCheckpoint(long size) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var response = given().get("/api/audit-log/checkpoint");
            if (response.statusCode() == 200) {
                SignedNote note = SignedNote.parse(response.asString());
                if (Checkpoint.parse(note.text()).size() >= size) {
                    return note;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the log did not reach " + size + " leaves in 30 s");
            }
            pause();
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
            pause();
        }
    }

    private static List<JsonNode> export() throws Exception {
        String body = given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .get("/api/audit-log/export")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<byte[]> hashes(JsonPath json) {
        return json.getList("proof", String.class).stream().map(B64::decode).toList();
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
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
