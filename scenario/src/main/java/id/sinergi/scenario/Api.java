package id.sinergi.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A small JSON-over-HTTP client for the scenario and the tests across services. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Consumer<Exchange> observer;

    /**
     * One request and its answer as an observer sees it: what a test checks for personal data and secrets.
     *
     * @param token the bearer token the request carried, or null
     * @param body the answer's body as received
     */
    public record Exchange(String method, String url, String token, int status, String body) {}

    /** A client that shows its exchanges to no one. */
    public Api() {
        this(exchange -> {});
    }

    /** A client that hands every exchange, once answered, to {@code observer} (called on the sending thread). */
    public Api(Consumer<Exchange> observer) {
        this.observer = observer;
    }

    /** An answer: the status and the parsed body (a missing node when there is none). */
    public record Answer(int status, JsonNode body) {

        /** The problem slug of a problem body, e.g. {@code unknown-district}; null otherwise. */
        public String problemSlug() {
            String type = body.path("type").asText(null);
            return type == null ? null : type.replace("urn:sinergi:problem:", "");
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    public Answer get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token);
    }

    public Answer post(String url, String token, Object body) {
        try {
            return send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                    token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the request to " + url, e);
        }
    }

    /** A POST with extra request headers, e.g. If-Match or Idempotency-Key. */
    public Answer post(String url, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(builder::header);
            return send(builder, token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the request to " + url, e);
        }
    }

    /** A DELETE with a JSON body, as Keycloak's Admin REST API takes role mappings to remove. */
    public Answer delete(String url, String token, Object body) {
        try {
            return send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Content-Type", "application/json")
                            .method("DELETE", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))),
                    token);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the request to " + url, e);
        }
    }

    /** A form POST, as a token endpoint takes it. */
    public Answer postForm(String url, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                null);
    }

    private Answer send(HttpRequest.Builder builder, String token) {
        builder.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            observer.accept(
                    new Exchange(request.method(), request.uri().toString(), token, response.statusCode(), text));
            JsonNode body = text == null || text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
