package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.SinergiTestResource;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * identity-service with consent-service out of reach: reads that need a consent decision are refused (fail closed),
 * reads that need none (own records, or no purpose declared) are served.
 */
@QuarkusTest
@TestProfile(ConsentUnavailableTest.ConsentServiceDown.class)
class ConsentUnavailableTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldWithholdPlacementFromKemluWith503AndAuditTheFailure() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .queryParam("purpose", "REPATRIATION")
                .when()
                .get("/api/workers/" + workerId + "/placement")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:consent-unavailable"))
                .body("employerName", nullValue());

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.placement.read\""))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"FAILED\"")
                .contains("\"purpose\":\"REPATRIATION\"")
                .contains("CONSENT_UNAVAILABLE");
    }

    @Test
    void shouldKeepAnswering503OnceTheCircuitBreakerOpens() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        for (int i = 0; i < 15; i++) {
            given().auth()
                    .oauth2(Tokens.user("consul.kl"))
                    .queryParam("purpose", "PROTECTION_CASE_HANDLING")
                    .when()
                    .get("/api/workers/" + workerId + "/placement")
                    .then()
                    .statusCode(503)
                    .body("type", equalTo("urn:sinergi:problem:consent-unavailable"));
        }

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.placement.read\""))
                .hasSize(15)
                .allMatch(p -> p.contains("\"outcome\":\"FAILED\""))
                .anyMatch(p -> p.contains("CircuitBreakerOpenException"));
    }

    @Test
    void shouldServeKemenP2miWithoutAskingConsentService() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("purpose", "REPATRIATION")
                .when()
                .get("/api/workers/" + workerId + "/placement")
                .then()
                .statusCode(200)
                .body("basis", equalTo("LEGAL_OBLIGATION"));
    }

    @Test
    void shouldRefuseAWorkerReadNeedingConsentWith503AndAuditTheFailure() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .queryParam("purpose", "PROTECTION_CASE_HANDLING")
                .when()
                .get("/api/workers/" + workerId)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:consent-unavailable"))
                .body("fullName", nullValue());

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.read\""))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"FAILED\"")
                .contains("\"purpose\":\"PROTECTION_CASE_HANDLING\"")
                .contains("CONSENT_UNAVAILABLE");
    }

    @Test
    void shouldRefuseASearchNeedingConsentWith503() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType("application/json")
                .body(Map.of("nik", nik))
                .queryParam("purpose", "PROTECTION_CASE_HANDLING")
                .when()
                .post("/api/workers/search")
                .then()
                .statusCode(503)
                .body("type", equalTo("urn:sinergi:problem:consent-unavailable"))
                .body("matches", nullValue());

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.search\""))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"FAILED\"")
                .contains("by=nik CONSENT_UNAVAILABLE");
    }

    @Test
    void shouldServeReadsThatNeedNoConsentDecision() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/workers/" + workerId)
                .then()
                .statusCode(200)
                .body("fullName", nullValue())
                .body("disclosure.withheld.reason", contains("NO_PURPOSE", "NO_PURPOSE"));
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("purpose", "PROTECTION_CASE_HANDLING")
                .when()
                .get("/api/workers/" + workerId)
                .then()
                .statusCode(200)
                .body("fullName", equalTo(body.get("fullName")));
    }

    /** The usual database and Keycloak, no consent-service, and its URL pointing at a port nobody listens on. */
    public static class ConsentServiceDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.consent-service.url", "http://127.0.0.1:" + closedPort());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(
                    new TestResourceEntry(SinergiTestResource.class, Map.of("database", "sinergi_identity_test")));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
