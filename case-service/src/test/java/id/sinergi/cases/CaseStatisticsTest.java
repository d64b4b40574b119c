package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
 * GET /api/case-statistics with real tokens. Other test classes leave cases in the same database, so each test
 * compares the counts before and after the cases it reports.
 */
@QuarkusTest
@CaseTestResource
class CaseStatisticsTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String HK = "KJRI-HONGKONG";

    @Inject
    DataSource dataSource;

    private static JsonPath statistics(String user) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/case-statistics")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * The {@code member} ({@code openCases} or {@code overdue}) of the group {@code code} of {@code list}; 0 if
     * absent.
     */
    private static long count(JsonPath stats, String list, String code, String member) {
        List<Map<String, Object>> groups = stats.getList(list);
        return groups.stream()
                .filter(g -> code.equals(g.get("code")))
                .mapToLong(g -> ((Number) g.get(member)).longValue())
                .sum();
    }

    private static long open(JsonPath stats, String list, String code) {
        return count(stats, list, code, "openCases");
    }

    private static long overdue(JsonPath stats, String list, String code) {
        return count(stats, list, code, "overdue");
    }

    @Test
    void shouldCountOutcomesPerMonthKindAndCurrencyWithinTheCallersScope() {
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        JsonPath klBefore = statistics("consul.kl");
        JsonPath hkBefore = statistics("consul.hk");
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        Map<String, Object> wages = new java.util.HashMap<>();
        wages.put("kind", "WAGES_RECOVERED");
        wages.put("amount", new java.math.BigDecimal("1500.50"));
        wages.put("currency", "MYR");
        Cases.update("consul.kl", caseId, "/outcomes", wages).statusCode(201);
        Cases.update("consul.kl", caseId, "/outcomes", wages).statusCode(201);

        JsonPath kl = statistics("consul.kl");
        JsonPath hk = statistics("consul.hk");

        assertThat(outcomes(kl, month, "count") - outcomes(klBefore, month, "count"))
                .isEqualTo(2);
        assertThat(new java.math.BigDecimal(
                                Double.toString(outcomes(kl, month, "amount") - outcomes(klBefore, month, "amount")))
                        .setScale(2, java.math.RoundingMode.HALF_UP))
                .isEqualByComparingTo("3001.00");
        assertThat(outcomes(hk, month, "count")).isEqualTo(outcomes(hkBefore, month, "count"));
    }

    /** The count or amount of this month's recovered wages in MYR; 0 when none. */
    private static double outcomes(JsonPath stats, String month, String member) {
        List<Map<String, Object>> rows = stats.getList("outcomesPerMonth");
        return rows.stream()
                .filter(r -> month.equals(r.get("month"))
                        && "WAGES_RECOVERED".equals(r.get("kind"))
                        && "MYR".equals(r.get("currency")))
                .mapToDouble(r -> ((Number) r.get(member)).doubleValue())
                .sum();
    }

    @Test
    void shouldCountTheOpenCasesReportedByEveryGroupingWithinTheCallersScope() {
        JsonPath hkBefore = statistics("consul.hk");
        JsonPath klBefore = statistics("consul.kl");
        JsonPath hqBefore = statistics("pwni.hq");
        String tenDaysOld = Cases.reported("consul.hk", HK);
        CaseTimes.shiftBack(dataSource, tenDaysOld, Duration.ofDays(10));
        Cases.reported("consul.hk", HK);
        Cases.reported("consul.hk", HK, "MENINGGAL_DUNIA");
        Cases.reported("consul.kl", KL);

        JsonPath hk = statistics("consul.hk");
        JsonPath kl = statistics("consul.kl");
        JsonPath hq = statistics("pwni.hq");

        assertThat(hk.getLong("openCases") - hkBefore.getLong("openCases")).isEqualTo(3);
        assertThat(open(hk, "byCategory", "GAJI_TIDAK_DIBAYAR") - open(hkBefore, "byCategory", "GAJI_TIDAK_DIBAYAR"))
                .isEqualTo(2);
        assertThat(open(hk, "byCategory", "MENINGGAL_DUNIA") - open(hkBefore, "byCategory", "MENINGGAL_DUNIA"))
                .isEqualTo(1);
        assertThat(open(hk, "byMission", HK) - open(hkBefore, "byMission", HK)).isEqualTo(3);
        assertThat(open(hk, "byCountry", "HK") - open(hkBefore, "byCountry", "HK"))
                .isEqualTo(3);
        assertThat(open(hk, "byPhase", "ABROAD") - open(hkBefore, "byPhase", "ABROAD"))
                .isEqualTo(3);
        assertThat(open(hk, "byPriority", "HIGH") - open(hkBefore, "byPriority", "HIGH"))
                .isEqualTo(2);
        assertThat(open(hk, "byPriority", "CRITICAL") - open(hkBefore, "byPriority", "CRITICAL"))
                .isEqualTo(1);
        assertThat(open(hk, "byAge", "UNDER_7_DAYS") - open(hkBefore, "byAge", "UNDER_7_DAYS"))
                .isEqualTo(2);
        assertThat(open(hk, "byAge", "DAYS_7_TO_30") - open(hkBefore, "byAge", "DAYS_7_TO_30"))
                .isEqualTo(1);
        assertThat(open(hk, "byMission", KL)).isZero();
        assertThat(open(hk, "byCountry", "MY")).isZero();
        assertThat(kl.getLong("openCases") - klBefore.getLong("openCases")).isEqualTo(1);
        assertThat(open(kl, "byMission", HK)).isZero();
        assertThat(hq.getLong("openCases") - hqBefore.getLong("openCases")).isEqualTo(4);
        assertThat(open(hq, "byMission", KL) - open(hqBefore, "byMission", KL)).isEqualTo(1);
        assertThat(hk.getList("byPhase", Map.class))
                .extracting(g -> g.get("code"))
                .containsExactly("BEFORE_DEPARTURE", "ABROAD", "AFTER_RETURN");
        assertThat(hk.getList("byAge", Map.class))
                .extracting(g -> g.get("termId"))
                .containsExactly("Kurang dari 7 hari", "7 sampai 30 hari", "30 sampai 90 hari", "Lebih dari 90 hari");
    }

    @Test
    void shouldCountDeadlineBreachesOverallAndPerGroup() {
        JsonPath before = statistics("consul.hk");
        String unanswered = Cases.reported("consul.hk", HK);
        CaseTimes.shiftBack(dataSource, unanswered, Duration.ofHours(30));
        String answeredLate = Cases.reported("consul.hk", HK);
        CaseTimes.shiftBack(dataSource, answeredLate, Duration.ofHours(30));
        Cases.triage("consul.hk", answeredLate).statusCode(200);
        String unresolved = Cases.reported("consul.hk", HK);
        Cases.triage("consul.hk", unresolved).statusCode(200);
        CaseTimes.shiftBack(dataSource, unresolved, Duration.ofDays(40));

        JsonPath after = statistics("consul.hk");

        assertThat(delta(before, after, "breaches.firstResponseOverdue")).isEqualTo(1);
        assertThat(delta(before, after, "breaches.firstResponseMetLate")).isEqualTo(1);
        assertThat(delta(before, after, "breaches.resolutionOverdue")).isEqualTo(1);
        assertThat(delta(before, after, "breaches.resolutionMetLate")).isZero();
        assertThat(delta(before, after, "breaches.casesOverdue")).isEqualTo(2);
        assertThat(overdue(after, "byMission", HK) - overdue(before, "byMission", HK))
                .isEqualTo(2);
        assertThat(overdue(after, "byAge", "DAYS_30_TO_90") - overdue(before, "byAge", "DAYS_30_TO_90"))
                .isEqualTo(1);
        assertThat(overdue(after, "byAge", "UNDER_7_DAYS") - overdue(before, "byAge", "UNDER_7_DAYS"))
                .isEqualTo(1);
    }

    private static long delta(JsonPath before, JsonPath after, String path) {
        return after.getLong(path) - before.getLong(path);
    }

    @Test
    void shouldAuditEachReadOnceWithoutNamingAWorkerAndAnswerCountsOnly() {
        String marker = "\"username\":\"p2mi.officer\"";
        long before = statisticsEvents(marker).size();

        String body = given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/case-statistics")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        List<String> events = statisticsEvents(marker);
        assertThat(events).hasSize((int) before + 1);
        assertThat(events.get(events.size() - 1))
                .contains("\"reason\":\"scope=KEMENP2MI open=")
                .doesNotContain("workerId");
        assertThat(body)
                .doesNotContain("workerId")
                .doesNotContain("description")
                .doesNotContain("reporter");
    }

    private List<String> statisticsEvents(String marker) {
        return AuditOutboxProbe.payloadsMentioning(dataSource, "\"action\":\"case.statistics\"").stream()
                .filter(p -> p.contains(marker))
                .toList();
    }

    @Test
    void shouldRefuseCallersWithoutACaseRole() {
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/case-statistics")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .when()
                .get("/api/case-statistics")
                .then()
                .statusCode(403);
        given().when().get("/api/case-statistics").then().statusCode(401);
    }
}
