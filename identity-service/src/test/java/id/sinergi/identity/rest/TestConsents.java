package id.sinergi.identity.rest;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Grants and revocations in the consent-service the tests started, recorded by a KemenP2MI officer at the LTSA. */
final class TestConsents {

    private TestConsents() {}

    /** consent-service as the tests started it, reached directly like the Peduli WNI portal would. */
    static String consentService() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.consent-service.url", String.class);
    }

    /** A grant to Kemlu for one purpose and these categories, in force for half a year; its id. */
    static String grantToKemlu(String workerId, String purpose, List<String> categories) {
        return record(Tokens.user("p2mi.officer"), workerId, purpose, categories)
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Asks consent-service, with the token, to record a grant to Kemlu for the purpose and categories, in force for
     * half a year; consent-service checks the worker here, in the identity-service under test, with that token.
     */
    static ValidatableResponse record(String token, String workerId, String purpose, List<String> categories) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "workerId",
                        workerId,
                        "receivingAgency",
                        "KEMLU",
                        "purposes",
                        List.of(purpose),
                        "dataCategories",
                        categories,
                        "validUntil",
                        Instant.now().plus(180, ChronoUnit.DAYS).toString()))
                .when()
                .post(consentService() + "/api/consents")
                .then();
    }

    static void revoke(String grantId) {
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker withdrew consent at the LTSA"))
                .when()
                .post(consentService() + "/api/consents/" + grantId + "/revocation")
                .then()
                .statusCode(200);
    }
}
