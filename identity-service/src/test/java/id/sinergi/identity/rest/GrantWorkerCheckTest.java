package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * consent-service, run beside this service by the tests, checks the worker of every grant here, in the
 * identity-service under test, with the token of whoever records the grant: the real check across both services.
 */
@QuarkusTest
@IdentityTestResource
class GrantWorkerCheckTest {

    private static final String PURPOSE = "PROTECTION_CASE_HANDLING";

    @Inject
    DataSource dataSource;

    @Test
    void shouldRecordAGrantForAKnownWorkerReadHereWithTheOfficersOwnToken() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        TestConsents.record(Tokens.user("p2mi.officer"), workerId, PURPOSE, List.of("PLACEMENT"))
                .statusCode(201)
                .body("workerId", equalTo(workerId));

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.read\""))
                .singleElement()
                .asString()
                .contains("\"username\":\"p2mi.officer\"")
                .doesNotContain("\"purpose\"");
    }

    @Test
    void shouldRefuseAGrantForAWorkerThisServiceDoesNotKnow() {
        String unknown = UUID.randomUUID().toString();

        TestConsents.record(Tokens.user("p2mi.officer"), unknown, PURPOSE, List.of("PLACEMENT"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:unknown-worker"))
                .body("errors.field", contains("workerId"));

        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("workerId", unknown)
                .when()
                .get(TestConsents.consentService() + "/api/consents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void shouldRecordTheWorkersOwnGrantFromTheirAppWhichMayReadTheWorkerById() {
        String workerId = TestWorkers.registered(registration("PEDULI_WNI", TestWorkers.nik()));

        TestConsents.record(Tokens.client("peduli-wni-portal"), workerId, PURPOSE, List.of("PLACEMENT"))
                .statusCode(201)
                .body("workerId", equalTo(workerId))
                .body("capture.channel", equalTo("SELF_SERVICE"));
    }

    @Test
    void shouldRecordAGrantNamingAMergedWorkerForTheWorkerItWasMergedInto() {
        String survivor = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        Map<String, Object> passportOnly = registration("PEDULI_WNI", TestWorkers.nik());
        passportOnly.remove("nik");
        String merged = TestWorkers.registered(passportOnly);
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .contentType(ContentType.JSON)
                .body(Map.of("workerId", merged, "reason", "one person registered twice at the embassy"))
                .when()
                .post("/api/workers/" + survivor + "/merge")
                .then()
                .statusCode(200);

        TestConsents.record(Tokens.user("p2mi.officer"), merged, PURPOSE, List.of("PLACEMENT"))
                .statusCode(201)
                .body("workerId", equalTo(survivor));
    }
}
