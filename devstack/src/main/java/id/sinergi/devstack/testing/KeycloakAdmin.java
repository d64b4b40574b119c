package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Keycloak's admin REST API on the test Keycloak, for the changes a test makes at run time and the realm file must
 * not carry: a redirect URI, an extra signing key, a second realm, a throwaway user.
 *
 * <p>LOCAL ONLY: signs in as the development Keycloak's bootstrap admin ({@code admin}/{@code admin}).
 */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    private KeycloakAdmin(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs in to the test Keycloak's master realm; a token lasts a minute, so take one per task. */
    static KeycloakAdmin signIn() {
        String realmUrl = SinergiTestResource.realmUrl();
        String base = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return new KeycloakAdmin(
                base, read(send(request).body()).path("access_token").asText());
    }

    /** The name of the test realm ({@code sinergi}), from {@link SinergiTestResource#realmUrl}. */
    static String testRealm() {
        String realmUrl = SinergiTestResource.realmUrl();
        return realmUrl.substring(realmUrl.lastIndexOf('/') + 1);
    }

    /** The base URL of the server, e.g. {@code http://127.0.0.1:41234}. */
    String baseUrl() {
        return base;
    }

    /** GET of an admin path (after {@code /admin/realms}), e.g. {@code /sinergi/keys}. */
    JsonNode get(String path) {
        return read(send(request(path).GET().build()).body());
    }

    /** GET of an admin path, or empty when Keycloak answers 404. */
    Optional<JsonNode> find(String path) {
        HttpResponse<String> response = sendAllowing404(request(path).GET().build());
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(response.body()));
    }

    /** POST of a JSON body; the created object's id from the {@code Location} header, if Keycloak gives one. */
    String post(String path, Object body) {
        HttpResponse<String> response = send(json(path, body, "POST"));
        String location = response.headers().firstValue("Location").orElse("");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    void put(String path, Object body) {
        send(json(path, body, "PUT"));
    }

    void delete(String path) {
        sendAllowing404(request(path).DELETE().build());
    }

    private HttpRequest json(String path, Object body, String method) {
        String text = body instanceof String s ? s : JSON.valueToTree(body).toString();
        return request(path)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text))
                .build();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + "/admin/realms" + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> sendAllowing404(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() != 404) {
            check(request, response);
        }
        return response;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        return check(request, exchange(request));
    }

    private static HttpResponse<String> check(HttpRequest request, HttpResponse<String> response) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " "
                    + request.uri().getPath() + " on the test Keycloak answered HTTP " + response.statusCode());
        }
        return response;
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the test Keycloak at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the test Keycloak answered no JSON", e);
        }
    }
}
