package id.sinergi.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console behind an ingress that ends TLS (the chart sets SINERGI_CONSOLE_FORCE_HTTPS=true when the console's
 * public address is https): the request reaches the service over plain HTTP with the public Host header, and the
 * redirect URI sent to Keycloak is still https on that host, which the realm's redirect URIs accept.
 */
@QuarkusTest
@AuditTestResource
@TestProfile(ConsoleBehindTlsProxyTest.ForceHttps.class)
class ConsoleBehindTlsProxyTest {

    /** What the chart sets for an https console.publicUrl. */
    public static class ForceHttps implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("SINERGI_CONSOLE_FORCE_HTTPS", "true");
        }
    }

    @Test
    void shouldSendAnHttpsRedirectUriForThePublicHostOverPlainHttp() {
        Response response = given().redirects()
                .follow(false)
                .header("Host", "audit.sinergi.example")
                .when()
                .get("/console")
                .then()
                .extract()
                .response();

        assertThat(response.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(response.header("Location"), StandardCharsets.UTF_8);
        assertThat(location).contains("/protocol/openid-connect/auth?").contains("client_id=security-console");
        assertThat(location).contains("redirect_uri=https://audit.sinergi.example/console");
    }
}
