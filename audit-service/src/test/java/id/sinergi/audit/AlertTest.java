package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withActor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The alert rules on sealed events and the review of alerts and samples. Each test acts as officers of its own
 * (random Keycloak subjects), and delivers a "probe" officer's triggering events last: once the probe's alert
 * exists, the scanner has passed every event delivered before it.
 */
@QuarkusTest
@AuditTestResource
class AlertTest {

    private static final String AUDITOR = "security.auditor";

    @Test
    void aReviewWhoseOutcomeIsANumberIsRefusedNotReadAsTheOutcomeInThatPosition() {
        // {"outcome": 1} was read as the second outcome, VIOLATION: a sign-off, which cannot be replaced.
        for (Object outcome : List.of(1, 0, "1")) {
            review(AUDITOR, UUID.randomUUID().toString(), Map.of("outcome", outcome, "note", "x"))
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("outcome"));
        }
    }

    @Test
    void massReadFiresAboveTwentyDistinctWorkersInTenMinutesOncePerWindow() {
        String twenty = officer();
        String spread = officer();
        String thirty = officer();
        Instant start = Instant.now().minus(40, ChronoUnit.MINUTES);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(read(twenty, UUID.randomUUID(), start.plusSeconds(i)));
        }
        for (int i = 0; i < 21; i++) {
            events.add(read(spread, UUID.randomUUID(), start.plus(i, ChronoUnit.MINUTES)));
        }
        for (int i = 0; i < 30; i++) {
            events.add(read(thirty, UUID.randomUUID(), start.plusSeconds(i)));
        }

        deliverAs("identity-service", events).statusCode(200);

        JsonPath alert = awaitAlerts(thirty, "mass-read", 1);
        assertThat(alert.getList("alerts")).hasSize(1);
        assertThat(alert.getString("alerts[0].label.en")).isEqualTo("Many workers read in a short time");
        assertThat(alert.getString("alerts[0].label.id")).isNotBlank();
        assertThat(alert.getString("alerts[0].actor.username")).isEqualTo("consul.kl");
        assertThat(alert.getString("alerts[0].actor.agency")).isEqualTo("KEMLU");
        assertThat(alert.getString("alerts[0].actor.mission")).isEqualTo("KBRI-KUALALUMPUR");
        assertThat(alert.getInt("alerts[0].measure")).isEqualTo(21);
        assertThat(alert.getList("alerts[0].triggeringEvents"))
                .hasSize(21)
                .contains(events.get(41).get("id"));
        assertThat(alert.getList("alerts[0].laterEvents")).hasSize(9);
        assertThat(alert.getString("alerts[0].status")).isEqualTo("OPEN");
        assertThat(alerts(twenty, null).getList("alerts")).isEmpty();
        assertThat(alerts(spread, null).getList("alerts")).isEmpty();
    }

    @Test
    void outOfScopeFiresOnCaseServiceOtherMissionDenialsButNotOnConsentDenials() {
        String consentDenied = officer();
        String otherMission = officer();
        UUID worker = UUID.randomUUID();
        Instant now = Instant.now().minusSeconds(30);
        deliverAs("identity-service", List.of(denied(consentDenied, "worker.placement.read", "NO_GRANT", now)))
                .statusCode(200);

        deliverAs(
                        "case-service",
                        List.of(
                                caseEvent(otherMission, "case.read", worker, "DENIED", "other-mission", now),
                                caseEvent(
                                        otherMission,
                                        "case.transition",
                                        worker,
                                        "DENIED",
                                        "other-mission to=CLOSED",
                                        now.plusSeconds(5))))
                .statusCode(200);

        JsonPath alert = awaitAlerts(otherMission, "out-of-scope", 1);
        assertThat(alert.getList("alerts")).hasSize(1);
        assertThat(alert.getString("alerts[0].workerId")).isEqualTo(worker.toString());
        assertThat(alert.getList("alerts[0].triggeringEvents")).hasSize(1);
        assertThat(alert.getList("alerts[0].laterEvents")).hasSize(1);
        assertThat(alert.getString("alerts[0].label.en")).isEqualTo("Access attempt outside the officer's mission");
        assertThat(alerts(consentDenied, null).getList("alerts")).isEmpty();
    }

    @Test
    void denialBurstFiresAtFiveDenialsInAMinuteAndNotBelow() {
        String four = officer();
        String slow = officer();
        String five = officer();
        Instant start = Instant.now().minus(10, ChronoUnit.MINUTES);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(denied(four, "worker.placement.read", "NO_GRANT", start.plusSeconds(i)));
        }
        for (int i = 0; i < 5; i++) {
            events.add(denied(slow, "worker.placement.read", "NO_GRANT", start.plusSeconds(20L * i)));
        }
        for (int i = 0; i < 7; i++) {
            events.add(denied(five, "worker.placement.read", "NO_GRANT", start.plusSeconds(i)));
        }

        deliverAs("identity-service", events).statusCode(200);

        JsonPath alert = awaitAlerts(five, "denial-burst", 1);
        assertThat(alert.getList("alerts")).hasSize(1);
        assertThat(alert.getList("alerts[0].triggeringEvents")).hasSize(5);
        assertThat(alert.getList("alerts[0].laterEvents")).hasSize(2);
        assertThat(alert.getString("alerts[0].workerId")).isNull();
        assertThat(alerts(four, null).getList("alerts")).isEmpty();
        assertThat(alerts(slow, null).getList("alerts")).isEmpty();
    }

    @Test
    void everyVitalInterestOverrideIsAnAlertOfTheOfficerEvenWhenConsentServiceRecordsItAsCaseService() {
        String refused = officer();
        String officer = officer();
        UUID worker = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        Instant now = Instant.now().minusSeconds(20);
        deliverAs(
                        "case-service",
                        List.of(caseEvent(
                                refused, "case.vital-interest.invoke", worker, "DENIED", "case-not-critical", now)))
                .statusCode(200);
        Map<String, Object> consent = withActor(
                with(
                        with(
                                caseEvent(officer, "consent.vital-interest.invoke", worker, "SUCCESS", null, now),
                                "reason",
                                "case=" + caseId + " category=TRAFFICKING officer=" + officer
                                        + " mission=KBRI-KUALALUMPUR expires=2026-12-06T00:00:00Z"),
                        "service",
                        "consent-service"),
                "subject",
                UUID.randomUUID().toString());
        deliverAs("consent-service", List.of(withActor(consent, "username", "service-account-case-service")))
                .statusCode(200);

        deliverAs(
                        "case-service",
                        List.of(caseEvent(
                                officer,
                                "case.vital-interest.invoke",
                                worker,
                                "SUCCESS",
                                "authorisation=x",
                                now.plusSeconds(1))))
                .statusCode(200);

        JsonPath alert = awaitNamedEvents(officer, "vital-interest", 2);
        assertThat(alert.getList("alerts")).hasSize(1);
        // consent-service's event came first and names the officer's subject and mission only.
        assertThat(alert.getString("alerts[0].actor.mission")).isEqualTo("KBRI-KUALALUMPUR");
        assertThat(alert.getString("alerts[0].workerId")).isEqualTo(worker.toString());
        List<Object> named = new ArrayList<>(alert.getList("alerts[0].triggeringEvents"));
        named.addAll(alert.getList("alerts[0].laterEvents"));
        assertThat(named).hasSize(2).contains(consent.get("id"));
        assertThat(alerts(refused, "vital-interest").getList("alerts")).isEmpty();
    }

    @Test
    void anAlertIsReviewedOnceAndTheSignOffIsAnEventOfTheLog() {
        String officer = officer();
        deliverAs(
                        "case-service",
                        List.of(caseEvent(
                                officer, "case.read", UUID.randomUUID(), "DENIED", "other-mission", Instant.now())))
                .statusCode(200);
        String id = awaitAlerts(officer, "out-of-scope", 1).getString("alerts[0].id");

        review(AUDITOR, id, Map.of("outcome", "VIOLATION", "note", "Officer asked about a case of KJRI Hong Kong"))
                .statusCode(200)
                .body("status", equalTo("REVIEWED"))
                .body("review.outcome", equalTo("VIOLATION"))
                .body("review.reviewerUsername", equalTo(AUDITOR));

        review(AUDITOR, id, Map.of("outcome", "JUSTIFIED", "note", "second try"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:already-reviewed"));
        given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .get("/api/audit-alerts/" + id)
                .then()
                .statusCode(200)
                .body("review.outcome", equalTo("VIOLATION"));
        assertThat(alerts(officer, null, "REVIEWED").getList("alerts")).hasSize(1);
        assertThat(alerts(officer, null, "OPEN").getList("alerts")).isEmpty();
        List<Map<String, Object>> logged = AuditEvents.query(
                        Map.of("action", "audit.alert.reviewed", "service", "audit-service", "limit", 500))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("events.findAll { it.resourceId == '" + id + "' }");
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).get("reason").toString()).contains("outcome=VIOLATION");
    }

    @Test
    void aSampleOfSealedEventsIsDrawnIntoATaskSignedOffTheSameWay() {
        String action = "worker.sample-" + UUID.randomUUID().toString().substring(0, 8) + ".read";
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(event(UUID.randomUUID(), action));
        }
        deliverAs("identity-service", events).statusCode(200);

        JsonPath task = awaitSample(Map.of("size", 2, "service", "identity-service", "action", action));

        assertThat(task.getString("rule")).isEqualTo("sample");
        assertThat(task.getString("status")).isEqualTo("OPEN");
        assertThat(task.getList("triggeringEvents"))
                .hasSize(2)
                .isSubsetOf(events.stream().map(e -> e.get("id")).toList());
        assertThat(task.getString("requestedBy")).isNotBlank();
        review(AUDITOR, task.getString("id"), Map.of("outcome", "JUSTIFIED", "note", "Reads fit open cases"))
                .statusCode(200)
                .body("status", equalTo("REVIEWED"));
        review(AUDITOR, task.getString("id"), Map.of("outcome", "JUSTIFIED", "note", "again"))
                .statusCode(409);
    }

    @Test
    void onlySecurityAuditorsSeeAndReviewAlerts() {
        String id = UUID.randomUUID().toString();

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/audit-alerts")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.user("platform.admin"))
                .get("/api/audit-alerts/" + id)
                .then()
                .statusCode(403);
        review("pwni.hq", id, Map.of("outcome", "JUSTIFIED", "note", "x")).statusCode(403);
        sample("consul.kl", Map.of("size", 1)).statusCode(403);
        given().get("/api/audit-alerts").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .get("/api/audit-alerts/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void badInputIsA400NamingTheField() {
        String id = UUID.randomUUID().toString();

        review(AUDITOR, id, Map.of("outcome", "MAYBE", "note", "x"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome"));
        review(AUDITOR, id, Map.of("outcome", "JUSTIFIED")).statusCode(400).body("errors[0].field", equalTo("note"));
        review(AUDITOR, id, Map.of("outcome", "JUSTIFIED", "note", " "))
                .statusCode(400)
                .body("errors[0].field", equalTo("note"));
        review(AUDITOR, id, Map.of("outcome", "JUSTIFIED", "note", "the worker with NIK 9999091501900001 agreed"))
                .statusCode(400)
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", containsString("NIK"));
        sample(AUDITOR, Map.of("size", 0)).statusCode(400).body("errors[0].field", equalTo("size"));
        sample(AUDITOR, Map.of("size", 101)).statusCode(400).body("errors[0].field", equalTo("size"));
        sample(AUDITOR, Map.of("service", "identity-service")).statusCode(400).body("errors[0].field", equalTo("size"));
        sample(AUDITOR, Map.of("size", 1, "outcome", "MAYBE"))
                .statusCode(400)
                .body("errors[0].field", equalTo("outcome"));
        sample(AUDITOR, Map.of("size", 1, "from", "2026-12-02T00:00:00Z", "to", "2026-12-01T00:00:00Z"))
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        list(Map.of("status", "CLOSED")).statusCode(400).body("errors[0].field", equalTo("status"));
        list(Map.of("rule", "everything")).statusCode(400).body("errors[0].field", equalTo("rule"));
        list(Map.of("limit", 0)).statusCode(400).body("errors[0].field", equalTo("limit"));
        list(Map.of("after", -1)).statusCode(400).body("errors[0].field", equalTo("after"));
        given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .get("/api/audit-alerts/not-a-uuid")
                .then()
                .statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:sinergi:problem:http-404"));
    }

    @Test
    void pagesFollowTheCursorAndTheOpenAlertsAreAGaugePerRule() {
        String officer = officer();
        Instant start = Instant.now().minus(60, ChronoUnit.MINUTES);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            events.add(caseEvent(
                    officer, "case.read", UUID.randomUUID(), "DENIED", "other-mission", start.plusSeconds(i * 1000L)));
        }
        deliverAs("case-service", events).statusCode(200);
        awaitAlerts(officer, "out-of-scope", 3);

        JsonPath first = list(Map.of("actor", officer, "limit", 2))
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath second = list(Map.of("actor", officer, "limit", 2, "after", first.getLong("next")))
                .statusCode(200)
                .body("alerts", hasSize(1))
                .extract()
                .jsonPath();

        assertThat(first.getList("alerts")).hasSize(2);
        assertThat(second.getString("next")).isNull();
        String metrics =
                given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("sinergi_audit_alerts_open{rule=\"out-of-scope\"}")
                .contains("sinergi_audit_alerts_open{rule=\"sample\"}");
        double open = metrics.lines()
                .filter(l -> l.startsWith("sinergi_audit_alerts_open{rule=\"out-of-scope\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
        assertThat(open).isGreaterThanOrEqualTo(3);
    }

    private static String officer() {
        return UUID.randomUUID().toString();
    }

    private static Map<String, Object> read(String officer, UUID worker, Instant at) {
        return withActor(with(event(worker, "worker.read"), "occurredAt", at.toString()), "subject", officer);
    }

    private static Map<String, Object> denied(String officer, String action, String reason, Instant at) {
        Map<String, Object> e = with(event(UUID.randomUUID(), action), "outcome", "DENIED");
        return withActor(with(with(e, "reason", reason), "occurredAt", at.toString()), "subject", officer);
    }

    private static Map<String, Object> caseEvent(
            String officer, String action, UUID worker, String outcome, String reason, Instant at) {
        Map<String, Object> e = with(with(event(worker, action), "service", "case-service"), "outcome", outcome);
        e = with(with(with(e, "reason", reason), "occurredAt", at.toString()), "resourceType", "case");
        return withActor(with(e, "resourceId", UUID.randomUUID().toString()), "subject", officer);
    }

    private static ValidatableResponse list(Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .queryParams(params)
                .get("/api/audit-alerts")
                .then();
    }

    private static JsonPath alerts(String actor, String rule) {
        return alerts(actor, rule, null);
    }

    private static JsonPath alerts(String actor, String rule, String status) {
        var request = given().auth().oauth2(Tokens.user(AUDITOR)).queryParam("actor", actor);
        if (rule != null) {
            request.queryParam("rule", rule);
        }
        if (status != null) {
            request.queryParam("status", status);
        }
        return request.get("/api/audit-alerts").then().statusCode(200).extract().jsonPath();
    }

    /** The officer's alerts of the rule once there are at least {@code count}. */
    private static JsonPath awaitAlerts(String actor, String rule, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath page = alerts(actor, rule);
            if (page.getList("alerts").size() >= count) {
                return page;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + count + " " + rule + " alert(s) for " + actor + " in 30 s");
            }
            pause();
        }
    }

    /** The officer's alerts of the rule once the first names at least {@code count} events. */
    private static JsonPath awaitNamedEvents(String actor, String rule, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath page = awaitAlerts(actor, rule, 1);
            int named = page.getList("alerts[0].triggeringEvents").size()
                    + page.getList("alerts[0].laterEvents").size();
            if (named >= count) {
                return page;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the " + rule + " alert of " + actor + " named " + named + " events in 30 s");
            }
            pause();
        }
    }

    /** Draws the sample once its events are sealed. */
    private static JsonPath awaitSample(Map<String, Object> body) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var response = sample(AUDITOR, body).extract();
            if (response.statusCode() == 201) {
                assertThat(response.header("Location")).endsWith("/api/audit-alerts/" + response.path("id"));
                return response.jsonPath();
            }
            assertThat(response.statusCode()).isEqualTo(409);
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the sample's events were not sealed in 30 s");
            }
            pause();
        }
    }

    private static ValidatableResponse review(String user, String id, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/audit-alerts/" + id + "/review")
                .then();
    }

    private static ValidatableResponse sample(String user, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/audit-reviews/samples")
                .then();
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
