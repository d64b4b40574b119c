package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.LogCapture;
import id.sinergi.devstack.testing.RawHttp;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CaseTestResource
class CaseResourceTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String HK = "KJRI-HONGKONG";

    @Inject
    DataSource dataSource;

    private static String year() {
        return Integer.toString(Year.now(ZoneOffset.UTC).getValue());
    }

    @Test
    void shouldReportByWorkerIdWithReferenceStatusAndCategoryTerms() {
        Workers.Worker worker = Workers.register();

        Cases.report(Tokens.user("consul.kl"), Cases.byWorkerId(worker.id(), KL))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("workerId", equalTo(worker.id()))
                .body("reference", matchesPattern("KBRI-KUALALUMPUR/" + year() + "/\\d{6}"))
                .body("missionName", equalTo("KBRI Kuala Lumpur"))
                .body("status.code", equalTo("REPORTED"))
                .body("status.termId", equalTo("Dilaporkan"))
                .body("status.glossEn", equalTo("reported"))
                .body("category.code", equalTo("GAJI_TIDAK_DIBAYAR"))
                .body("category.termId", equalTo("Gaji tidak dibayar"))
                .body("category.glossEn", equalTo("wages not paid / withheld"))
                .body("channel", equalTo("HOTLINE"))
                .body("phase.code", equalTo("ABROAD"))
                .body("phase.termId", equalTo("Selama bekerja"))
                .body("leadAgency", equalTo("KEMLU"))
                .body("participantAgency", equalTo("KEMENP2MI"))
                .body("priority.code", equalTo("HIGH"))
                .body("routedTo.code", equalTo("LABOUR_ATTACHE"))
                .body("reporter.relation", equalTo("WORKER"));
    }

    @Test
    void shouldReportByNikAndNumberEachMissionOnItsOwn() {
        Workers.Worker worker = Workers.register();
        String token = Tokens.user("pwni.hq");

        String first = Cases.report(token, Cases.byNik(worker.nik(), "KBRI-TOKYO"))
                .statusCode(201)
                .body("workerId", equalTo(worker.id()))
                .extract()
                .path("reference");
        String second = Cases.report(token, Cases.byNik(worker.nik(), "KBRI-TOKYO"))
                .statusCode(201)
                .extract()
                .path("reference");
        String other = Cases.report(token, Cases.byNik(worker.nik(), "KJRI-OSAKA"))
                .statusCode(201)
                .extract()
                .path("reference");

        assertThat(first).isEqualTo("KBRI-TOKYO/" + year() + "/000001");
        assertThat(second).isEqualTo("KBRI-TOKYO/" + year() + "/000002");
        assertThat(other).isEqualTo("KJRI-OSAKA/" + year() + "/000001");
    }

    @Test
    void shouldLetPeduliWniPortalReportAndRefuseOtherSourceConnectors() {
        Workers.Worker worker = Workers.register();

        Map<String, Object> fromPortal = Cases.byNik(worker.nik(), HK);
        fromPortal.put("channel", "PEDULI_WNI");
        Cases.report(Tokens.client("peduli-wni-portal"), fromPortal)
                .statusCode(201)
                .body("workerId", equalTo(worker.id()))
                .body("channel", equalTo("PEDULI_WNI"));
        Cases.report(Tokens.client("siskop2mi-connector"), Cases.byNik(worker.nik(), HK))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:source-not-yours"));
    }

    @Test
    void shouldRejectUnknownMissionCategoryAndWorkerNamingTheFieldAndStoreNothing() {
        Workers.Worker worker = Workers.register();
        // Letters only: a UUID's first group can read as a passport number (c1234567), which a description may not
        // hold, and the report would be refused for that instead.
        String marker = "marker " + UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String token = Tokens.user("pwni.hq");
        Map<String, Object> unknownMission = Cases.byWorkerId(worker.id(), "KBRI-ATLANTIS");
        Map<String, Object> unknownCategory = Cases.byWorkerId(worker.id(), KL);
        unknownCategory.put("categoryCode", "NO_SUCH_CATEGORY");
        Map<String, Object> unknownWorkerId = Cases.byWorkerId(UUID.randomUUID().toString(), KL);
        Map<String, Object> unknownNik = Cases.byNik(Workers.UNREGISTERED_NIK, KL);
        List.of(unknownMission, unknownCategory, unknownWorkerId, unknownNik)
                .forEach(b -> b.put("description", marker));

        Cases.report(token, unknownMission)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-mission"))
                .body("errors[0].field", equalTo("missionId"));
        Cases.report(token, unknownCategory)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-category"))
                .body("errors[0].field", equalTo("categoryCode"));
        Cases.report(token, unknownWorkerId)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-worker"))
                .body("errors[0].field", equalTo("workerId"));
        Cases.report(token, unknownNik)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-worker"))
                .body("errors[0].field", equalTo("nik"));

        assertThat(count("SELECT count(*) FROM protection_case WHERE description = ?", marker))
                .isZero();
    }

    @Test
    void shouldRequireExactlyOneOfWorkerIdAndNik() {
        Workers.Worker worker = Workers.register();
        Map<String, Object> both = Cases.byWorkerId(worker.id(), KL);
        both.put("nik", worker.nik());
        Map<String, Object> neither = Cases.byWorkerId(worker.id(), KL);
        neither.remove("workerId");

        Cases.report(Tokens.user("pwni.hq"), both)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:worker-reference"))
                .body("errors.field", hasItems("workerId", "nik"));
        Cases.report(Tokens.user("pwni.hq"), neither)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:worker-reference"));
    }

    @Test
    void shouldRejectMalformedReportsNamingTheField() {
        Map<String, Object> badNik = Cases.byNik("31710117084500", KL);
        Map<String, Object> noDescription = Cases.byNik(Workers.UNREGISTERED_NIK, KL);
        noDescription.remove("description");
        Map<String, Object> badChannel = Cases.byNik(Workers.UNREGISTERED_NIK, KL);
        badChannel.put("channel", "CARRIER_PIGEON");

        Cases.report(Tokens.user("pwni.hq"), badNik)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", hasItem("nik"))
                .body("detail", not(equalTo(null)));
        Cases.report(Tokens.user("pwni.hq"), noDescription)
                .statusCode(400)
                .body("errors.field", hasItem("description"));
        Cases.report(Tokens.user("pwni.hq"), badChannel).statusCode(400).body("errors[0].field", equalTo("channel"));
    }

    @Test
    void shouldForbidConsularOfficerReportingForAnotherMissionAndLogTheProblemsSlug() {
        Workers.Worker worker = Workers.register();

        List<String> logged;
        try (LogCapture log = LogCapture.start()) {
            Cases.report(Tokens.user("consul.kl"), Cases.byWorkerId(worker.id(), HK))
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sinergi:problem:other-mission"));
            Cases.report(Tokens.user("security.auditor"), Cases.byWorkerId(worker.id(), HK))
                    .statusCode(403)
                    .body("type", equalTo("urn:sinergi:problem:forbidden"));
            logged = log.messages();
        }

        assertThat(logged)
                .filteredOn(m -> m.startsWith("event=security-denial status=403"))
                .extracting(m -> m.replaceAll(".* reason=(\\S+) .*", "$1"))
                .containsExactly("other-mission", "forbidden");
    }

    @Test
    void shouldHideCaseOfAnotherMissionFromConsularOfficerAndAuditTheDenial() {
        String klCase = Cases.reported("consul.kl", KL);

        Map<String, Object> hidden = Cases.read("consul.hk", klCase)
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .as(Map.class);
        String missing = UUID.randomUUID().toString();
        Map<String, Object> absent =
                Cases.read("consul.hk", missing).statusCode(404).extract().as(Map.class);
        List<String> listed = listIds("consul.hk", Map.of("limit", 200));
        List<String> listedForKl = listIds("consul.hk", Map.of("missionId", KL));

        assertThat(hidden.get("type")).isEqualTo(absent.get("type"));
        assertThat(hidden.get("title")).isEqualTo(absent.get("title"));
        assertThat(hidden.get("detail")).isEqualTo(((String) absent.get("detail")).replace(missing, klCase));
        assertThat(listed).doesNotContain(klCase);
        assertThat(listedForKl).isEmpty();
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, klCase)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.read\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.hk\""));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, "\"reason\":\"out-of-scope mission=" + KL + "\""))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.list\"")
                        .contains("\"outcome\":\"DENIED\"")
                        .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldAnswerEachRowWithALocationThatResolvesAndTheCasesVersionAsETagAndAuditAMissingRowAsFailed() {
        String caseId = Cases.reported("consul.kl", KL);
        Map<String, Object> referral = Map.of(
                "kind", "REFERRAL", "to", "SHELTER", "providerName", "Rumah Aman", "reason", "needs a safe place");
        Map<String, Object> outcome = Map.of(
                "kind",
                "REPATRIATED",
                "date",
                java.time.LocalDate.now(ZoneOffset.UTC).toString());

        for (Map.Entry<String, Map<String, Object>> made :
                List.of(Map.entry("/referrals", referral), Map.entry("/outcomes", outcome))) {
            io.restassured.response.ExtractableResponse<io.restassured.response.Response> answer = Cases.update(
                            "consul.kl", caseId, made.getKey(), made.getValue())
                    .statusCode(201)
                    .extract();

            Cases.read("consul.kl", caseId).header("ETag", equalTo(answer.header("ETag")));
            given().auth()
                    .oauth2(Tokens.user("p2mi.officer"))
                    .when()
                    .get(answer.header("Location"))
                    .then()
                    .statusCode(200)
                    .header("ETag", equalTo(answer.header("ETag")))
                    .body("id", equalTo(answer.path("id")));
        }
        CaseSetup.resolve("consul.kl", caseId);
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> asked = Cases.update(
                        "consul.kl", caseId, "/closure-requests", Map.of("reason", "wages paid in full"))
                .statusCode(201)
                .extract();

        Cases.read("consul.kl", caseId).header("ETag", equalTo(asked.header("ETag")));
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get(asked.header("Location"))
                .then()
                .statusCode(200)
                .header("ETag", equalTo(asked.header("ETag")))
                .body("id", equalTo(asked.path("id")));
        String missing = UUID.randomUUID().toString();
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/cases/" + caseId + "/outcomes/" + missing)
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, missing))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains("\"action\":\"case.outcome.read\"")
                        .contains("\"outcome\":\"FAILED\"")
                        .contains("\"reason\":\"not-found outcome=" + missing + "\""));
    }

    @Test
    void shouldRefuseAnUnknownFieldInARequestBodyNamingIt() {
        Workers.Worker worker = Workers.register();
        Map<String, Object> report = new java.util.HashMap<>(Cases.byWorkerId(worker.id(), KL));
        report.put("severity", "HIGH");

        Cases.report(Tokens.user("consul.kl"), report)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-json-value"))
                .body("errors[0].field", equalTo("severity"))
                .body("errors[0].code", equalTo("unknown-field"));
    }

    @Test
    void shouldNameAQueryParameterThatIsNoNumberOrTooLarge() {
        for (String limit : List.of("abc", "99999999999", "1.5")) {
            given().auth()
                    .oauth2(Tokens.user("pwni.hq"))
                    .queryParam("limit", limit)
                    .when()
                    .get("/api/cases")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                    .body("errors[0].field", equalTo("limit"))
                    .body("errors[0].code", equalTo("invalid-parameter"));
        }
    }

    @Test
    void shouldAnswerABodyOverTheLimitWithAProblem() throws Exception {
        RawHttp.Response response = RawHttp.postJson(
                RestAssured.port,
                "/api/cases",
                Tokens.user("consul.kl"),
                "{\"description\":\"" + "a".repeat(1_100_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body())
                .contains(
                        "\"type\":\"urn:sinergi:problem:body-too-large\"",
                        "\"status\":413",
                        "\"title\":\"Request body too large\"");
    }

    @Test
    void shouldShowCasesOfEveryMissionToPwniHqAndP2miOfficers() {
        String klCase = Cases.reported("consul.kl", KL);
        String hkCase = Cases.reported("consul.hk", HK);

        List<String> hqList = listIds("pwni.hq", Map.of("limit", 200));
        List<String> p2miList = listIds("p2mi.officer", Map.of("limit", 200));

        assertThat(hqList).contains(klCase, hkCase);
        assertThat(p2miList).contains(klCase, hkCase);
        Cases.read("pwni.hq", klCase).statusCode(200).body("missionId", equalTo(KL));
        Cases.read("pwni.hq", hkCase).statusCode(200).body("missionId", equalTo(HK));
        Cases.read("p2mi.officer", hkCase).statusCode(200).body("id", equalTo(hkCase));
        Cases.read("consul.kl", klCase).statusCode(200).body("id", equalTo(klCase));
    }

    @Test
    void shouldFilterByWorkerAndStatusNewestFirstWithinTheLimit() {
        Workers.Worker worker = Workers.register();
        String older = Cases.report(Tokens.user("consul.kl"), Cases.byWorkerId(worker.id(), KL))
                .statusCode(201)
                .extract()
                .path("id");
        String newer = Cases.report(Tokens.user("consul.kl"), Cases.byWorkerId(worker.id(), KL))
                .statusCode(201)
                .extract()
                .path("id");
        Cases.triage("consul.kl", older).statusCode(200);
        Cases.move("consul.kl", older, "IN_PROGRESS").statusCode(200);

        List<String> all = listIds("consul.kl", Map.of("workerId", worker.id()));
        List<String> limited = listIds("consul.kl", Map.of("workerId", worker.id(), "limit", 1));
        List<String> inProgress = listIds("pwni.hq", Map.of("workerId", worker.id(), "status", "IN_PROGRESS"));

        assertThat(all).containsExactly(newer, older);
        assertThat(limited).containsExactly(newer);
        assertThat(inProgress).containsExactly(older);
    }

    @Test
    void shouldRejectInvalidListFiltersNamingTheParameter() {
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("limit", 201)
                .when()
                .get("/api/cases")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("status", "LOST")
                .when()
                .get("/api/cases")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("status"));
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .queryParam("workerId", "not-a-uuid")
                .when()
                .get("/api/cases")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("workerId"));
    }

    @Test
    void shouldRejectAListFilterOfAnUnknownMissionEvenWithANulInIt() {
        for (String mission : List.of("\u0000", "KBRI-ATLANTIS", KL + "\u0000")) {
            given().auth()
                    .oauth2(Tokens.user("pwni.hq"))
                    .queryParam("missionId", mission)
                    .when()
                    .get("/api/cases")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:sinergi:problem:unknown-mission"))
                    .body("errors[0].field", equalTo("missionId"));
        }
    }

    @Test
    void shouldFindNoResourceAtAPathSegmentThatIsNoCaseId() {
        Cases.read("pwni.hq", "summary")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:http-404"));
        Cases.move("pwni.hq", "summary", "IN_PROGRESS")
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:http-404"));
    }

    @Test
    void shouldFindNoResourceAtAnIdOfACasesPartThatIsNoUuid() {
        String caseId = Cases.reported("consul.kl", KL);

        for (String part : List.of("referrals", "outcomes", "closure-requests")) {
            given().auth()
                    .oauth2(Tokens.user("consul.kl"))
                    .when()
                    .get("/api/cases/" + caseId + "/" + part + "/not-a-uuid")
                    .then()
                    .statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sinergi:problem:http-404"));
        }
    }

    @Test
    void shouldReadACaseNamedByItsIdInCapitals() {
        String caseId = Cases.reported("consul.kl", KL);

        Cases.read("consul.kl", caseId.toUpperCase()).statusCode(200).body("id", equalTo(caseId));
    }

    @Test
    void shouldAuditReportReadAndListWithTheWorker() {
        Workers.Worker worker = Workers.register();
        String caseId = Cases.report(Tokens.user("consul.kl"), Cases.byWorkerId(worker.id(), KL))
                .statusCode(201)
                .extract()
                .path("id");

        Cases.read("consul.kl", caseId).statusCode(200);
        listIds("consul.kl", Map.of("workerId", worker.id()));

        List<String> payloads = AuditOutboxProbe.payloadsMentioning(dataSource, caseId);
        assertThat(payloads).hasSize(3);
        assertThat(payloads.get(0)).contains("\"action\":\"case.report\"").contains("\"outcome\":\"SUCCESS\"");
        assertThat(payloads.get(1)).contains("\"action\":\"case.read\"");
        assertThat(payloads.get(2)).contains("\"action\":\"case.list\"");
        assertThat(payloads).allSatisfy(p -> assertThat(p)
                .contains("\"workerId\":\"" + worker.id() + "\"")
                .contains("\"purpose\":\"PROTECTION_CASE_HANDLING\"")
                .contains("\"mission\":\"KBRI-KUALALUMPUR\"")
                .doesNotContain(worker.nik()));
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForWrongRole() {
        Workers.Worker worker = Workers.register();
        String caseId = Cases.reported("consul.kl", KL);

        given().contentType(ContentType.JSON)
                .body(Cases.byWorkerId(worker.id(), KL))
                .when()
                .post("/api/cases")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().when().get("/api/cases").then().statusCode(401);
        given().when().get("/api/cases/" + caseId).then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(Map.of("to", "IN_PROGRESS", "reason", "no token"))
                .when()
                .post("/api/cases/" + caseId + "/transitions")
                .then()
                .statusCode(401);

        Cases.report(Tokens.user("security.auditor"), Cases.byWorkerId(worker.id(), KL))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        Map<String, Object> walkIn = Cases.byWorkerId(worker.id(), KL);
        walkIn.put("channel", "MISSION_WALK_IN");
        Cases.report(Tokens.user("p2mi.officer"), walkIn)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:channel-not-yours"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/cases")
                .then()
                .statusCode(403);
        Cases.read("platform.admin", caseId).statusCode(403);
        Cases.move("p2mi.officer", caseId, "IN_PROGRESS")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));
        assertThat(count("SELECT count(*) FROM protection_case WHERE worker_id = ?::uuid", worker.id()))
                .isZero();
    }

    private static List<String> listIds(String user, Map<String, ?> query) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParams(query)
                .when()
                .get("/api/cases")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", String.class);
    }

    private long count(String sql, String parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
