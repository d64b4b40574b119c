package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Changes to the test Keycloak's clients that a test needs and the realm file must not carry, through Keycloak's
 * admin API: a browser test's redirect URI on the port the test picked, say.
 *
 * <p>LOCAL ONLY: signs in as the development Keycloak's bootstrap admin ({@code admin}/{@code admin}).
 */
public final class RealmClients {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RealmClients() {}

    /**
     * Adds a redirect URI pattern (e.g. {@code http://127.0.0.1:41234/*}) to a client of the test realm, unless it
     * has it already; Keycloak's {@code +} for post-logout redirects then allows it after logout too.
     */
    public static synchronized void allowRedirect(String clientId, String redirectUri) {
        String realmUrl = SinergiTestResource.realmUrl();
        String base = realmUrl.substring(0, realmUrl.indexOf("/realms/"));
        String realm = realmUrl.substring(realmUrl.lastIndexOf('/') + 1);
        String token = adminToken(base);
        String clients = base + "/admin/realms/" + realm + "/clients";
        ArrayNode found = (ArrayNode)
                read(send(get(clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8), token)));
        if (found.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in realm " + realm);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode uris = client.withArray("redirectUris");
        for (var uri : uris) {
            if (uri.asText().equals(redirectUri)) {
                return;
            }
        }
        uris.add(redirectUri);
        String url = clients + "/" + client.path("id").asText();
        HttpRequest put = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(client.toString()))
                .build();
        send(put);
    }

    private static String adminToken(String base) {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return read(send(request)).path("access_token").asText();
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " "
                        + request.uri().getPath() + " on the test Keycloak answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the test Keycloak at " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the test Keycloak answered no JSON", e);
        }
    }
}
