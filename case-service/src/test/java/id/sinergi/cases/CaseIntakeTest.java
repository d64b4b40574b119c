package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Intake: the Idempotency-Key, proxies, the phase's lead agency, the category's priority and the channels. */
@QuarkusTest
@CaseTestResource
class CaseIntakeTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Test
    void shouldMakeOneCaseOfAReportSentTwiceWithOneKey() {
        Map<String, Object> body = Cases.byWorkerId(Workers.register().id(), KL);
        String key = UUID.randomUUID().toString();

        ExtractableResponse<Response> first =
                withKey("consul.kl", key, body).statusCode(201).extract();
        ExtractableResponse<Response> again =
                withKey("consul.kl", key, body).statusCode(201).extract();

        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat((String) again.path("id")).isEqualTo(first.path("id"));
        assertThat((String) again.path("reference")).isEqualTo(first.path("reference"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(casesOf((String) body.get("workerId"))).isEqualTo(1);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, first.path("id")))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.report.replay\"")
                        .contains("\"outcome\":\"SUCCESS\""));
    }

    @Test
    void shouldRefuseANikInTheDescriptionAndABlankProxyAndStoreNothing() {
        String worker = Workers.register().id();
        Map<String, Object> withNik = Cases.byWorkerId(worker, KL);
        withNik.put("description", "Majikan menahan paspor; NIK 9999 0117 0845 0001.");
        Map<String, Object> blankProxy = Cases.byWorkerId(worker, KL);
        blankProxy.put("channel", "FAMILY");
        blankProxy.put("reporter", Map.of("relation", "FAMILY", "name", "  ", "relationship", " "));

        Cases.report(Tokens.user("consul.kl"), withNik).statusCode(400).body("errors[0].field", equalTo("description"));
        Cases.report(Tokens.user("consul.kl"), blankProxy)
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("reporter")));

        assertThat(casesOf(worker)).isZero();
    }

    @Test
    void shouldRefuseOneKeyWithAnotherReportAndStoreNothing() {
        String worker = Workers.register().id();
        Map<String, Object> body = Cases.byWorkerId(worker, KL);
        String key = UUID.randomUUID().toString();
        withKey("consul.kl", key, body).statusCode(201);
        Map<String, Object> other = new HashMap<>(body);
        other.put("description", "Another story altogether.");

        withKey("consul.kl", key, other)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:idempotency-key-reused"));

        assertThat(casesOf(worker)).isEqualTo(1);
    }

    @Test
    void shouldKeepTheKeysOfDifferentCallersApart() {
        String worker = Workers.register().id();
        String key = UUID.randomUUID().toString();

        String byKl = withKey("consul.kl", key, Cases.byWorkerId(worker, KL))
                .statusCode(201)
                .extract()
                .path("id");
        String byHq = withKey("pwni.hq", key, Cases.byWorkerId(worker, KL))
                .statusCode(201)
                .extract()
                .path("id");

        assertThat(byHq).isNotEqualTo(byKl);
        assertThat(casesOf(worker)).isEqualTo(2);
    }

    @Test
    void shouldMakeOneCaseOfOneKeySentConcurrently() throws Exception {
        Map<String, Object> body = Cases.byWorkerId(Workers.register().id(), KL);
        String key = UUID.randomUUID().toString();
        String token = Tokens.user("consul.kl");
        int senders = 5;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> ids = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                ids.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return given().auth()
                                    .oauth2(token)
                                    .header("Idempotency-Key", key)
                                    .contentType(ContentType.JSON)
                                    .body(body)
                                    .post("/api/cases")
                                    .then()
                                    .statusCode(201)
                                    .extract()
                                    .<String>path("id");
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(ids.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(ids.stream().map(CompletableFuture::join).distinct()).hasSize(1);
        assertThat(casesOf((String) body.get("workerId"))).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMalformedKey() {
        Map<String, Object> body = Cases.byWorkerId(Workers.register().id(), KL);

        withKey("consul.kl", "x".repeat(129), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-idempotency-key"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        withKey("consul.kl", "two words", body).statusCode(400);
        withKey("consul.kl", "", body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-idempotency-key"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        withKey("consul.kl", "tab\there", body).statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .header("Idempotency-Key", "key-one")
                .header("Idempotency-Key", "key-two")
                .body(body)
                .when()
                .post("/api/cases")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-idempotency-key"))
                .body("errors[0].message", equalTo("must be sent once"));

        assertThat(casesOf((String) body.get("workerId"))).isZero();
    }

    @Test
    void shouldRecordAFamilyMemberReportingForTheWorker() {
        Map<String, Object> body = Cases.byWorkerId(Workers.register().id(), KL);
        body.put("channel", "FAMILY");
        body.put(
                "reporter",
                Map.of(
                        "relation",
                        "FAMILY",
                        "name",
                        "Siti Aminah",
                        "relationship",
                        "ibu (mother)",
                        "contact",
                        "+62 812 0000 0000"));

        String caseId = Cases.report(Tokens.user("p2mi.officer"), body)
                .statusCode(201)
                .body("reporter.relation", equalTo("FAMILY"))
                .body("reporter.name", equalTo("Siti Aminah"))
                .body("reporter.relationship", equalTo("ibu (mother)"))
                .extract()
                .path("id");

        assertThat(column(
                        "SELECT reporter_relation || '/' || reporter_name FROM protection_case WHERE id = ?::uuid",
                        caseId))
                .isEqualTo("FAMILY/Siti Aminah");
    }

    @Test
    void shouldRefuseAProxyReportWithoutTheProxyAndAWorkerReportNamingOne() {
        String worker = Workers.register().id();
        Map<String, Object> family = Cases.byWorkerId(worker, KL);
        family.put("channel", "FAMILY");
        Map<String, Object> unnamed = Cases.byWorkerId(worker, KL);
        unnamed.put("reporter", Map.of("relation", "OTHER_PROXY"));
        Map<String, Object> workerNamed = Cases.byWorkerId(worker, KL);
        workerNamed.put("reporter", Map.of("relation", "WORKER", "name", "Someone"));

        Cases.report(Tokens.user("consul.kl"), family)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:proxy-required"));
        Cases.report(Tokens.user("consul.kl"), unnamed)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:proxy-unnamed"))
                .body("errors[0].field", equalTo("reporter"));
        Cases.report(Tokens.user("consul.kl"), workerNamed)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:worker-is-reporter"));

        assertThat(casesOf(worker)).isZero();
    }

    @Test
    void shouldLetKemenP2miLeadACaseBeforeDepartureNumberedAsItsOwn() {
        Map<String, Object> body = Cases.byWorkerId(Workers.register().id(), null);
        body.remove("missionId");
        body.put("phase", "BEFORE_DEPARTURE");
        body.put("channel", "CRISIS_CENTER");
        body.put("categoryCode", "GAGAL_BERANGKAT");

        String caseId = Cases.report(Tokens.user("p2mi.officer"), body)
                .statusCode(201)
                .body("reference", matchesPattern("KEMENP2MI/" + Year.now(ZoneOffset.UTC) + "/\\d{6}"))
                .body("leadAgency", equalTo("KEMENP2MI"))
                .body("participantAgency", equalTo("KEMLU"))
                .body("missionId", nullValue())
                .body("routedTo.code", equalTo("HOME_PROTECTION"))
                .extract()
                .path("id");

        Cases.read("p2mi.officer", caseId).statusCode(200);
        Cases.read("pwni.hq", caseId).statusCode(200);
        Cases.read("consul.kl", caseId).statusCode(404);
        Cases.triage("p2mi.officer", caseId).statusCode(200);
    }

    @Test
    void shouldRequireTheMissionOfACaseAbroad() {
        String worker = Workers.register().id();
        Map<String, Object> body = Cases.byWorkerId(worker, KL);
        body.remove("missionId");

        Cases.report(Tokens.user("pwni.hq"), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:mission-required"))
                .body("errors[0].field", equalTo("missionId"));
        Map<String, Object> noPhase = Cases.byWorkerId(worker, KL);
        noPhase.remove("phase");
        Cases.report(Tokens.user("pwni.hq"), noPhase).statusCode(400).body("errors[0].field", equalTo("phase"));

        assertThat(casesOf(worker)).isZero();
    }

    @Test
    void shouldMakeViolenceCriticalWithItsDeadlinesByDefault() {
        Map<String, Object> body = Cases.byWorkerId(Workers.register().id(), KL);
        body.put("categoryCode", "KEKERASAN_MAJIKAN");

        ExtractableResponse<Response> reported =
                Cases.report(Tokens.user("consul.kl"), body).statusCode(201).extract();

        assertThat((String) reported.path("priority.code")).isEqualTo("CRITICAL");
        Instant at = Instant.parse(reported.path("reportedAt"));
        assertThat(Instant.parse(reported.path("deadlines.firstResponseDue"))).isEqualTo(at.plus(Duration.ofHours(4)));
        assertThat(Instant.parse(reported.path("deadlines.resolutionDue"))).isEqualTo(at.plus(Duration.ofDays(7)));
    }

    @Test
    void shouldServeEveryCriticalCategoryOfTheIssueAsCriticalByDefault() {
        List<Map<String, Object>> categories = given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/reference/case-categories")
                .then()
                .statusCode(200)
                .extract()
                .path("");

        assertThat(categories)
                .filteredOn(c -> List.of(
                                "MENINGGAL_DUNIA",
                                "PERDAGANGAN_ORANG",
                                "KEKERASAN_MAJIKAN",
                                "PELECEHAN_SEKSUAL",
                                "DITAHAN",
                                "EVAKUASI")
                        .contains(c.get("code")))
                .hasSize(6)
                .allSatisfy(c -> assertThat(c.get("defaultPriority")).isEqualTo("CRITICAL"));
    }

    @Test
    void shouldKeepEachChannelToThoseWhoReportThroughIt() {
        String worker = Workers.register().id();
        Map<String, Object> crisis = Cases.byWorkerId(worker, KL);
        crisis.put("channel", "CRISIS_CENTER");
        Map<String, Object> hotline = Cases.byWorkerId(worker, KL);
        Map<String, Object> walkIn = Cases.byWorkerId(worker, KL);
        walkIn.put("channel", "MISSION_WALK_IN");

        Cases.report(Tokens.user("consul.kl"), crisis)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:channel-not-yours"))
                .body("channel", equalTo("CRISIS_CENTER"));
        Cases.report(Tokens.client("peduli-wni-portal"), hotline)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:channel-not-yours"));
        Cases.report(Tokens.user("consul.kl"), walkIn).statusCode(201);
        Cases.report(Tokens.user("p2mi.officer"), crisis).statusCode(201);

        assertThat(casesOf(worker)).isEqualTo(2);
    }

    private static ValidatableResponse withKey(String user, String key, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/cases")
                .then();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long casesOf(String workerId) {
        return Long.parseLong(column("SELECT count(*) FROM protection_case WHERE worker_id = ?::uuid", workerId));
    }

    private String column(String sql, String parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
