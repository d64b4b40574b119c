package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The workflow: every allowed and forbidden step, who makes it, supervised closing, If-Match and concurrency. */
@QuarkusTest
@CaseTestResource
class CaseTransitionTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    private static final List<String> STATUSES =
            List.of("REPORTED", "TRIAGED", "IN_PROGRESS", "REFERRED", "RESOLVED", "CLOSED", "REOPENED");

    /** The workflow as the issue and docs/cases.md state it, written out here rather than read from the code. */
    private static final Set<String> ALLOWED = Set.of(
            "REPORTED->TRIAGED",
            "TRIAGED->IN_PROGRESS",
            "TRIAGED->REFERRED",
            "IN_PROGRESS->REFERRED",
            "IN_PROGRESS->RESOLVED",
            "REFERRED->IN_PROGRESS",
            "REFERRED->RESOLVED",
            "RESOLVED->IN_PROGRESS",
            "RESOLVED->CLOSED",
            "CLOSED->REOPENED",
            "REOPENED->TRIAGED",
            "REOPENED->IN_PROGRESS");

    /** The steps from REPORTED to each status. */
    private static final Map<String, List<String>> PATHS = Map.of(
            "REPORTED", List.of(),
            "TRIAGED", List.of("TRIAGED"),
            "IN_PROGRESS", List.of("TRIAGED", "IN_PROGRESS"),
            "REFERRED", List.of("TRIAGED", "REFERRED"),
            "RESOLVED", List.of("TRIAGED", "IN_PROGRESS", "RESOLVED"),
            "CLOSED", List.of("TRIAGED", "IN_PROGRESS", "RESOLVED", "CLOSED"),
            "REOPENED", List.of("TRIAGED", "IN_PROGRESS", "RESOLVED", "CLOSED", "REOPENED"));

    @Inject
    DataSource dataSource;

    static Stream<Arguments> everyPairOfStatuses() {
        List<Arguments> pairs = new ArrayList<>();
        for (String from : STATUSES) {
            for (String to : STATUSES) {
                pairs.add(Arguments.of(from, to, ALLOWED.contains(from + "->" + to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("everyPairOfStatuses")
    void shouldAllowExactlyTheStepsOfTheWorkflow(String from, String to, boolean allowed) {
        String caseId = Cases.reported("pwni.hq", KL);
        // A step to REFERRED needs a referral pending (CaseReferralTest checks the refusal without one); made while
        // REPORTED, it leaves the status as it is.
        Referrals.refer("pwni.hq", caseId, Referrals.toService("LEGAL_AID", "LBH Kuala Lumpur"))
                .statusCode(201);
        for (String step : PATHS.get(from)) {
            step(caseId, step).statusCode(200).body("status.code", equalTo(step));
        }
        long changesBefore = changes(caseId);

        var answer = step(caseId, to);

        if (allowed) {
            answer.statusCode(200).body("status.code", equalTo(to)).body("status.termId", notNullValue());
            assertThat(changes(caseId)).isEqualTo(changesBefore + 1);
        } else {
            answer.statusCode(409).body("type", equalTo(expectedRefusal(from, to)));
            assertThat(changes(caseId)).isEqualTo(changesBefore);
        }
        Cases.read("pwni.hq", caseId).statusCode(200).body("status.code", equalTo(allowed ? to : from));
    }

    private static String expectedRefusal(String from, String to) {
        if (to.equals("CLOSED")) {
            return "urn:sinergi:problem:case-not-resolved";
        }
        return "urn:sinergi:problem:illegal-transition";
    }

    /**
     * Takes one step the way an officer does: triage through its endpoint, closing as pwni.hq's request approved by
     * the mission's head of protection, any other step as a transition.
     */
    private static io.restassured.response.ValidatableResponse step(String caseId, String to) {
        return switch (to) {
            case "TRIAGED" -> Cases.triage("pwni.hq", caseId);
            case "CLOSED" -> {
                var asked = Cases.update(
                        "pwni.hq", caseId, "/closure-requests", Map.of("reason", "wages paid, worker agrees"));
                if (asked.extract().statusCode() != 201) {
                    yield asked;
                }
                String requestId = asked.extract().path("id");
                yield Cases.update(
                        "head.kl",
                        caseId,
                        "/closure-requests/" + requestId + "/decision",
                        Map.of("decision", "APPROVED", "reason", "checked the receipt"));
            }
            default -> Cases.move("pwni.hq", caseId, to);
        };
    }

    @Test
    void shouldRefuseTriageAndClosingAsPlainTransitions() {
        String caseId = Cases.reported("consul.kl", KL);

        Cases.move("consul.kl", caseId, "TRIAGED")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:use-triage"));
        for (String step : PATHS.get("RESOLVED")) {
            step(caseId, step).statusCode(200);
        }
        Cases.move("consul.kl", caseId, "CLOSED")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:closure-needs-approval"));
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("RESOLVED"));
    }

    @Test
    void shouldStoreAndAuditEachChangeWithActorAndReason() {
        String caseId = Cases.reported("consul.kl", KL);

        Cases.triage("consul.kl", caseId).statusCode(200).body("status.termId", equalTo("Ditelaah"));
        Cases.move("consul.kl", caseId, "IN_PROGRESS")
                .statusCode(200)
                .body("status.termId", equalTo("Dalam penanganan"))
                .body("status.glossEn", equalTo("being handled"));

        assertThat(changeRows(caseId))
                .containsExactly(
                        List.of("REPORTED", "TRIAGED", "consul.kl", "first call with the worker done"),
                        List.of("TRIAGED", "IN_PROGRESS", "consul.kl", "checked with the worker by phone"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.transition\"")
                        .contains("\"reason\":\"from=REPORTED to=TRIAGED\"")
                        .contains("\"username\":\"consul.kl\""))
                .anySatisfy(p ->
                        assertThat(p).contains("\"action\":\"case.triage\"").contains("priority=HIGH"));
    }

    @Test
    void shouldRaisePriorityAtTriageBringingDeadlinesForwardAndRefuseLoweringIt() {
        String caseId = Cases.reported("consul.kl", KL);
        ExtractableResponse<Response> before = Cases.read("consul.kl", caseId).extract();
        assertThat((String) before.path("priority.code")).isEqualTo("HIGH");

        Cases.update("consul.kl", caseId, "/triage", Map.of("priority", "LOW", "reason", "not that urgent"))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:priority-lowered"));
        ExtractableResponse<Response> raised = Cases.update(
                        "consul.kl",
                        caseId,
                        "/triage",
                        Map.of("priority", "CRITICAL", "desk", "LEGAL_AID", "reason", "employer threatens her"))
                .statusCode(200)
                .body("priority.code", equalTo("CRITICAL"))
                .body("priority.termId", equalTo("Kritis"))
                .body("routedTo.code", equalTo("LEGAL_AID"))
                .extract();

        java.time.Instant reported = java.time.Instant.parse(raised.path("reportedAt"));
        assertThat(java.time.Instant.parse(raised.path("deadlines.firstResponseDue")))
                .isEqualTo(reported.plus(java.time.Duration.ofHours(4)));
        assertThat(java.time.Instant.parse(raised.path("deadlines.resolutionDue")))
                .isEqualTo(reported.plus(java.time.Duration.ofDays(7)));
        assertThat((String) raised.path("deadlines.firstRespondedAt")).isNotNull();
        assertThat(priorityRows(caseId)).containsExactly(List.of("HIGH", "CRITICAL", "employer threatens her"));
    }

    @Test
    void shouldCloseOnlyWithTheApprovalOfASupervisorOtherThanTheAsker() {
        String caseId = Cases.reported("consul.kl", KL);
        for (String step : PATHS.get("RESOLVED")) {
            step(caseId, step).statusCode(200);
        }
        String byHead = Cases.update("head.kl", caseId, "/closure-requests", Map.of("reason", "all settled"))
                .statusCode(201)
                .extract()
                .path("id");

        Cases.update("head.kl", caseId, "/closure-requests", Map.of("reason", "asking twice"))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:closure-pending"));
        decide("head.kl", caseId, byHead, "APPROVED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:own-request"));
        decide("consul.kl", caseId, byHead, "APPROVED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        decide("consul.hk", caseId, byHead, "APPROVED").statusCode(403);
        decide("pwni.hq", caseId, byHead, "REJECTED").statusCode(200).body("status.code", equalTo("RESOLVED"));
        String byOfficer = Cases.update("consul.kl", caseId, "/closure-requests", Map.of("reason", "now settled"))
                .statusCode(201)
                .extract()
                .path("id");
        decide("head.kl", caseId, byOfficer, "APPROVED")
                .statusCode(200)
                .body("status.code", equalTo("CLOSED"))
                .body("deadlines.closedAt", notNullValue());

        List<Map<String, Object>> requests = given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/cases/" + caseId + "/closure-requests")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(requests)
                .extracting(r -> r.get("requestedBy") + ":" + r.get("decision") + ":" + r.get("decidedBy"))
                .containsExactly("head.kl:REJECTED:pwni.hq", "consul.kl:APPROVED:head.kl");
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.transition\"")
                .contains("from=RESOLVED to=CLOSED")
                .contains("\"username\":\"head.kl\""));
    }

    @Test
    void shouldWithdrawAWaitingClosureRequestWhenTheCaseGoesBackToWork() {
        String caseId = Cases.reported("consul.kl", KL);
        for (String step : PATHS.get("RESOLVED")) {
            step(caseId, step).statusCode(200);
        }
        String requestId = Cases.update("consul.kl", caseId, "/closure-requests", Map.of("reason", "settled"))
                .statusCode(201)
                .extract()
                .path("id");

        Cases.move("consul.kl", caseId, "IN_PROGRESS").statusCode(200);

        decide("head.kl", caseId, requestId, "APPROVED")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:closure-decided"));
        Cases.move("consul.kl", caseId, "RESOLVED").statusCode(200);
        Cases.update("consul.kl", caseId, "/closure-requests", Map.of("reason", "settled again"))
                .statusCode(201);
    }

    @Test
    void shouldLetOnlyTheLeadSideMoveACaseAndHideItFromOtherMissions() {
        String caseId = Cases.reported("consul.kl", KL);
        long changesBefore = changes(caseId);

        Cases.triage("consul.hk", caseId).statusCode(404).body("type", equalTo("urn:sinergi:problem:not-found"));
        Cases.triage("p2mi.officer", caseId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"))
                .body("leadAgency", equalTo("KEMLU"));
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Map.of("to", "IN_PROGRESS", "reason", "portal may not move cases"))
                .when()
                .post("/api/cases/" + caseId + "/transitions")
                .then()
                .statusCode(403);

        assertThat(changes(caseId)).isEqualTo(changesBefore);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.triage\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldHandTheLeadToKemenP2miWhichThenMovesTheCaseWhileTheMissionTakesPart() {
        String caseId = Cases.reported("consul.kl", KL);

        Cases.update(
                        "consul.kl",
                        caseId,
                        "/lead",
                        Map.of("agency", "KEMENP2MI", "reason", "worker is back home; BP3MI follows up"))
                .statusCode(200)
                .body("leadAgency", equalTo("KEMENP2MI"))
                .body("participantAgency", equalTo("KEMLU"))
                .body("missionId", equalTo(KL));

        Cases.triage("consul.kl", caseId).statusCode(403).body("type", equalTo("urn:sinergi:problem:not-lead"));
        Cases.triage("p2mi.officer", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));
        Cases.read("consul.hk", caseId).statusCode(404);
        assertThat(leadRows(caseId))
                .containsExactly(List.of("KEMLU", KL, "KEMENP2MI", KL, "worker is back home; BP3MI follows up"));
    }

    @Test
    void shouldRequireAReasonOfThreeToFiveHundredCharacters() {
        String caseId = Cases.reported("consul.kl", KL);

        Cases.update("consul.kl", caseId, "/triage", Map.of("reason", "ok"))
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        Cases.update("consul.kl", caseId, "/triage", Map.of("reason", "x".repeat(501)))
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        assertThat(changes(caseId)).isZero();
    }

    @Test
    void shouldRequireIfMatchAndRefuseAStaleVersionWith412() {
        String caseId = Cases.reported("pwni.hq", KL);
        String etag = Cases.etag("pwni.hq", caseId);
        assertThat(etag)
                .isEqualTo("\"" + Cases.read("pwni.hq", caseId).extract().path("version") + "\"");

        post(caseId, "/triage", null, Map.of("reason", "no version named"))
                .statusCode(428)
                .body("type", equalTo("urn:sinergi:problem:precondition-required"));
        post(caseId, "/triage", "\"abc\"", Map.of("reason", "not a version"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-if-match"));
        String after = post(caseId, "/triage", etag, Map.of("reason", "first call"))
                .statusCode(200)
                .extract()
                .header("ETag");
        assertThat(after).isNotEqualTo(etag);
        post(caseId, "/transitions", etag, Map.of("to", "IN_PROGRESS", "reason", "from an old read"))
                .statusCode(412)
                .body("type", equalTo("urn:sinergi:problem:stale-version"))
                .body("currentVersion", equalTo(Integer.parseInt(after.replace("\"", ""))));

        Cases.read("pwni.hq", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));
        assertThat(changes(caseId)).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyOneOfConcurrentUpdatesOfOneVersionWin() throws Exception {
        String caseId = Cases.reported("pwni.hq", KL);
        Cases.triage("pwni.hq", caseId).statusCode(200);
        String etag = Cases.etag("pwni.hq", caseId);
        int writers = 6;
        Tokens.user("pwni.hq");

        List<Integer> statuses = concurrently(writers, i -> post(
                        caseId,
                        "/transitions",
                        etag,
                        Map.of("to", "IN_PROGRESS", "reason", "taken up at the same time by writer " + i))
                .extract()
                .statusCode());

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(writers - 1);
        assertThat(changes(caseId)).isEqualTo(2);
    }

    @Test
    void shouldLoseNoUpdateWhenConcurrentWritersRetryFromAFreshRead() throws Exception {
        String caseId = Cases.reported("pwni.hq", KL);
        Cases.triage("pwni.hq", caseId).statusCode(200);
        Cases.move("pwni.hq", caseId, "IN_PROGRESS").statusCode(200);
        long versionBefore = ((Number) Cases.read("pwni.hq", caseId).extract().path("version")).longValue();
        int writers = 6;

        // Each writer flips the case between IN_PROGRESS and RESOLVED once, reading it again after a 412.
        String token = Tokens.user("pwni.hq");
        List<Integer> attempts = concurrently(writers, i -> {
            for (int attempt = 1; attempt <= 50; attempt++) {
                ExtractableResponse<Response> read = given().auth()
                        .oauth2(token)
                        .get("/api/cases/" + caseId)
                        .then()
                        .statusCode(200)
                        .extract();
                String to = "IN_PROGRESS".equals(read.path("status.code")) ? "RESOLVED" : "IN_PROGRESS";
                int status = given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .header("If-Match", read.header("ETag"))
                        .body(Map.of("to", to, "reason", "writer " + i))
                        .post("/api/cases/" + caseId + "/transitions")
                        .statusCode();
                if (status == 200) {
                    return attempt;
                }
                assertThat(status).isEqualTo(412);
            }
            return -1;
        });

        assertThat(attempts).allSatisfy(a -> assertThat(a).isPositive());
        List<List<String>> rows = changeRows(caseId);
        assertThat(rows).hasSize(2 + writers);
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get(0))
                    .as("each step starts where the one before ended: none was lost or based on a stale read")
                    .isEqualTo(rows.get(i - 1).get(1));
        }
        assertThat(((Number) Cases.read("pwni.hq", caseId).extract().path("version")).longValue())
                .isEqualTo(versionBefore + writers);
    }

    private static io.restassured.response.ValidatableResponse decide(
            String user, String caseId, String requestId, String decision) {
        return Cases.update(
                user,
                caseId,
                "/closure-requests/" + requestId + "/decision",
                Map.of("decision", decision, "reason", "reviewed the file"));
    }

    /** POSTs as pwni.hq, with the If-Match given (none when null). */
    private static io.restassured.response.ValidatableResponse post(
            String caseId, String path, String ifMatch, Map<String, ?> body) {
        var request = given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .contentType(ContentType.JSON)
                .body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/cases/" + caseId + path).then();
    }

    private static List<Integer> concurrently(int writers, java.util.function.IntFunction<Integer> writer)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                int n = i;
                results.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return writer.apply(n);
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        return results.stream().map(CompletableFuture::join).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long changes(String caseId) {
        return rows("SELECT count(*) FROM case_status_change WHERE case_id = ?::uuid", caseId, 1).stream()
                .mapToLong(r -> Long.parseLong(r.get(0)))
                .sum();
    }

    private List<List<String>> changeRows(String caseId) {
        return rows(
                "SELECT from_status, to_status, actor_username, reason FROM case_status_change WHERE case_id ="
                        + " ?::uuid ORDER BY changed_at, id",
                caseId,
                4);
    }

    private List<List<String>> priorityRows(String caseId) {
        return rows(
                "SELECT from_priority, to_priority, reason FROM case_priority_change WHERE case_id = ?::uuid",
                caseId,
                3);
    }

    private List<List<String>> leadRows(String caseId) {
        return rows(
                "SELECT from_agency, from_mission, to_agency, to_mission, reason FROM case_lead_change"
                        + " WHERE case_id = ?::uuid",
                caseId,
                5);
    }

    private List<List<String>> rows(String sql, String caseId, int columns) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, caseId);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
