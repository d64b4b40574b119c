package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ConsentTestResource
class ConsentResourceTest {

    @Inject
    DataSource dataSource;

    private static Map<String, Object> grantBody(UUID worker, Instant until) {
        return Map.of(
                "workerId", worker,
                "receivingAgency", "KEMLU",
                "purposes", List.of("PROTECTION_CASE_HANDLING"),
                "dataCategories", List.of("IDENTITY", "PLACEMENT"),
                "validUntil", until.toString());
    }

    private static Map<String, Object> grantBody(UUID worker, String agency, Instant from, Instant until) {
        Map<String, Object> body = new HashMap<>(grantBody(worker, until));
        body.put("receivingAgency", agency);
        if (from != null) {
            body.put("validFrom", from.toString());
        }
        return body;
    }

    private static io.restassured.response.ValidatableResponse postGrant(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then();
    }

    private static io.restassured.response.ValidatableResponse listGrants(UUID worker) {
        return given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("workerId", worker.toString())
                .when()
                .get("/api/consents")
                .then();
    }

    private static Instant inDays(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS);
    }

    private static String grant(UUID worker) {
        return given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(grantBody(worker, Instant.now().plus(365, ChronoUnit.DAYS)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse decide(
            String user, UUID worker, String agency, String category) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "workerId", worker,
                        "requestingAgency", agency,
                        "purpose", "PROTECTION_CASE_HANDLING",
                        "dataCategory", category))
                .when()
                .post("/api/consent-decisions")
                .then();
    }

    @Test
    void shouldPermitWhileGrantInForceAndDenyAfterRevocation() {
        UUID worker = Workers.register();
        String grantId = grant(worker);

        decide("consul.kl", worker, "KEMLU", "PLACEMENT")
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("CONSENT"))
                .body("grantId", equalTo(grantId));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker withdrew consent at the LTSA"))
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));

        decide("consul.kl", worker, "KEMLU", "PLACEMENT")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GRANT_REVOKED"))
                .body("grantId", equalTo(grantId));
    }

    @Test
    void shouldDenyCategoryTheGrantDoesNotCover() {
        UUID worker = Workers.register();
        grant(worker);

        decide("consul.kl", worker, "KEMLU", "HEALTH")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("CATEGORY_NOT_COVERED"));
    }

    @Test
    void shouldDenyWorkerWithoutGrant() {
        decide("consul.kl", UUID.randomUUID(), "KEMLU", "PLACEMENT")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_GRANT"));
    }

    @Test
    void shouldRefuseDecisionForAnotherAgency() {
        decide("consul.kl", UUID.randomUUID(), "KEMENP2MI", "PLACEMENT")
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:other-agency"));
    }

    @Test
    void shouldAnswer401WithoutTokenAnd403ForWrongRole() {
        given().contentType(ContentType.JSON)
                .body(grantBody(UUID.randomUUID(), Instant.now().plusSeconds(3600)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));

        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .contentType(ContentType.JSON)
                .body(grantBody(UUID.randomUUID(), Instant.now().plusSeconds(3600)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
    }

    @Test
    void shouldRejectInvalidGrantsNamingTheFieldAndStoreNothing() {
        UUID worker = Workers.register();

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(grantBody(worker, Instant.now().minusSeconds(60)))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("validUntil"));
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("workerId", worker, "receivingAgency", "KEMLU"))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", hasItem("purposes"))
                .body("errors.field", hasItem("validUntil"));
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body("{\"workerId\": \"" + worker + "\", \"receivingAgency\": \"NASA\"}")
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("receivingAgency"));
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body("{\"workerId\": ")
                .when()
                .post("/api/consents")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:malformed-json"));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("workerId", worker.toString())
                .when()
                .get("/api/consents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseAGrantForAWorkerIdentityServiceDoesNotKnowAndStoreNothing() {
        UUID unknown = UUID.randomUUID();
        int before = Workers.identityArrivals();

        postGrant(Tokens.user("p2mi.officer"), grantBody(unknown, "KEMLU", null, inDays(30)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:unknown-worker"))
                .body("errors.field", contains("workerId"));
        postGrant(Tokens.client("peduli-wni-portal"), grantBody(unknown, "KEMLU", null, inDays(30)))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-worker"));

        assertThat(Workers.identityArrivals() - before)
                .as("worker reads in identity-service")
                .isEqualTo(2);
        assertThat(ConsentApi.rows(dataSource, "SELECT id FROM consent_grant WHERE worker_id = ?", unknown))
                .isEmpty();
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, unknown.toString()))
                .isEmpty();
    }

    @Test
    void shouldCheckNoWorkerForAGrantItRefusesOnItsOwn() {
        UUID worker = Workers.register();
        int before = Workers.identityArrivals();

        postGrant(Tokens.user("consul.kl"), grantBody(worker, "KEMLU", null, inDays(30)))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:self-grant"));
        postGrant(Tokens.user("p2mi.officer"), grantBody(worker, "KEMLU", inDays(400), inDays(500)))
                .statusCode(400);

        assertThat(Workers.identityArrivals()).isEqualTo(before);
    }

    @Test
    void shouldAuditDecisionsInTheOutbox() {
        UUID worker = Workers.register();

        decide("consul.kl", worker, "KEMLU", "PLACEMENT").statusCode(200);

        List<String> payloads = AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString());
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0))
                .contains("\"action\":\"consent.decision\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.kl\"")
                .contains("\"mission\":\"KBRI-KUALALUMPUR\"");
    }

    @Test
    void shouldRefuseConsularOfficerRecordingConsentToKemluAndStoreNothing() {
        UUID worker = Workers.register();

        postGrant(Tokens.user("consul.kl"), grantBody(worker, "KEMLU", null, inDays(30)))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:self-grant"))
                .body("detail", startsWith("a receiving agency cannot record consent to itself"));

        listGrants(worker).statusCode(200).body("size()", equalTo(0));
        decide("consul.kl", worker, "KEMLU", "PLACEMENT").statusCode(200).body("reason", equalTo("NO_GRANT"));
    }

    @Test
    void shouldRefuseEveryOfficerRecordingConsentToTheirOwnAgency() {
        UUID worker = Workers.register();

        postGrant(Tokens.user("p2mi.officer"), grantBody(worker, "KEMENP2MI", null, inDays(30)))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:self-grant"));
        postGrant(Tokens.user("pwni.hq"), grantBody(worker, "KEMLU", null, inDays(30)))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:self-grant"));

        listGrants(worker).statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldAuditARefusedSelfGrantAsDenied() {
        UUID worker = Workers.register();

        postGrant(Tokens.user("consul.kl"), grantBody(worker, "KEMLU", null, inDays(30)))
                .statusCode(403);

        List<String> payloads = AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString());
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0))
                .contains("\"action\":\"consent.grant\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.kl\"")
                .contains("self-grant");
    }

    @Test
    void shouldLetConsularOfficerRecordConsentToTheOtherMinistry() {
        UUID worker = Workers.register();

        postGrant(Tokens.user("consul.kl"), grantBody(worker, "KEMENP2MI", null, inDays(30)))
                .statusCode(201)
                .body("receivingAgency", equalTo("KEMENP2MI"))
                .body("status", equalTo("ACTIVE"));

        listGrants(worker).statusCode(200).body("receivingAgency", contains("KEMENP2MI"));
    }

    @Test
    void shouldLetTheWorkersOwnChannelsRecordConsentToEitherAgency() {
        UUID worker = Workers.register();

        postGrant(Tokens.client("peduli-wni-portal"), grantBody(worker, "KEMLU", null, inDays(30)))
                .statusCode(201)
                .body("receivingAgency", equalTo("KEMLU"));
        postGrant(Tokens.client("siskop2mi-connector"), grantBody(worker, "KEMENP2MI", null, inDays(30)))
                .statusCode(201)
                .body("receivingAgency", equalTo("KEMENP2MI"));

        listGrants(worker).statusCode(200).body("receivingAgency", contains("KEMLU", "KEMENP2MI"));
    }

    @Test
    void shouldRejectBackdatedValidFromNamingTheFieldAndStoreNothing() {
        UUID worker = Workers.register();
        Instant anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS);

        postGrant(Tokens.user("p2mi.officer"), grantBody(worker, "KEMLU", anHourAgo, inDays(30)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:validity-window"))
                .body("errors.field", contains("validFrom"));

        listGrants(worker).statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldRejectValidFromMoreThanAYearAheadNamingTheField() {
        UUID worker = Workers.register();

        postGrant(Tokens.user("p2mi.officer"), grantBody(worker, "KEMLU", inDays(400), inDays(500)))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validity-window"))
                .body("errors.field", contains("validFrom"));

        listGrants(worker).statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldAcceptValidFromAMinuteAgoAndAMonthAhead() {
        UUID worker = Workers.register();
        Instant aMinuteAgo = Instant.now().minus(1, ChronoUnit.MINUTES);

        postGrant(Tokens.user("p2mi.officer"), grantBody(worker, "KEMLU", aMinuteAgo, inDays(30)))
                .statusCode(201);
        postGrant(Tokens.user("p2mi.officer"), grantBody(worker, "KEMLU", inDays(30), inDays(60)))
                .statusCode(201);

        listGrants(worker).statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void shouldReadOneGrantForAnOfficer() {
        UUID worker = Workers.register();
        String grantId = grant(worker);

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/consents/" + grantId)
                .then()
                .statusCode(200)
                .body("id", equalTo(grantId))
                .body("workerId", equalTo(worker.toString()))
                .body("receivingAgency", equalTo("KEMLU"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldAnswer404ForAnUnknownGrant() {
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/consents/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }

    @Test
    void shouldFindNoResourceAtAPathSegmentThatIsNoGrantId() {
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/consents/active")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:http-404"));
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker withdrew consent at the LTSA"))
                .when()
                .post("/api/consents/active/revocation")
                .then()
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:http-404"));
    }

    @Test
    void shouldRefuseReadingOneGrantWithoutTokenOrWithWrongRole() {
        String grantId = grant(Workers.register());

        given().when().get("/api/consents/" + grantId).then().statusCode(401);
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/consents/" + grantId)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
    }

    @Test
    void shouldRefuseListingWithoutTokenOrWithWrongRole() {
        UUID worker = Workers.register();
        grant(worker);

        given().queryParam("workerId", worker.toString())
                .when()
                .get("/api/consents")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("workerId", worker.toString())
                .when()
                .get("/api/consents")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
    }

    @Test
    void shouldRefuseRevocationWithoutTokenOrWithWrongRoleAndKeepTheGrant() {
        UUID worker = Workers.register();
        String grantId = grant(worker);
        Map<String, Object> body = Map.of("reason", "worker withdrew consent");

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.user("platform.admin"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));

        listGrants(worker).statusCode(200).body("status", contains("ACTIVE"));
    }

    @Test
    void shouldLetTheWorkersChannelRevokeAGrant() {
        UUID worker = Workers.register();
        String grantId = grant(worker);

        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker withdrew consent in the portal"))
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
    }

    @Test
    void shouldRefuseDecisionsWithoutTokenOrWithWrongRole() {
        Map<String, Object> body = Map.of(
                "workerId", UUID.randomUUID(),
                "requestingAgency", "KEMLU",
                "purpose", "PROTECTION_CASE_HANDLING",
                "dataCategory", "PLACEMENT");

        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consent-decisions")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consent-decisions")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
    }

    @Test
    void shouldLetASinergiServiceAskForAnyAgency() {
        UUID worker = Workers.register();
        String grantId = grant(worker);

        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "workerId", worker,
                        "requestingAgency", "KEMLU",
                        "purpose", "PROTECTION_CASE_HANDLING",
                        "dataCategory", "PLACEMENT"))
                .when()
                .post("/api/consent-decisions")
                .then()
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("grantId", equalTo(grantId));
    }
}
