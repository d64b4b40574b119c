package id.sinergi.audit.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.AuditTestResource;
import id.sinergi.devstack.TokenClient;
import id.sinergi.devstack.testing.SinergiTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The security team's login at a terminal, where production has no password grant: the realm's public
 * {@code sinergi-audit-cli} client runs the device authorization grant (RFC 8628) against the real Keycloak. The
 * test plays both sides, the terminal polling the token endpoint and the auditor signing in at the verification
 * page and granting the device access; the token it gets reads the log's events, and another client's code is
 * refused.
 */
@QuarkusTest
@AuditTestResource
class DeviceLoginTest {

    private static final String CLIENT = "sinergi-audit-cli";
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Pattern CONSENT_ACTION = Pattern.compile("action=\"([^\"]*login-actions/consent[^\"]*)\"");
    private static final Pattern CONSENT_CODE = Pattern.compile("name=\"code\" value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @Test
    void anAuditorSignedInAtTheVerificationPageGetsATokenThatReadsTheLog() throws Exception {
        JsonPath device = authorizeDevice();
        Response pending = pollToken(device.getString("device_code"), CLIENT);

        signIn(device.getString("verification_uri_complete"), "security.auditor");
        Response granted = pollUntilAnswered(device);

        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(pending.jsonPath().getString("error")).isEqualTo("authorization_pending");
        assertThat(granted.statusCode()).as(granted.asString()).isEqualTo(200);
        String token = granted.jsonPath().getString("access_token");
        given().auth()
                .oauth2(token)
                .when()
                .get("/api/audit-events")
                .then()
                .statusCode(200)
                .body("events", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theDeviceCodeIsNoOtherClientsAndTheClientHasNoPasswordGrant() {
        JsonPath device = authorizeDevice();

        Response otherClient = pollToken(device.getString("device_code"), "sinergi-cli");
        Response password = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT)
                .formParam("username", "security.auditor")
                .formParam("password", TokenClient.DEMO_PASSWORD)
                .post(tokenUrl());

        assertThat(otherClient.statusCode()).isBetween(400, 401);
        assertThat(otherClient.jsonPath().getString("error")).isNotEqualTo("authorization_pending");
        assertThat(password.statusCode()).isBetween(400, 401);
        assertThat(password.jsonPath().getString("access_token")).isNull();
    }

    private static JsonPath authorizeDevice() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("client_id", CLIENT)
                .post(SinergiTestResource.realmUrl() + "/protocol/openid-connect/auth/device")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The terminal's side: polls at the interval the device answer gave, as RFC 8628 asks, until it is answered. */
    private static Response pollUntilAnswered(JsonPath device) throws InterruptedException {
        long interval = device.getLong("interval");
        for (int attempt = 0; ; attempt++) {
            Thread.sleep(Duration.ofSeconds(interval).toMillis());
            Response answer = pollToken(device.getString("device_code"), CLIENT);
            String error = answer.statusCode() == 200 ? null : answer.jsonPath().getString("error");
            if (attempt == 5 || !"authorization_pending".equals(error) && !"slow_down".equals(error)) {
                return answer;
            }
            if ("slow_down".equals(error)) {
                interval += 5;
            }
        }
    }

    private static Response pollToken(String deviceCode, String clientId) {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", DEVICE_GRANT)
                .formParam("client_id", clientId)
                .formParam("device_code", deviceCode)
                .post(tokenUrl());
    }

    /** The auditor's browser: opens the verification page, which asks for a login, and submits the login form. */
    private static void signIn(String verificationUrl, String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new PlainHttpCookies())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> loginPage = browser.send(
                HttpRequest.newBuilder(URI.create(verificationUrl)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        assertThat(action.find())
                .as("a login form at the verification page: %s", loginPage.body())
                .isTrue();

        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TokenClient.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);

        // Keycloak asks the signed-in user whether the device may have access: the auditor grants it.
        Matcher consent = CONSENT_ACTION.matcher(signedIn.body());
        Matcher code = CONSENT_CODE.matcher(signedIn.body());
        assertThat(consent.find() && code.find())
                .as("the grant page: %s", signedIn.body())
                .isTrue();
        HttpResponse<String> granted = browser.send(
                HttpRequest.newBuilder(URI.create(verificationUrl)
                                .resolve(consent.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("code=" + code.group(1) + "&accept=Yes"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(200);
    }

    /**
     * The browser's cookie jar for the test Keycloak on plain HTTP at 127.0.0.1: Keycloak marks its login cookies
     * Secure, which {@link java.net.CookieManager} then keeps to HTTPS; a browser treats 127.0.0.1 as a secure
     * origin and sends them, and so does this jar (every cookie to the one host the test talks to).
     */
    private static final class PlainHttpCookies extends CookieHandler {

        private final Map<String, String> cookies = new ConcurrentHashMap<>();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (cookies.isEmpty()) {
                return Map.of();
            }
            String header = cookies.entrySet().stream()
                    .map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "));
            return Map.of("Cookie", List.of(header));
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.entrySet().stream()
                    .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase("Set-Cookie"))
                    .flatMap(h -> h.getValue().stream())
                    .flatMap(line -> HttpCookie.parse(line).stream())
                    .forEach(c -> {
                        if (c.getMaxAge() == 0) {
                            cookies.remove(c.getName());
                        } else {
                            cookies.put(c.getName(), c.getValue());
                        }
                    });
        }
    }

    private static String tokenUrl() {
        return SinergiTestResource.realmUrl() + "/protocol/openid-connect/token";
    }
}
