package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@IdentityTestResource
class WorkerResourceTest {

    private static final String PURPOSE = "PROTECTION_CASE_HANDLING";

    @Inject
    DataSource dataSource;

    private static ValidatableResponse read(String token, String workerId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/workers/" + workerId)
                .then();
    }

    private static ValidatableResponse search(String token, Map<String, Object> criteria) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(criteria)
                .when()
                .post("/api/workers/search")
                .then();
    }

    private static ValidatableResponse placement(String token, String workerId, String purpose) {
        return given().auth()
                .oauth2(token)
                .queryParam("purpose", purpose)
                .when()
                .get("/api/workers/" + workerId + "/placement")
                .then();
    }

    private static String grantPlacementToKemlu(String workerId) {
        return TestConsents.grantToKemlu(workerId, PURPOSE, List.of("IDENTITY", "PLACEMENT"));
    }

    private List<String> placementEvents(String workerId) {
        return AuditOutboxProbe.payloadsMentioning(dataSource, workerId).stream()
                .filter(p -> p.contains("\"action\":\"worker.placement.read\""))
                .toList();
    }

    @Test
    void shouldReadWorkerAndAuditTheRead() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);

        read(Tokens.user("p2mi.officer"), workerId)
                .statusCode(200)
                .body("id", equalTo(workerId))
                .body("nik", equalTo(body.get("nik")))
                .body("assurance", equalTo("NIK_VERIFIED"))
                .body("fullName", equalTo(body.get("fullName")))
                .body("birthDate", equalTo(body.get("birthDate")))
                .body("birthPlace", equalTo("Kota Jakarta Pusat"))
                .body("sex", equalTo("M"))
                .body("destinationCountry", equalTo("MY"))
                .body("phase", equalTo("PRE_DEPARTURE"))
                .body("passportNumbers", contains(TestWorkers.passportOf(body)))
                .body("provenance.fullName.sourceRecordKey", equalTo(body.get("sourceRecordId")))
                .body("flags", empty())
                .body("sources[0].source", equalTo("SISKOP2MI"))
                .body("sources[0].sourceRecordId", equalTo(body.get("sourceRecordId")));

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.read\""))
                .singleElement()
                .asString()
                .contains("\"username\":\"p2mi.officer\"");
    }

    @Test
    void shouldAnswer404ForUnknownWorker() {
        read(Tokens.user("p2mi.officer"), UUID.randomUUID().toString())
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForWrongRoleOnRead() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().when().get("/api/workers/" + workerId).then().statusCode(401);
        read(Tokens.user("security.auditor"), workerId).statusCode(403);
        read(Tokens.client("audit-service"), workerId).statusCode(403);
    }

    @Test
    void shouldFindWorkerByNikInTheBodyAndAuditWithoutTheNik() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));

        search(Tokens.user("p2mi.officer"), Map.of("nik", nik))
                .statusCode(200)
                .body("matches.id", contains(workerId))
                .body("matches[0].fullName", equalTo(TestWorkers.nameOf(nik)))
                .body("matches[0].nik", nullValue());

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.search\""))
                .singleElement()
                .asString()
                .contains("\"reason\":\"by=nik permitted=SISKOP2MI.IDENTITY:LEGAL_OBLIGATION");
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, nik)).isEmpty();
    }

    @Test
    void shouldFindEveryWorkerWithThePassportInTheBody() {
        String nik = TestWorkers.nik();
        Map<String, Object> siskop2mi = registration("SISKOP2MI", nik);
        Map<String, Object> peduliWni = registration("PEDULI_WNI", nik);
        String passport = TestWorkers.passportOf(siskop2mi);
        peduliWni.put("passport", TestWorkers.passport(passport));
        String workerId = TestWorkers.registered(siskop2mi);
        TestWorkers.register(Tokens.client("peduli-wni-portal"), peduliWni).statusCode(200);

        search(Tokens.client("peduli-wni-portal"), Map.of("passportNumber", passport))
                .statusCode(200)
                .body("matches.id", contains(workerId));

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, passport)).isEmpty();
    }

    @Test
    void shouldAnswerNoMatchesForUnknownNik() {
        String unknown = TestWorkers.nik();

        search(Tokens.user("p2mi.officer"), Map.of("nik", unknown))
                .statusCode(200)
                .body("matches", empty());
    }

    @Test
    void shouldRequireExactlyOneIdentifier() {
        Map<String, Object> both = Map.of("nik", TestWorkers.nik(), "passportNumber", TestWorkers.passport());

        search(Tokens.user("p2mi.officer"), both)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", containsInAnyOrder("nik", "passportNumber"));
        search(Tokens.user("p2mi.officer"), Map.of())
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"));
        search(Tokens.user("p2mi.officer"), Map.of("nik", "12345"))
                .statusCode(400)
                .body("errors.field", contains("nik"));
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForWrongRoleOnSearch() {
        Map<String, Object> criteria = Map.of("nik", TestWorkers.nik());

        given().contentType(ContentType.JSON)
                .body(criteria)
                .when()
                .post("/api/workers/search")
                .then()
                .statusCode(401);
        search(Tokens.user("security.auditor"), criteria).statusCode(403);
        search(Tokens.user("platform.admin"), criteria).statusCode(403);
    }

    @Test
    void shouldDisclosePlacementToKemluAfterConsentGrant() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        String grantId = grantPlacementToKemlu(workerId);

        placement(Tokens.user("consul.kl"), workerId, PURPOSE)
                .statusCode(200)
                .body("workerId", equalTo(workerId))
                .body("destinationCountry", equalTo("MY"))
                .body("employerName", equalTo("Syarikat Contoh Sdn Bhd"))
                .body("placementAgency", equalTo("PT Contoh Penempatan"))
                .body("occupation", equalTo("caregiver"))
                .body("departureDate", equalTo("2026-01-15"))
                .body("contractEndDate", equalTo("2028-01-14"))
                .body("basis", equalTo("CONSENT"))
                .body("grantId", equalTo(grantId));

        assertThat(placementEvents(workerId))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"SUCCESS\"")
                .contains("\"purpose\":\"" + PURPOSE + "\"")
                .contains("grant=" + grantId);
    }

    @Test
    void shouldDenyPlacementToKemluWithoutGrantAndAuditTheDenial() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        placement(Tokens.user("consul.kl"), workerId, PURPOSE)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:consent-denied"))
                .body("reason", equalTo("NO_GRANT"))
                .body("employerName", nullValue());

        assertThat(placementEvents(workerId))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"purpose\":\"" + PURPOSE + "\"")
                .contains("\"reason\":\"NO_GRANT\"");
    }

    @Test
    void shouldAskConsentOfTheSurvivorWhenAMergedWorkerIsReadByTheirOldId() {
        Map<String, Object> passportOnly = registration("PEDULI_WNI", TestWorkers.nik());
        passportOnly.remove("nik");
        String merged = TestWorkers.registered(passportOnly);
        String survivor = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        grantPlacementToKemlu(merged);
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .contentType(ContentType.JSON)
                .body(Map.of("workerId", merged, "reason", "one person registered twice"))
                .when()
                .post("/api/workers/" + survivor + "/merge")
                .then()
                .statusCode(200);

        placement(Tokens.user("consul.kl"), merged, PURPOSE)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:consent-denied"))
                .body("reason", equalTo("NO_GRANT"))
                .body("employerName", nullValue());

        assertThat(placementEvents(survivor))
                .singleElement()
                .asString()
                .contains("\"workerId\":\"" + survivor + "\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("merged-from=" + merged);
    }

    @Test
    void shouldDiscloseTheSurvivorsPlacementByAMergedIdOnTheSurvivorsGrant() {
        Map<String, Object> passportOnly = registration("PEDULI_WNI", TestWorkers.nik());
        passportOnly.remove("nik");
        String merged = TestWorkers.registered(passportOnly);
        String survivor = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        String grantId = grantPlacementToKemlu(survivor);
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .contentType(ContentType.JSON)
                .body(Map.of("workerId", merged, "reason", "one person registered twice"))
                .when()
                .post("/api/workers/" + survivor + "/merge")
                .then()
                .statusCode(200);

        placement(Tokens.user("consul.kl"), merged, PURPOSE)
                .statusCode(200)
                .body("workerId", equalTo(survivor))
                .body("grantId", equalTo(grantId));
    }

    @Test
    void shouldDenyPlacementToKemluAfterRevocation() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        String grantId = grantPlacementToKemlu(workerId);
        placement(Tokens.user("pwni.hq"), workerId, PURPOSE).statusCode(200);
        TestConsents.revoke(grantId);

        placement(Tokens.user("pwni.hq"), workerId, PURPOSE)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:consent-denied"))
                .body("reason", equalTo("GRANT_REVOKED"))
                .body("grantId", equalTo(grantId));

        assertThat(placementEvents(workerId))
                .extracting(p -> p.contains("\"outcome\":\"SUCCESS\"") ? "SUCCESS" : "DENIED")
                .containsExactly("SUCCESS", "DENIED");
    }

    @Test
    void shouldDisclosePlacementToKemenP2miWithoutConsent() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        placement(Tokens.user("p2mi.officer"), workerId, "REPATRIATION")
                .statusCode(200)
                .body("employerName", equalTo("Syarikat Contoh Sdn Bhd"))
                .body("basis", equalTo("LEGAL_OBLIGATION"))
                .body("grantId", nullValue());

        assertThat(placementEvents(workerId))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"SUCCESS\"")
                .contains("basis=LEGAL_OBLIGATION");
    }

    @Test
    void shouldAnswer404WhenNoSiskoP2miRecordHoldsAPlacement() {
        String workerId = TestWorkers.registered(registration("PEDULI_WNI", TestWorkers.nik()));

        placement(Tokens.user("p2mi.officer"), workerId, PURPOSE)
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }

    @Test
    void shouldRequireAKnownPurpose() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/workers/" + workerId + "/placement")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", contains("purpose"));
        placement(Tokens.user("consul.kl"), workerId, "MARKETING")
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-purpose"))
                .body("errors.field", contains("purpose"));
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForWrongRoleOnPlacement() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().queryParam("purpose", PURPOSE)
                .when()
                .get("/api/workers/" + workerId + "/placement")
                .then()
                .statusCode(401);
        placement(Tokens.user("security.auditor"), workerId, PURPOSE).statusCode(403);
        placement(Tokens.client("peduli-wni-portal"), workerId, PURPOSE).statusCode(403);
    }
}
