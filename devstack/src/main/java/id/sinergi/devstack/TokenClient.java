package id.sinergi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Gets access tokens from the realm, as the scenario and the tests need them, and reuses each until shortly
 * before it expires.
 *
 * <p>LOCAL ONLY: {@link #user} uses the password grant of the public {@code sinergi-cli} client, which exists
 * only in the local realm. Internal apps use {@link #client} (client credentials).
 */
public final class TokenClient {

    /** Password of every demo user in the local realm. */
    public static final String DEMO_PASSWORD = "sinergi-local";

    /** The public local-only client with the password grant. */
    public static final String CLI_CLIENT = "sinergi-cli";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final String tokenEndpoint;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Token> cache = new ConcurrentHashMap<>();
    private final Set<String> received = ConcurrentHashMap.newKeySet();

    /** @param realmUrl e.g. {@code http://127.0.0.1:8180/realms/sinergi} */
    public TokenClient(String realmUrl) {
        this.tokenEndpoint = realmUrl + "/protocol/openid-connect/token";
    }

    /** An access token of a demo user (password {@link #DEMO_PASSWORD}). */
    public String user(String username) {
        return cached("user:" + username, () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "password");
            form.put("client_id", CLI_CLIENT);
            form.put("username", username);
            form.put("password", DEMO_PASSWORD);
            return form;
        });
    }

    /** An access token of a confidential client's service account. */
    public String client(String clientId, String secret) {
        return cached("client:" + clientId, () -> {
            Map<String, String> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_id", clientId);
            form.put("client_secret", secret);
            return form;
        });
    }

    /**
     * Every token this client was given so far (access, refresh and ID tokens): what a test looks for in the logs,
     * none of which may name one.
     */
    public Set<String> received() {
        return Set.copyOf(received);
    }

    /** The local-only secret of a confidential client of the realm ({@link LocalRealm#secret}). */
    public static String localSecret(String clientId) {
        return LocalRealm.secret(clientId);
    }

    private String cached(String key, java.util.function.Supplier<Map<String, String>> form) {
        Token token = cache.get(key);
        if (token == null || Instant.now().plus(MARGIN).isAfter(token.expiresAt())) {
            token = request(form.get());
            cache.put(key, token);
        }
        return token.value();
    }

    /**
     * Signs a user in with the password grant of {@link #CLI_CLIENT}, uncached: the access and the refresh token, or
     * empty when Keycloak refuses (wrong password, user disabled). LOCAL ONLY, as {@link #user}.
     */
    public Optional<Session> signIn(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("username", username);
        form.put("password", password);
        return session(form);
    }

    /**
     * Refreshes a session of {@link #CLI_CLIENT}: the new access and refresh token (the realm revokes the old refresh
     * token), or empty when Keycloak refuses.
     */
    public Optional<Session> refresh(String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", CLI_CLIENT);
        form.put("refresh_token", refreshToken);
        return session(form);
    }

    private Optional<Session> session(Map<String, String> form) {
        HttpResponse<String> response = post(form);
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            return Optional.empty();
        }
        JsonNode json = granted(response, form);
        return Optional.of(new Session(
                json.path("access_token").asText(), json.path("refresh_token").asText()));
    }

    private Token request(Map<String, String> form) {
        JsonNode json = granted(post(form), form);
        return new Token(
                json.path("access_token").asText(),
                Instant.now().plusSeconds(json.path("expires_in").asLong(60)));
    }

    private JsonNode granted(HttpResponse<String> response, Map<String, String> form) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token request for " + form.getOrDefault("username", form.get("client_id"))
                    + " failed with HTTP " + response.statusCode());
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered no JSON at " + tokenEndpoint, e);
        }
        for (String field : List.of("access_token", "refresh_token", "id_token")) {
            if (json.hasNonNull(field)) {
                received.add(json.path(field).asText());
            }
        }
        return json;
    }

    private HttpResponse<String> post(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach Keycloak at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** A signed-in user's access and refresh token; never log them. */
    public record Session(String accessToken, String refreshToken) {}

    private record Token(String value, Instant expiresAt) {}
}
