package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
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
import id.sinergi.audit.proof.RetentionStatement;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.audit.proof.cli.VerifyExport;
import id.sinergi.audit.retention.PurgeReport;
import id.sinergi.audit.retention.Retention;
import id.sinergi.audit.retention.RetentionCategory;
import id.sinergi.common.audit.AuditOutcome;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retention and legal holds on the running service: events the log recorded years ago expire while recent ones
 * stay, even those whose sender claims they occurred years ago, and those of an open case are held; the tree, its
 * proofs, the online verification and the offline verifier all still hold after a purge; a row removed without a
 * retention statement is still tampering; the app's database role can neither delete a row nor have audit_expire()
 * remove one no statement names, and audit_expire() takes no category from a statement that the entry does not
 * have; Java and the database derive the same categories.
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
        Map<String, Object> old = recordedAgo(event(reader, "worker.placement.read"), 3 * 365);
        Map<String, Object> recent = recordedAgo(event(reader, "worker.placement.read"), 365);
        Map<String, Object> oldOfCaseWorker = recordedAgo(event(caseWorker, "worker.placement.read"), 3 * 365);
        Map<String, Object> report = caseEvent(caseWorker, caseId, "case.report", "reference=X category=WAGES", 10);
        sealed(old, recent, oldOfCaseWorker, report);

        purge();

        assertThat(expired(old)).isTrue();
        assertThat(expired(recent)).isFalse();
        assertThat(expired(oldOfCaseWorker)).isFalse();
        assertThat(expired(report)).isFalse();
        verify().statusCode(200).body("status", equalTo("INTACT"));

        Map<String, Object> close = caseEvent(caseWorker, caseId, "case.transition", "from=RESOLVED to=CLOSED", 9);
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
    void aReopenedCaseHoldsItsEventsAgainUntilItIsClosedOnceMore() throws Exception {
        UUID worker = UUID.randomUUID();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> report = caseEvent(worker, caseId, "case.report", "reference=Y category=WAGES", 10);
        Map<String, Object> closed = caseEvent(worker, caseId, "case.transition", "from=RESOLVED to=CLOSED", 9);
        Map<String, Object> reopened = caseEvent(worker, caseId, "case.transition", "from=CLOSED to=REOPENED", 8);
        sealed(report, closed, reopened);

        purge();

        assertThat(expired(report))
                .as("held: the case was reopened after it closed")
                .isFalse();
        assertThat(expired(reopened)).isFalse();

        Map<String, Object> closedAgain = caseEvent(worker, caseId, "case.transition", "from=RESOLVED to=CLOSED", 7);
        sealed(closedAgain);
        purge();

        assertThat(expired(report)).isTrue();
        assertThat(expired(closedAgain)).isTrue();
        verify().statusCode(200).body("status", equalTo("INTACT"));
    }

    @Test
    void everyProofTheExportAndTheOfflineVerifierStillHoldAfterAPurge() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> old = recordedAgo(event(worker, "worker.search"), 4 * 365);
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
        Map<String, Object> old = recordedAgo(event(worker, "worker.read"), 3 * 365);
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
                .get("/api/audit-holds/" + id)
                .then()
                .statusCode(200)
                .body("targetId", equalTo(worker.toString()));
        given().auth()
                .oauth2(token)
                .get("/api/audit-holds")
                .then()
                .statusCode(200)
                .body("holds.id", org.hamcrest.Matchers.hasItem(id))
                .body("moreHolds", equalTo(false));

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
                                    + " 'audit.hold.read', 'audit.hold.release') AND resource_id = '" + id + "'"))
                    .as("placed, read once and released: each a step in the log")
                    .isEqualTo(3);
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
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "scope",
                        "WORKER",
                        "targetId",
                        UUID.randomUUID().toString(),
                        "reason",
                        "court asked about passport A1234567"))
                .post("/api/audit-holds")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(token)
                .get("/api/audit-holds/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:http-404"));
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

    @Test
    void anEventItsSenderBackdatesYearsButTheLogRecordedNowIsNotPurged() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> backdated = with(
                event(worker, "worker.placement.read"),
                "occurredAt",
                Instant.now().minus(10 * 365, ChronoUnit.DAYS).toString());
        deliver(List.of(backdated)).statusCode(200);
        sealed(backdated);

        purge();

        assertThat(expired(backdated)).isFalse();
        verify().statusCode(200).body("status", equalTo("INTACT"));
    }

    @Test
    void auditExpireRefusesAStatementThatRelabelsAnEntrysCategory() throws Exception {
        // A change recorded three years ago: CHANGE keeps it five years, ACCESS would have let it go after two.
        Map<String, Object> change = recordedAgo(event(UUID.randomUUID(), "worker.register"), 3 * 365);
        sealed(change);
        long leaf = leafOf(change);
        try (Connection c = owner()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                Instant recorded;
                try (ResultSet rs = st.executeQuery(
                        "SELECT recorded_at FROM audit_entry WHERE event_id = '" + change.get("id") + "'")) {
                    rs.next();
                    recorded = rs.getObject(1, OffsetDateTime.class).toInstant();
                }
                // What someone with the database's credentials could write: a statement with no valid signature,
                // sealed by hand in a transaction that is rolled back, calling the CHANGE event an ACCESS one.
                String text = "audit.sinergi.test/log\nretention-purge/v1\npurged-at "
                        + RetentionStatement.timestamp(Instant.now().minusSeconds(5)) + "\npolicy ACCESS P2Y\n"
                        + "policy CHANGE P5Y\nleaf " + leaf + " ACCESS " + RetentionStatement.timestamp(recorded)
                        + "\n\n-- forged AAAA\n";
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (event_id, occurred_at,"
                        + " recorded_at, service, action, outcome, actor_subject, entry_format, purge)"
                        + " VALUES (?, now(), now(), 'audit-service', 'audit.retention.purge', 'SUCCESS',"
                        + " 'audit-service', 4, ?) RETURNING ingest_id")) {
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, text);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        long ingest = rs.getLong(1);
                        st.execute("INSERT INTO merkle_leaf (leaf_index, ingest_id, leaf_hash) SELECT"
                                + " coalesce(max(leaf_index), 0) + 1000000, " + ingest + ", sha256('x')"
                                + " FROM merkle_leaf");
                        assertThatThrownBy(() -> st.execute("SELECT * FROM audit_expire(" + ingest + ")"))
                                .isInstanceOf(SQLException.class)
                                .hasMessageContaining("not of the category the statement gives");
                    }
                }
            } finally {
                c.rollback();
            }
        }
        assertThat(expired(change)).isFalse();
    }

    @Test
    void javaAndTheDatabaseGiveEveryEntryTheSameCategory() throws Exception {
        assertThat(RetentionCategory.of("keycloak", "keycloak.login", AuditOutcome.SUCCESS))
                .isEqualTo(RetentionCategory.SECURITY);
        assertThat(RetentionCategory.of("keycloak", "keycloak.admin.user.update", AuditOutcome.SUCCESS))
                .isEqualTo(RetentionCategory.SECURITY);
        List<String> services =
                List.of("identity-service", "case-service", "consent-service", "audit-service", "keycloak", "scenario");
        List<String> actions = List.of(
                "worker.read",
                "worker.placement.read",
                "worker.search",
                "case.list",
                "audit.query",
                "audit.export",
                "audit.retention.purge",
                "audit.hold.place",
                "worker.summary",
                "case.view",
                "read",
                "worker.reader",
                "worker.register",
                "worker.merge",
                "case.report",
                "case.transition",
                "consent.grant",
                "consent.decision",
                "consent.read",
                "worker.vital-interest.invoke",
                "vital-interest",
                "keycloak.login",
                "keycloak.login-error",
                "keycloak.admin.user.update",
                "keycloak.read",
                "auditlog.read",
                "audit",
                "keycloakx.login",
                "consentx.read");
        List<String[]> sample = new java.util.ArrayList<>();
        for (String service : services) {
            for (String action : actions) {
                for (AuditOutcome outcome : AuditOutcome.values()) {
                    sample.add(new String[] {service, action, outcome.name()});
                }
            }
        }
        try (Connection c = appRole();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT DISTINCT service, action, outcome FROM audit_entry")) {
            while (rs.next()) {
                sample.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        try (Connection c = appRole();
                PreparedStatement ps = c.prepareStatement("SELECT audit_retention_category(?, ?, ?)")) {
            for (String[] row : sample) {
                ps.setString(1, row[0]);
                ps.setString(2, row[1]);
                ps.setString(3, row[2]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1))
                            .as(String.join(" ", row))
                            .isEqualTo(RetentionCategory.of(row[0], row[1], AuditOutcome.valueOf(row[2]))
                                    .name());
                }
            }
        }
    }

    // --- helpers ---

    /**
     * The event as a row the log recorded that many days ago (and which, it says, occurred a second before),
     * written straight into audit_entry as the tables' owner in canonical form 3, as the bench does; the sealer
     * gives it its leaf like any other. The intake would stamp it with the time now.
     */
    private static Map<String, Object> recordedAgo(Map<String, Object> event, int daysAgo) throws SQLException {
        Instant recorded = Instant.now().minus(daysAgo, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> e =
                with(event, "occurredAt", recorded.minusSeconds(1).toString());
        @SuppressWarnings("unchecked") // built by AuditEvents.event
        Map<String, Object> actor = (Map<String, Object>) e.get("actor");
        try (Connection c = owner();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (event_id, occurred_at,"
                        + " recorded_at, service, action, outcome, actor_subject, actor_username, actor_agency,"
                        + " actor_mission, actor_client_id, actor_roles, worker_id, purpose, resource_type,"
                        + " resource_id, reason, entry_format) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, 3)")) {
            ps.setObject(1, UUID.fromString((String) e.get("id")));
            ps.setObject(2, recorded.minusSeconds(1).atOffset(ZoneOffset.UTC));
            ps.setObject(3, recorded.atOffset(ZoneOffset.UTC));
            ps.setString(4, (String) e.get("service"));
            ps.setString(5, (String) e.get("action"));
            ps.setString(6, (String) e.get("outcome"));
            ps.setString(7, (String) actor.get("subject"));
            ps.setString(8, (String) actor.get("username"));
            ps.setString(9, (String) actor.get("agency"));
            ps.setString(10, (String) actor.get("mission"));
            ps.setString(11, (String) actor.get("clientId"));
            ps.setString(12, "[\"consular-officer\"]");
            ps.setObject(13, UUID.fromString((String) e.get("workerId")));
            ps.setString(14, (String) e.get("purpose"));
            ps.setString(15, (String) e.get("resourceType"));
            ps.setString(16, (String) e.get("resourceId"));
            ps.setString(17, (String) e.get("reason"));
            ps.executeUpdate();
        }
        return e;
    }

    /** case-service's event about the case, recorded that many years ago. */
    private static Map<String, Object> caseEvent(UUID worker, String caseId, String action, String reason, int years)
            throws SQLException {
        Map<String, Object> e = event(worker, action);
        e = with(e, "service", "case-service");
        e = with(e, "resourceType", "case");
        e = with(e, "resourceId", caseId);
        return recordedAgo(with(e, "reason", reason), years * 365);
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
