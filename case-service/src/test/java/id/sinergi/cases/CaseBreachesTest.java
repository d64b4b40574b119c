package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import id.sinergi.cases.service.EscalationJob;
import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * GET /api/cases/breaches with real tokens, on cases whose times were moved into the past. Cases reported by
 * {@link Cases} are of priority HIGH: first response within 24 hours, resolution within 30 days.
 */
@QuarkusTest
@CaseTestResource
class CaseBreachesTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String HK = "KJRI-HONGKONG";

    @Inject
    DataSource dataSource;

    @Inject
    EscalationJob job;

    private static JsonPath breaches(String user, Map<String, ?> query) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParams(query)
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> caseIds(String user, Map<String, ?> query) {
        return breaches(user, query).getList("breaches.caseId", String.class);
    }

    /** The entry of the case (and deadline) in the list as {@code user} sees it with {@code query}. */
    private static Map<String, Object> entry(String user, Map<String, ?> query, String caseId, String deadline) {
        List<Map<String, Object>> all = breaches(user, query).getList("breaches");
        return all.stream()
                .filter(e -> caseId.equals(e.get("caseId")))
                .filter(e -> deadline.equals(((Map<?, ?>) e.get("deadline")).get("code")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + deadline + " entry for " + caseId));
    }

    private String overdue(String user, String mission, Duration ago) {
        String caseId = Cases.reported(user, mission);
        CaseTimes.shiftBack(dataSource, caseId, ago);
        return caseId;
    }

    @Test
    void shouldListOnlyTheBreachesOfCasesInTheCallersScopeAndAuditEachCaseListed() {
        String kl = overdue("consul.kl", KL, Duration.ofHours(30));
        String hk = overdue("consul.hk", HK, Duration.ofHours(30));
        Map<String, Object> all = Map.of("limit", 200);

        List<String> forKl = caseIds("consul.kl", all);
        List<String> forHk = caseIds("consul.hk", all);
        List<String> forHq = caseIds("pwni.hq", all);
        List<String> forP2mi = caseIds("p2mi.officer", all);
        List<String> hkAskingForKl = caseIds("consul.hk", Map.of("missionId", KL));

        assertThat(forKl).contains(kl).doesNotContain(hk);
        assertThat(forHk).contains(hk).doesNotContain(kl);
        assertThat(forHq).contains(kl, hk);
        assertThat(forP2mi).contains(kl, hk);
        assertThat(hkAskingForKl).isEmpty();
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, kl))
                .filteredOn(p -> p.contains("\"reason\":\"list=breaches\""))
                .allSatisfy(p -> assertThat(p).contains("\"action\":\"case.list\""))
                .anySatisfy(p -> assertThat(p).contains("\"username\":\"consul.kl\""))
                .anySatisfy(p -> assertThat(p).contains("\"username\":\"pwni.hq\""))
                .noneSatisfy(p -> assertThat(p).contains("\"username\":\"consul.hk\""));
        assertThat(AuditOutboxProbe.payloadsMentioning(
                        dataSource, "\"reason\":\"out-of-scope mission=" + KL + " list=breaches\""))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.list\"")
                        .contains("\"outcome\":\"DENIED\"")
                        .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldPutTheMostOverdueFirstWithDueTimeLatenessAndEscalation() {
        String recent = overdue("consul.kl", KL, Duration.ofHours(30));
        String old = overdue("consul.kl", KL, Duration.ofHours(100));
        Map<String, Object> query = Map.of("limit", 200, "deadline", "FIRST_RESPONSE");

        List<String> listed = caseIds("consul.kl", query);
        Map<String, Object> before = entry("consul.kl", query, old, "FIRST_RESPONSE");
        job.escalate().await().indefinitely();
        Map<String, Object> after = entry("consul.kl", query, old, "FIRST_RESPONSE");

        assertThat(listed.indexOf(old)).isNotNegative().isLessThan(listed.indexOf(recent));
        assertThat(before)
                .containsEntry("missionId", KL)
                .containsEntry("leadAgency", "KEMLU")
                .containsKey("dueAt")
                .doesNotContainKey("metAt");
        assertThat(((Map<?, ?>) before.get("deadlineStatus")).get("code")).isEqualTo("RED");
        assertThat(((Map<?, ?>) before.get("priority")).get("code")).isEqualTo("HIGH");
        assertThat(((Number) before.get("lateSeconds")).longValue())
                .isGreaterThanOrEqualTo(Duration.ofHours(76).toSeconds())
                .isLessThan(Duration.ofHours(77).toSeconds());
        assertThat((String) before.get("lateBy")).startsWith("PT76H");
        assertThat(((Map<?, ?>) before.get("escalation")).get("level")).isEqualTo(0);
        assertThat(((Map<?, ?>) after.get("escalation")).get("level")).isEqualTo(2);
        assertThat(((Map<?, ?>) after.get("escalation")).get("termId"))
                .isEqualTo("Direktorat Pelindungan WNI (PWNI) Kemlu");
    }

    @Test
    void shouldPageTheListInItsOrder() {
        overdue("consul.kl", KL, Duration.ofHours(40));
        overdue("consul.kl", KL, Duration.ofHours(45));
        List<String> whole = caseIds("consul.kl", Map.of("limit", 200));

        JsonPath first = breaches("consul.kl", Map.of("limit", 1));
        JsonPath second = breaches("consul.kl", Map.of("limit", 1, "offset", 1));

        assertThat(first.getList("breaches.caseId", String.class)).containsExactly(whole.get(0));
        assertThat(first.getBoolean("more")).isTrue();
        assertThat(first.getInt("limit")).isEqualTo(1);
        assertThat(second.getList("breaches.caseId", String.class)).containsExactly(whole.get(1));
        assertThat(second.getInt("offset")).isEqualTo(1);
    }

    @Test
    void shouldListDeadlinesMetLateOnlyWhenAskedAndOnlyOfOpenCases() {
        String respondedLate = overdue("consul.kl", KL, Duration.ofHours(30));
        Cases.triage("consul.kl", respondedLate).statusCode(200);
        String resolvedLate = resolvedLate();
        String closedLate = resolvedLate();
        close(closedLate);
        Map<String, Object> metLate = Map.of("limit", 200, "status", "MET_LATE");

        List<String> overdueOnly = caseIds("consul.kl", Map.of("limit", 200));
        List<String> late = caseIds("consul.kl", metLate);
        List<String> lateResolutions =
                caseIds("consul.kl", Map.of("limit", 200, "status", "MET_LATE", "deadline", "RESOLUTION"));
        Map<String, Object> response = entry("consul.kl", metLate, respondedLate, "FIRST_RESPONSE");

        assertThat(overdueOnly).doesNotContain(respondedLate, resolvedLate, closedLate);
        assertThat(late).contains(respondedLate, resolvedLate).doesNotContain(closedLate);
        assertThat(lateResolutions).contains(resolvedLate).doesNotContain(respondedLate, closedLate);
        assertThat(((Map<?, ?>) response.get("deadlineStatus")).get("code")).isEqualTo("MET_LATE");
        assertThat(response).containsKey("metAt");
        assertThat(((Number) response.get("lateSeconds")).longValue())
                .isGreaterThanOrEqualTo(Duration.ofHours(6).toSeconds());
    }

    /** A case of KL triaged in time and resolved a day after its resolution was due. */
    private String resolvedLate() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        Cases.move("consul.kl", caseId, "IN_PROGRESS").statusCode(200);
        CaseTimes.shiftBack(dataSource, caseId, Duration.ofDays(31));
        Cases.move("consul.kl", caseId, "RESOLVED").statusCode(200);
        return caseId;
    }

    /** Closes a resolved case of KL: consul.kl asks, head.kl approves. */
    private void close(String caseId) {
        String requestId = Cases.update("consul.kl", caseId, "/closure-requests", Map.of("reason", "worker paid"))
                .statusCode(201)
                .extract()
                .path("id");
        Cases.update(
                        "head.kl",
                        caseId,
                        "/closure-requests/" + requestId + "/decision",
                        Map.of("decision", "APPROVED", "reason", "wages recovered"))
                .statusCode(200)
                .body("status.code", equalTo("CLOSED"));
    }

    @Test
    void shouldRefuseBadParametersNamingThemAndCallersWithoutACaseRole() {
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("status", "GREEN")
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("deadline", "SOON")
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("deadline"));
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("limit", 0)
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("limit"));
        for (Map.Entry<String, String> bad :
                Map.of("limit", "abc", "offset", "x").entrySet()) {
            given().auth()
                    .oauth2(Tokens.user("pwni.hq"))
                    .queryParam(bad.getKey(), bad.getValue())
                    .when()
                    .get("/api/cases/breaches")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                    .body("errors[0].field", equalTo(bad.getKey()));
        }
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("missionId", "KBRI-ATLANTIS")
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-mission"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(403);
        given().when().get("/api/cases/breaches").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .queryParam("missionId", HK)
                .when()
                .get("/api/cases/breaches")
                .then()
                .statusCode(200)
                .body("breaches", hasSize(0));
    }
}
