package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The RestAssured logging devstack's test resource sets up for every service's tests. */
@QuarkusTest
@ConsentTestResource
class FailedCheckLoggingTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The test resource's configuration, printing into {@link #out} instead of the console. */
    private RestAssuredConfig capturing() {
        PrintStream stream = new PrintStream(out, true, StandardCharsets.UTF_8);
        return RestAssured.config()
                .logConfig(RestAssured.config().getLogConfig().defaultStream(stream));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Throwable expectOkFrom(RequestSpecification request) {
        return catchThrowable(
                () -> request.when().get("/api/consents/active").then().statusCode(200));
    }

    @Test
    void shouldPrintAFailedExchangeWithTheAuthorizationHeaderBlacklisted() {
        String token = Tokens.user("p2mi.officer");

        Throwable failure = expectOkFrom(given().config(capturing()).header("Authorization", "Bearer " + token));

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(printed())
                .contains("GET", "/api/consents/active", "404", "urn:sinergi:problem:http-404")
                .contains("Authorization=[ BLACKLISTED ]")
                .doesNotContain(token);
    }

    @Test
    void shouldPrintNoTokenGivenThroughOauth2() {
        String token = Tokens.user("p2mi.officer");

        Throwable failure = expectOkFrom(given().config(capturing()).auth().oauth2(token));

        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(printed()).contains("/api/consents/active").doesNotContain(token);
    }

    @Test
    void shouldPrintNothingWhenEveryCheckHolds() {
        given().config(capturing())
                .auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/consents/active")
                .then()
                .statusCode(404);

        assertThat(printed()).isEmpty();
    }
}
