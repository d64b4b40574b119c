package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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
        UUID worker = UUID.randomUUID();
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
        UUID worker = UUID.randomUUID();
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
        UUID worker = UUID.randomUUID();

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
    void shouldAuditDecisionsInTheOutbox() {
        UUID worker = UUID.randomUUID();

        decide("consul.kl", worker, "KEMLU", "PLACEMENT").statusCode(200);

        List<String> payloads = AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString());
        assertThat(payloads).hasSize(1);
        assertThat(payloads.get(0))
                .contains("\"action\":\"consent.decision\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.kl\"")
                .contains("\"mission\":\"KBRI-KUALALUMPUR\"");
    }
}
