package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ConsentTestResource
class CallerResourceTest {

    @Test
    void shouldNameTheCallerAsTheTokenDoes() {
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/caller")
                .then()
                .statusCode(200)
                .body("username", equalTo("consul.kl"))
                .body("agency", equalTo("KEMLU"))
                .body("mission", equalTo("KBRI-KUALALUMPUR"))
                .body("roles", hasItem("consular-officer"));
    }

    @Test
    void shouldNameAServiceAccountByItsClient() {
        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .when()
                .get("/api/caller")
                .then()
                .statusCode(200)
                .body("clientId", equalTo("identity-service"))
                .body("roles", hasItem("sinergi-service"));
    }

    @Test
    void shouldRefuseACallWithoutAToken() {
        given().when().get("/api/caller").then().statusCode(401);
    }
}
