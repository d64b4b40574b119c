package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.register;
import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The master index: provisional workers, promotion, the review queue, unlink, merge, history and re-runs. */
@QuarkusTest
@IdentityTestResource
class MasterIndexTest {

    @Inject
    DataSource dataSource;

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    /** A Peduli WNI record of the NIK's person that gives a passport but no NIK. */
    private static Map<String, Object> passportOnly(String nik) {
        Map<String, Object> body = registration("PEDULI_WNI", nik);
        body.remove("nik");
        return body;
    }

    @Test
    void shouldKeepAPassportOnlyRecordAsAProvisionalWorkerListedForPromotion() {
        String workerId = register(portal(), passportOnly(TestWorkers.nik()))
                .statusCode(201)
                .body("assurance", equalTo("PASSPORT"))
                .extract()
                .path("workerId");

        read("pwni.hq", workerId).statusCode(200).body("nik", nullValue()).body("assurance", equalTo("PASSPORT"));
        assertThat(provisionalIds("p2mi.officer")).contains(workerId);
        assertThat(provisionalIds("pwni.hq")).contains(workerId);
    }

    @Test
    void shouldKeepTheStewardsListFromConsularOfficers() {
        // The list shows every provisional worker's name and birth date whoever holds the record, with no consent
        // decision: it is for the data stewards, not for officers handling cases.
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/workers/provisional")
                .then()
                .statusCode(403);
    }

    @Test
    void shouldKeepAFamilyReportWithoutDocumentsAsReported() {
        Map<String, Object> body = passportOnly(TestWorkers.nik());
        body.remove("passport");
        body.put("reportedBy", "SPOUSE");

        register(portal(), body).statusCode(201).body("assurance", equalTo("REPORTED"));
    }

    @Test
    void shouldStoreAFamilyReportWhoseNameGivesNoBlockingKey() {
        Map<String, Object> body = passportOnly(TestWorkers.nik());
        body.remove("passport");
        body.put("reportedBy", "SIBLING");
        body.put("fullName", "...");

        register(portal(), body)
                .statusCode(201)
                .body("assurance", equalTo("REPORTED"))
                .body("match", equalTo("NO_MATCH"));
    }

    @Test
    void shouldRefuseASiskoP2miRecordWithoutNik() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.remove("nik");

        register(Tokens.client("siskop2mi-connector"), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:nik-required"))
                .body("errors.field", contains("nik"));
    }

    @Test
    void shouldPromoteAProvisionalWorkerOnceAndAuditIt() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(passportOnly(nik));

        promote("p2mi.officer", workerId, nik)
                .statusCode(200)
                .body("assurance", equalTo("NIK_VERIFIED"))
                .body("nik", equalTo(nik));

