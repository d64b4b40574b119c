package id.sinergi.consent;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.IdentityStandIn;
import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Registers workers in the identity-service stand-in the tests run beside ({@link IdentityStandIn}), which
 * consent-service asks whether a grant's worker exists, and switches it between answering, holding and dropping.
 */
public final class Workers {

    private Workers() {}

    /** A worker identity-service knows. */
    public static UUID register() {
        String id = given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .contentType(ContentType.JSON)
                .body(Map.of("source", "SISKOP2MI", "sourceRecordId", "SK-" + UUID.randomUUID()))
                .when()
                .post(identityUrl() + "/api/workers/registrations")
                .then()
                .statusCode(201)
                .extract()
                .path("workerId");
        return UUID.fromString(id);
    }

    /** Worker reads from now on: {@code answer}, {@code hold} (no answer until the mode changes) or {@code reset}. */
    static void identityMode(String mode) {
        given().when().put(identityUrl() + "/stand-in/mode/" + mode).then().statusCode(204);
    }

    /** How many worker reads reached identity-service so far. */
    static int identityArrivals() {
        return Integer.parseInt(given().when()
                .get(identityUrl() + "/stand-in/arrivals")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    static String identityUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.identity-service.url", String.class);
    }
}
