package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.LogConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The RestAssured logging devstack's test resource sets up for every service's tests. */
@QuarkusTest
@ConsentTestResource
class FailedCheckLoggingTest {

    @Test
    void shouldPrintAFailedExchangeWithoutTheBearerToken() {
        String token = Tokens.user("p2mi.officer");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogConfig log = RestAssured.config().getLogConfig().defaultStream(new PrintStream(out, true));

        Throwable failure =
                catchThrowable(() -> given().config(RestAssured.config().logConfig(log))
                        .auth()
                        .oauth2(token)
                        .when()
                        .get("/api/consents/active")
                        .then()
                        .statusCode(200));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(failure).isInstanceOf(AssertionError.class);
        assertThat(printed).contains("/api/consents/active").contains("404").contains("Authorization");
        assertThat(printed).doesNotContain(token);
    }

    @Test
    void shouldPrintNothingWhenEveryCheckHolds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LogConfig log = RestAssured.config().getLogConfig().defaultStream(new PrintStream(out, true));

        given().config(RestAssured.config().logConfig(log))
                .auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/consents/active")
                .then()
                .statusCode(404);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