        promote("p2mi.officer", workerId, nik)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:not-provisional"));
        history(workerId).body("events.action", hasItem("PROMOTED"));
        assertThat(provisionalIds("pwni.hq")).doesNotContain(workerId);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .anyMatch(p -> p.contains("\"action\":\"worker.promote\""))
                .noneMatch(p -> p.contains(nik));
    }

    @Test
    void shouldMatchANewRecordAgainstTheNikThatPromotionGaveAWorker() {
        String nik = TestWorkers.nik();
        String promoted = TestWorkers.registered(passportOnly(nik));
        promote("p2mi.officer", promoted, nik).statusCode(200);
        Map<String, Object> placement = registration("SISKOP2MI", nik);
        // Another name: no blocking key of the passport-only record is shared, only the promoted NIK.
        placement.put("fullName", "Wulandari Kusumawati");

        var answer = register(Tokens.client("siskop2mi-connector"), placement)
                .extract()
                .jsonPath();

        assertThat(answer.getString("match")).isIn("MATCH", "POSSIBLE_MATCH");
        if ("MATCH".equals(answer.getString("match"))) {
            assertThat(answer.getString("workerId")).isEqualTo(promoted);
        } else {
            assertThat(answer.getBoolean("inReview")).isTrue();
            history(promoted).body("events.action", hasItem("REVIEW_OPENED"));
        }
    }

    @Test
    void shouldRefusePromotionWithAnInvalidNikOrAnotherWorkersNik() {
        String taken = TestWorkers.nik();
        String holder = TestWorkers.registered(registration("SISKOP2MI", taken));
        String workerId = TestWorkers.registered(passportOnly(TestWorkers.nik()));

        promote("pwni.hq", workerId, "3171010000000000")
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-nik-date"));
        promote("pwni.hq", workerId, taken)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:nik-in-use"))
                .body("otherWorkerId", equalTo(holder));
        promote("consul.kl", workerId, taken).statusCode(403);
    }

    @Test
    void shouldLinkFromTheReviewQueueAndMergeTheEmptiedWorker() {
        String nik = TestWorkers.nik();
        String target = TestWorkers.registered(registration("SISKOP2MI", nik));
        Map<String, Object> doubtful = doubtfulRecordOf(nik);
        String founded = register(portal(), doubtful).statusCode(201).extract().path("workerId");
        String question = openQuestionOf((String) doubtful.get("sourceRecordId"));

        decide("p2mi.officer", question, "LINK", "same person: passport and family card seen")
                .statusCode(200)
                .body("status", equalTo("LINKED"));

        read("pwni.hq", target).statusCode(200).body("sources.sourceRecordId", hasItem(doubtful.get("sourceRecordId")));
        read("pwni.hq", founded).statusCode(200).body("id", equalTo(target));
        history(founded).body("events.action", hasItem("MERGED"));
        decide("pwni.hq", question, "NOT_LINK", "second try").statusCode(409);
    }

    @Test
    void shouldCloseTheRecordsOtherQuestionsWhenOneIsLinked() {
        String nik = TestWorkers.nik();
        String first = TestWorkers.registered(registration("SISKOP2MI", nik));
        // The same name and birth date under a NIK of another regency (Kabupaten Bogor): not the same person.
        Map<String, Object> twin = registration("SISKOP2MI", "320101" + nik.substring(6, 12) + "0999");
        twin.put("fullName", TestWorkers.nameOf(nik));
        twin.put("birthPlace", "Kabupaten Bogor");
        String second =
                register(Tokens.client("siskop2mi-connector"), twin).extract().path("workerId");
        Map<String, Object> report = registration("PEDULI_WNI", nik);
        report.remove("nik");
        report.remove("passport");
        report.remove("birthPlace");
        report.put("reportedBy", "PARENT");
        register(portal(), report).statusCode(201).body("inReview", equalTo(true));
        String recordKey = (String) report.get("sourceRecordId");
        List<String> questions = query(
                "SELECT c.id || ' ' || c.worker_id FROM match_candidate c JOIN source_record r ON r.id ="
                        + " c.source_record_id WHERE r.source_record_id = ? AND c.status = 'OPEN'",
                recordKey);
        assertThat(second).isNotEqualTo(first);
        assertThat(questions).hasSizeGreaterThanOrEqualTo(2);
        String toFirst = questions.stream()
                .filter(q -> q.endsWith(first))
                .findFirst()
                .orElseThrow()
                .split(" ")[0];

        decide("pwni.hq", toFirst, "LINK", "parent identified the worker by photo")
                .statusCode(200);

        assertThat(query(
                        "SELECT c.status FROM match_candidate c JOIN source_record r ON r.id = c.source_record_id"
                                + " WHERE r.source_record_id = ? AND c.id::text <> ?",
                        recordKey,
                        toFirst))
                .isNotEmpty()
                .containsOnly("CLOSED");
    }

    @Test
    void shouldNeverProposeARejectedPairAgainOnARerun() {
        String nik = TestWorkers.nik();
        String target = TestWorkers.registered(registration("SISKOP2MI", nik));
        Map<String, Object> doubtful = doubtfulRecordOf(nik);
        register(portal(), doubtful).statusCode(201);
        String question = openQuestionOf((String) doubtful.get("sourceRecordId"));

        decide("pwni.hq", question, "NOT_LINK", "different mother's name in the family card")
                .statusCode(200);
        rerunAll();

        assertThat(query(
                        "SELECT c.status FROM match_candidate c JOIN source_record r ON r.id = c.source_record_id"
                                + " WHERE r.source_record_id = ? AND c.worker_id::text = ?",
                        (String) doubtful.get("sourceRecordId"),
                        target))
                .containsExactly("NOT_LINKED");
    }

    @Test
    void shouldUnlinkRebuildTheViewAndNotRelinkOnARerun() {
        String nik = TestWorkers.nik();
        Map<String, Object> siskop2mi = registration("SISKOP2MI", nik);
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        peduliWni.put("destinationCountry", "SG");
        String workerId = TestWorkers.registered(siskop2mi);
        register(portal(), peduliWni).statusCode(200).body("outcome", equalTo("LINKED"));
        String recordId = recordIdOf((String) peduliWni.get("sourceRecordId"));

        String newWorker = unlink("p2mi.officer", workerId, recordId, "photo on the passport is of another person")
                .statusCode(200)
                .extract()
                .path("newWorkerId");
        rerunAll();

        read("p2mi.officer", workerId)
                .statusCode(200)
                .body("sources.sourceRecordId", contains(siskop2mi.get("sourceRecordId")))
                .body("passportNumbers", contains(TestWorkers.passportOf(siskop2mi)));
        read("pwni.hq", newWorker)
                .statusCode(200)
                .body("id", equalTo(newWorker))
                .body("destinationCountry", equalTo("SG"));
        history(workerId).body("events.action", hasItem("UNLINKED"));
        unlink("p2mi.officer", workerId, recordIdOf((String) siskop2mi.get("sourceRecordId")), "last one")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:last-record"));
    }

    @Test
    void shouldLinkAnUpdatedLoneRecordOnARerun() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));
        Map<String, Object> late = passportOnly(nik);
        String typedBirthDate = (String) late.get("birthDate");
        late.put("birthDate", TestWorkers.bornOf(nik).minusYears(23).toString());
        late.put("fullName", TestWorkers.nameOf(nik).replace("CONTOH", "SIREGAR"));
        String alone = register(portal(), late).statusCode(201).extract().path("workerId");
        late.put("birthDate", typedBirthDate);
        late.put("fullName", TestWorkers.nameOf(nik));
        register(portal(), late).statusCode(200).body("outcome", equalTo("UPDATED"));

        rerunAll();

        read("pwni.hq", alone).statusCode(200).body("id", equalTo(workerId));
        history(workerId).body("events.action", hasItem("AUTO_LINKED"));
    }

    @Test
    void shouldMergeTwoWorkersAndReadTheMergedOneAsTheSurvivor() {
        String survivor = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        String merged = TestWorkers.registered(passportOnly(TestWorkers.nik()));

        merge(survivor, Map.of("workerId", merged, "reason", "one person registered twice at the embassy"))
                .statusCode(200)
                .body("sources.size()", equalTo(2));

        read("p2mi.officer", merged).statusCode(200).body("id", equalTo(survivor));
        history(merged).body("events.action", hasItem("MERGED"));
    }

    @Test
    void shouldRefuseToMergeTwoWorkersWithDifferentNiks() {
        String survivor = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        String other = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        merge(survivor, Map.of("workerId", other, "reason", "looked alike"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:nik-disagrees"));

        read("p2mi.officer", other).statusCode(200).body("id", equalTo(other));
        history(other).body("events.action", not(hasItem("MERGED")));
    }

    @Test
    void shouldNameAMissingMergeBodyAsTheBody() {
        String survivor = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .contentType(ContentType.JSON)
                .when()
                .post("/api/workers/" + survivor + "/merge")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", contains("(body)"));
    }

    @Test
    void shouldAnswerAPageNumberTooLargeWithAProblemNotAnError() {
        for (String list : List.of(
                "/api/workers/provisional?page=2147483647",
                "/api/workers/flagged?flag=PASSPORT_EXPIRED&page=99999999&size=200",
                "/api/reviews?page=21474837&size=100")) {
            given().auth()
                    .oauth2(Tokens.user("p2mi.officer"))
                    .when()
                    .get(list)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sinergi:problem:validation"))
                    .body("errors.field", contains("page"));
        }
    }

    @Test
    void shouldAnswerTheLastPageNumberAllowed() {
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("page", 1_000_000)
                .queryParam("size", 200)
                .when()
                .get("/api/workers/provisional")
                .then()
                .statusCode(200)
                .body("workers.size()", equalTo(0));
    }

    @Test
    void shouldLetOnlyStewardsReviewAndRerun() {
        given().when().get("/api/reviews").then().statusCode(401);
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/reviews")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/matching/runs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/reviews")
                .then()
                .statusCode(200)
                .body("open", not(nullValue()));
    }

    @Test
    void shouldPublishTheRulesInForceWithTheirVersion() {
        given().auth()
                .oauth2(Tokens.user("platform.admin"))
                .when()
                .get("/api/matching/rules")
                .then()
                .statusCode(200)
                .body("version", org.hamcrest.Matchers.startsWith("rules-"))
                .body("settings.match-threshold", not(nullValue()));
    }

    /**
     * A record that gives the NIK's number but another person's name and birth date (a NIK typed into the wrong
     * record, or one used by someone else): the shared identifier sends it to review.
     */
    private static Map<String, Object> doubtfulRecordOf(String nik) {
        Map<String, Object> body = registration("PEDULI_WNI", nik);
        String stranger = TestWorkers.nik();
        body.put("fullName", TestWorkers.nameOf(stranger).replace("CONTOH", "PARDEDE"));
        body.put("birthDate", TestWorkers.bornOf(stranger).minusYears(11).toString());
        body.remove("passport");
        return body;
    }

    private String openQuestionOf(String sourceRecordKey) {
        List<String> ids = query(
                "SELECT c.id FROM match_candidate c JOIN source_record r ON r.id = c.source_record_id"
                        + " WHERE r.source_record_id = ? AND c.status = 'OPEN'",
                sourceRecordKey);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private String recordIdOf(String sourceRecordKey) {
        return query("SELECT id FROM source_record WHERE source_record_id = ?", sourceRecordKey)
                .get(0);
    }

    private static ValidatableResponse read(String user, String workerId) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/workers/" + workerId)
                .then();
    }

    private static ValidatableResponse merge(String survivor, Map<String, Object> body) {
        return given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/workers/" + survivor + "/merge")
                .then();
    }

    private static ValidatableResponse history(String workerId) {
        return given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/workers/" + workerId + "/history")
                .then()
                .statusCode(200);
    }

    private static List<String> provisionalIds(String user) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParam("size", 200)
                .when()
                .get("/api/workers/provisional")
                .then()
                .statusCode(200)
                .extract()
                .path("workers.id");
    }

    private static ValidatableResponse promote(String user, String workerId, String nik) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of("nik", nik, "reason", "checked against Dukcapil"))
                .when()
                .post("/api/workers/" + workerId + "/promotion")
                .then();
    }

    private static ValidatableResponse decide(String user, String question, String verdict, String reason) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of("verdict", verdict, "reason", reason))
                .when()
                .post("/api/reviews/" + question + "/decision")
                .then();
    }

    private static ValidatableResponse unlink(String user, String workerId, String recordId, String reason) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of("sourceRecordId", recordId, "reason", reason))
                .when()
                .post("/api/workers/" + workerId + "/unlink")
                .then();
    }

    /** Re-runs the matcher over every worker, page by page. */
    private static void rerunAll() {
        String next = null;
        do {
            Map<String, Object> body = next == null ? Map.of("limit", 1000) : Map.of("limit", 1000, "after", next);
            next = given().auth()
                    .oauth2(Tokens.user("p2mi.officer"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/matching/runs")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("next");
        } while (next != null);
    }

    private List<String> query(String sql, String... parameters) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
