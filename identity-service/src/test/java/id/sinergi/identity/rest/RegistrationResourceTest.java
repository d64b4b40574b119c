package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.register;
import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@IdentityTestResource
class RegistrationResourceTest {

    @Inject
    DataSource dataSource;

    private static String connector() {
        return Tokens.client("siskop2mi-connector");
    }

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    @Test
    void shouldCreateWorkerWithLocationOnFirstRecord() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());

        ExtractableResponse<Response> created = register(connector(), body)
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("flags", empty())
                .extract();

        String workerId = created.path("workerId");
        assertThat(created.header("Location")).startsWith("http").endsWith("/api/workers/" + workerId);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .singleElement()
                .asString()
                .contains("\"action\":\"worker.register\"")
                .contains("\"reason\":\"CREATED match=NO_MATCH\"")
                .doesNotContain((String) body.get("nik"));
    }

    @Test
    void shouldLetP2miOfficerRegisterSiskoP2miRecord() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());

        register(Tokens.user("p2mi.officer"), body).statusCode(201).body("outcome", equalTo("CREATED"));
    }

    @Test
    void shouldLinkRecordOfAnotherSourceWithTheSameNik() {
        String nik = TestWorkers.nik();
        Map<String, Object> siskop2mi = registration("SISKOP2MI", nik);
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        String workerId = TestWorkers.registered(siskop2mi);

        register(portal(), peduliWni)
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("outcome", equalTo("LINKED"));

        readWorker("pwni.hq", workerId, "FRAUD_PREVENTION")
                .statusCode(200)
                .body("sources.source", contains("SISKOP2MI", "PEDULI_WNI"))
                .body(
                        "passportNumbers",
                        containsInAnyOrder(TestWorkers.passportOf(siskop2mi), TestWorkers.passportOf(peduliWni)));
    }

    @Test
    void shouldKeepSiskoP2miValuesAndFlagDisagreementWhenPeduliWniRecordDiffers() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        peduliWni.put("fullName", "H. " + TestWorkers.nameOf(nik).toLowerCase());
        peduliWni.put("destinationCountry", "US");

        register(Tokens.user("consul.kl"), peduliWni)
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("outcome", equalTo("LINKED"))
                .body("match", equalTo("MATCH"))
                .body("flags", hasItem("SOURCE_DISAGREEMENT"));

        readWorker("p2mi.officer", workerId, "FRAUD_PREVENTION")
                .statusCode(200)
                .body("fullName", equalTo(TestWorkers.nameOf(nik)))
                .body("birthDate", equalTo(TestWorkers.bornOf(nik).toString()))
                .body("sex", equalTo("M"))
                .body("destinationCountry", equalTo("MY"))
                .body("phase", equalTo("PRE_DEPARTURE"))
                .body("flags", hasItem("SOURCE_DISAGREEMENT"))
                .body("sources.source", contains("SISKOP2MI", "PEDULI_WNI"))
                .body("provenance.fullName.source", equalTo("SISKOP2MI"));
        assertThat(query(
                        "SELECT full_name || ' ' || destination_country FROM source_record WHERE source_record_id = ?",
                        (String) peduliWni.get("sourceRecordId")))
                .containsExactly("H. " + TestWorkers.nameOf(nik).toLowerCase() + " US");
    }

    @Test
    void shouldSendRecordWithTheSameNikButAnotherNameAndBirthDateToReview() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        peduliWni.put("fullName", "Yohanes Pardede " + TestWorkers.nameOf(nik).substring(0, 8));
        peduliWni.put("birthDate", TestWorkers.bornOf(nik).minusYears(9).toString());
        peduliWni.remove("passport");

        String other = register(Tokens.user("consul.kl"), peduliWni)
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("match", equalTo("POSSIBLE_MATCH"))
                .body("inReview", equalTo(true))
                .extract()
                .path("workerId");

        assertThat(other).isNotEqualTo(workerId);
        assertThat(query(
                        "SELECT c.status || ' ' || c.worker_id FROM match_candidate c JOIN source_record r"
                                + " ON r.id = c.source_record_id WHERE r.source_record_id = ?",
                        (String) peduliWni.get("sourceRecordId")))
                .containsExactly("OPEN " + workerId);
    }

    @Test
    void shouldTakeSiskoP2miValuesWhenItsRecordFollowsPeduliWni() {
        String nik = TestWorkers.nik();
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        peduliWni.put("fullName", "Hj. " + TestWorkers.nameOf(nik));
        peduliWni.put("destinationCountry", "US");
        peduliWni.put("phase", "ABROAD");
        String workerId = TestWorkers.registered(peduliWni);

        register(connector(), registration("SISKOP2MI", nik))
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("outcome", equalTo("LINKED"))
                .body("flags", contains("SOURCE_DISAGREEMENT"));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/workers/" + workerId)
                .then()
                .statusCode(200)
                .body("fullName", equalTo(TestWorkers.nameOf(nik)))
                .body("destinationCountry", equalTo("MY"))
                .body("phase", equalTo("PRE_DEPARTURE"))
                .body("sources.source", contains("PEDULI_WNI", "SISKOP2MI"));
    }

    @Test
    void shouldLetUpdatedSiskoP2miRecordUpdateWorkerThatAlsoHasPeduliWniRecord() {
        String nik = TestWorkers.nik();
        Map<String, Object> siskop2mi = registration("SISKOP2MI", nik);
        String workerId = TestWorkers.registered(siskop2mi);
        register(portal(), registration("PEDULI_WNI", nik)).statusCode(200);
        siskop2mi.put("fullName", TestWorkers.nameOf(nik) + " SANTOSO");
        siskop2mi.put("destinationCountry", "SG");
        siskop2mi.put("phase", "ABROAD");

        register(connector(), siskop2mi)
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("outcome", equalTo("UPDATED"));

        readWorker("p2mi.officer", workerId, "FRAUD_PREVENTION")
                .statusCode(200)
                .body("fullName", equalTo(TestWorkers.nameOf(nik) + " SANTOSO"))
                .body("destinationCountry", equalTo("SG"))
                .body("phase", equalTo("ABROAD"))
                .body("flags", contains("SOURCE_DISAGREEMENT"));
    }

    @Test
    void shouldNotLetUpdatedPeduliWniRecordOverwriteSiskoP2miValues() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        register(portal(), peduliWni).statusCode(200).body("flags", empty());
        peduliWni.put("fullName", "Somebody Else");
        peduliWni.put("destinationCountry", "US");

        register(portal(), peduliWni)
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("flags", contains("SOURCE_DISAGREEMENT"));

        readWorker("p2mi.officer", workerId)
                .statusCode(200)
                .body("fullName", equalTo(TestWorkers.nameOf(nik)))
                .body("destinationCountry", equalTo("MY"));
    }

    @Test
    void shouldAnswerUnchangedToIdenticalResendAndWriteNothing() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);
        List<String> before = storedState(workerId);

        register(connector(), body)
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("outcome", equalTo("UNCHANGED"));

        assertThat(storedState(workerId)).isEqualTo(before);
    }

    @Test
    void shouldUpdateKnownRecordWhoseContentChanged() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);
        body.put("phase", "ABROAD");

        register(connector(), body)
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("outcome", equalTo("UPDATED"));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/workers/" + workerId)
                .then()
                .statusCode(200)
                .body("phase", equalTo("ABROAD"))
                .body("sources.size()", equalTo(1));
    }

    @Test
    void shouldRefuseKnownSourceRecordWithAnotherNik() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        TestWorkers.registered(body);
        body.put("nik", TestWorkers.nik());

        register(connector(), body)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:source-record-conflict"));

        assertThat(countWorkersWithNik((String) body.get("nik"))).isZero();
    }

    @Test
    void shouldEndTwoConcurrentRegistrationsOfOneNikInOneWorker() throws Exception {
        String nik = TestWorkers.nik();
        String token = connector();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ExtractableResponse<Response>>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = registration("SISKOP2MI", nik);
            calls.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return register(token, body).extract();
            }));
        }

        start.countDown();

        List<String> outcomes = new ArrayList<>();
        List<String> workers = new ArrayList<>();
        for (CompletableFuture<ExtractableResponse<Response>> call : calls) {
            ExtractableResponse<Response> response = call.get();
            assertThat(response.statusCode()).isIn(200, 201);
            outcomes.add(response.path("outcome"));
            workers.add(response.path("workerId"));
        }
        assertThat(outcomes).containsExactlyInAnyOrder("CREATED", "LINKED");
        assertThat(workers.get(0)).isEqualTo(workers.get(1));
        assertThat(countWorkersWithNik(nik)).isOne();
    }

    @ParameterizedTest(name = "{2}: {1}")
    @CsvSource({
        "31710117084500, invalid-nik-format, too short",
        "31710117O8450001, invalid-nik-format, letter O for zero",
        "3171-0117-0845-0001, invalid-nik-format, separators",
        "9971011708450001, unknown-district, province 99",
        "3171991708450001, unknown-district, district 31.71.99",
        "3171014008450001, invalid-nik-date, day field 40",
        "3502027102019913, invalid-nik-date, 31 February",
        "3171012902010001, invalid-nik-date, 29 February 1901 or 2001",
        "3171011708450000, invalid-nik-serial, serial 0000"
    })
    void shouldRejectInvalidNikWithItsOwnTypeAndStoreNothing(String nik, String slug, String why) {
        Map<String, Object> body = registration("SISKOP2MI", nik);

        register(connector(), body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:" + slug))
                .body("errors.field", contains("nik"));

        assertThat(countSourceRecords((String) body.get("sourceRecordId"))).isZero();
        assertThat(countWorkersWithNik(nik)).isZero();
    }

    @Test
    void shouldRejectBirthDateInTheFuture() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("birthDate", LocalDate.now().plusDays(2).toString());

        register(connector(), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:future-birth-date"))
                .body("errors.field", contains("birthDate"));

        assertThat(countSourceRecords((String) body.get("sourceRecordId"))).isZero();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "birthDate, -10000-01-01",
        "birthDate, 0001-01-01",
        "birthDate, 1899-12-31",
        "passport.expiryDate, 1899-12-31",
        "passport.expiryDate, 2101-01-01",
        "placement.departureDate, 0001-01-01",
        "placement.departureDate, +9999999-01-01",
        "placement.contractEndDate, +9999999-01-01"
    })
    void shouldRejectADateOutOfRangeNamingTheField(String field, String date) {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("placement", new LinkedHashMap<>((Map<?, ?>) body.get("placement")));
        putAt(body, field, date);

        register(connector(), body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:date-out-of-range"))
                .body("title", equalTo("Invalid field"))
                .body("errors.field", contains(field))
                .body("detail", startsWith("Field '" + field + "' must be from 1900-01-01 to "));

        assertThat(countSourceRecords((String) body.get("sourceRecordId"))).isZero();
    }

    @Test
    void shouldAcceptDatesAtTheBounds() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("birthDate", "1900-01-01");
        body.put("placement", new LinkedHashMap<>((Map<?, ?>) body.get("placement")));
        putAt(body, "placement.departureDate", "1900-01-01");
        putAt(body, "placement.contractEndDate", "2100-12-31");

        register(connector(), body).statusCode(201);
    }

    @Test
    void shouldRejectUnknownDestinationCountry() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("destinationCountry", "XX");

        register(connector(), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-country"))
                .body("errors.field", contains("destinationCountry"));

        assertThat(countSourceRecords((String) body.get("sourceRecordId"))).isZero();
    }

    @Test
    void shouldRejectMalformedJson() {
        String truncated = "{\"source\": \"SISKOP2MI\", \"nik\": ";

        given().auth()
                .oauth2(connector())
                .contentType(ContentType.JSON)
                .body(truncated)
                .when()
                .post("/api/workers/registrations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:malformed-json"));
    }

    @Test
    void shouldRejectMissingFieldsNamingEach() {
        Map<String, Object> partial = Map.of("source", "SISKOP2MI", "nik", TestWorkers.nik());

        register(connector(), partial)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body(
                        "errors.field",
                        hasItems("sourceRecordId", "fullName", "birthDate", "sex", "destinationCountry", "phase"));
    }

    @Test
    void shouldRejectUnknownEnumValueNamingTheField() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("sex", "X");

        register(connector(), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-json-value"))
                .body("errors[0].field", equalTo("sex"));
    }

    @Test
    void shouldKeepRecordAndFlagNikThatDisagreesWithBirthDateAndSex() {
        String nik = TestWorkers.nik(LocalDate.of(1988, 3, 2), false);
        Map<String, Object> body = registration("SISKOP2MI", nik);
        body.put("birthDate", "1988-03-20");
        body.put("sex", "F");

        String workerId = register(connector(), body)
                .statusCode(201)
                .body("flags", containsInAnyOrder("NIK_BIRTH_DATE_MISMATCH", "NIK_SEX_MISMATCH"))
                .extract()
                .path("workerId");

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/workers/" + workerId)
                .then()
                .statusCode(200)
                .body("flags", containsInAnyOrder("NIK_BIRTH_DATE_MISMATCH", "NIK_SEX_MISMATCH"))
                .body("birthDate", equalTo("1988-03-20"));
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForWrongRole() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/workers/registrations")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        register(Tokens.user("security.auditor"), body)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        register(Tokens.user("platform.admin"), body)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
    }

    @Test
    void shouldRefuseSourceOfAnotherAgency() {
        Map<String, Object> peduliWni = registration("PEDULI_WNI", TestWorkers.nik());
        Map<String, Object> siskop2mi = registration("SISKOP2MI", TestWorkers.nik());

        register(connector(), peduliWni).statusCode(403).body("type", equalTo("urn:sinergi:problem:source-not-yours"));
        register(portal(), siskop2mi).statusCode(403).body("type", equalTo("urn:sinergi:problem:source-not-yours"));
        register(Tokens.user("p2mi.officer"), peduliWni)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:source-not-yours"));
        register(Tokens.user("consul.kl"), siskop2mi)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:source-not-yours"));

        assertThat(countSourceRecords((String) peduliWni.get("sourceRecordId"))).isZero();
        assertThat(countSourceRecords((String) siskop2mi.get("sourceRecordId"))).isZero();
    }

    @Test
    void shouldLetConsularOfficerRegisterPeduliWniRecord() {
        Map<String, Object> body = registration("PEDULI_WNI", TestWorkers.nik());

        register(Tokens.user("consul.hk"), body).statusCode(201).body("outcome", equalTo("CREATED"));
    }

    @Test
    void shouldDocumentEveryOperationInOpenApi() {
        given().accept("application/json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/workers/registrations'.post.summary", startsWith("Register"))
                .body("paths.'/api/workers/{id}/placement'.get.responses.'503'.description", endsWith("disclosed"))
                .body("components.schemas.keySet()", hasItem("Problem"));
    }

    /** The worker's row and its source records' rows as text: equal lists mean nothing was written. */
    private List<String> storedState(String workerId) {
        return query(
                "SELECT w.version || ' ' || w.updated_at || ' ' || s.updated_at || ' ' || s.content_hash"
                        + " FROM worker w JOIN source_record s ON s.worker_id = w.id WHERE w.id = ?::uuid",
                workerId);
    }

    private long countWorkersWithNik(String nik) {
        return Long.parseLong(
                query("SELECT count(*) FROM worker WHERE nik = ?", nik).get(0));
    }

    /** Puts the value at a field of the body, one level deep at most ({@code placement.departureDate}). */
    @SuppressWarnings("unchecked")
    private static void putAt(Map<String, Object> body, String field, Object value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            body.put(field, value);
        } else {
            ((Map<String, Object>) body.get(field.substring(0, dot))).put(field.substring(dot + 1), value);
        }
    }

    private long countSourceRecords(String sourceRecordId) {
        return Long.parseLong(query("SELECT count(*) FROM source_record WHERE source_record_id = ?", sourceRecordId)
                .get(0));
    }

    private List<String> query(String sql, String parameter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
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

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** GET /api/workers/{id} as the demo user. */
    private static ValidatableResponse readWorker(String user, String workerId) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/workers/" + workerId)
                .then();
    }

    /**
     * GET /api/workers/{id} as the demo user for a purpose; FRAUD_PREVENTION lets either agency see the other's
     * identity data (legitimate interest), and with it the flags that compare the two sources.
     */
    private static ValidatableResponse readWorker(String user, String workerId, String purpose) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParam("purpose", purpose)
                .when()
                .get("/api/workers/" + workerId)
                .then();
    }
}
