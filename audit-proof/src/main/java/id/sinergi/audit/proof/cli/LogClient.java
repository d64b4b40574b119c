package id.sinergi.audit.proof.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The audit log's public endpoints as a witness calls them, with timeouts and bounded answers. Nothing here
 * trusts what it reads: the caller verifies every signature and proof. Tokens are sent, never printed.
 */
final class LogClient {

    /** Longest answer read; a checkpoint with its cosignatures or a proof is a few kilobytes. */
    static final int MAX_BODY = 1 << 20;

    /** Longest consistency proof taken: two hashes per level of a tree of 2^63 leaves. */
    static final int MAX_PROOF = 128;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;
    private final Duration timeout;

    LogClient(String baseUrl, Duration connectTimeout, Duration timeout) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The log's latest signed checkpoint note, as text. */
    String checkpoint() throws Failure {
        Answer answer = send(get("/api/audit-log/checkpoint", "text/plain"), "the checkpoint");
        answer.expect(200, "the checkpoint");
        return answer.body;
    }

    /** The consistency proof between two tree sizes, checked only for its form. */
    List<byte[]> consistency(long from, long to) throws Failure, MalformedAnswer {
        String what = "the consistency proof from " + from + " to " + to;
        Answer answer =
                send(get("/api/audit-log/proofs/consistency?from=" + from + "&to=" + to, "application/json"), what);
        answer.expect(200, what);
        JsonNode json;
        try {
            json = JSON.readTree(answer.body);
        } catch (IOException e) {
            throw new MalformedAnswer(what + " is not JSON");
        }
        if (json == null
                || !json.path("from").canConvertToLong()
                || json.path("from").asLong() != from
                || !json.path("to").canConvertToLong()
                || json.path("to").asLong() != to) {
            throw new MalformedAnswer(what + " does not name the sizes asked for");
        }
        JsonNode proof = json.path("proof");
        if (!proof.isArray() || proof.size() > MAX_PROOF) {
            throw new MalformedAnswer(what + " has no \"proof\" list of at most " + MAX_PROOF + " hashes");
        }
        List<byte[]> hashes = new ArrayList<>(proof.size());
        for (JsonNode hash : proof) {
            try {
                hashes.add(Base64.getDecoder().decode(hash.textValue()));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new MalformedAnswer(what + " holds a hash that is not base64");
            }
        }
        return hashes;
    }

    /** Posts a cosigned checkpoint note; answers the status and what the body says. */
    Answer postCosignature(String note, String token) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/audit-log/cosignatures"))
                .timeout(timeout)
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofString(note, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build(), "the cosignature");
    }

    /** An access token by the client-credentials grant. The secret goes in the body and nowhere else. */
    String token(String tokenUrl, String clientId, String secret) throws Failure {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.US_ASCII))
                .build();
        Answer answer = send(request, "a token from " + tokenUrl);
        JsonNode json = answer.json();
        if (answer.status != 200) {
            // Keycloak's error body names the error, never the secret.
            String error = json == null
                    ? ""
                    : " (" + json.path("error").asText("") + ": "
                            + json.path("error_description").asText("") + ")";
            throw new Failure("the token endpoint " + tokenUrl + " answered " + answer.status + error);
        }
        String token = json == null ? null : json.path("access_token").textValue();
        if (token == null || token.isBlank()) {
            throw new Failure("the token endpoint " + tokenUrl + " gave no access_token");
        }
        return token;
    }

    private HttpRequest get(String path, String accept) throws Failure {
        return HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Accept", accept)
                .GET()
                .build();
    }

    private URI uri(String path) throws Failure {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException e) {
            throw new Failure("the log URL " + base + " is not a URL");
        }
    }

    private Answer send(HttpRequest request, String what) throws Failure {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Failure("no answer for " + what + " from " + request.uri().getAuthority() + " in time");
        } catch (IOException e) {
            throw new Failure("cannot reach " + request.uri().getScheme() + "://"
                    + request.uri().getAuthority()
                    + " for " + what + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while asking for " + what);
        }
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new Failure(what + " is longer than " + MAX_BODY + " bytes");
            }
            return new Answer(response.statusCode(), new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Failure("cannot read " + what + ": " + e.getMessage());
        }
    }

    /** A status and a body. */
    record Answer(int status, String body) {

        void expect(int wanted, String what) throws Failure {
            if (status != wanted) {
                throw new Failure("the log answered " + status + " for " + what + problem());
            }
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        /** The title and detail of an RFC 9457 problem body, or nothing. */
        String problem() {
            JsonNode json = json();
            if (json == null || !json.isObject()) {
                return "";
            }
            String title = json.path("title").asText("");
            String detail = json.path("detail").asText("");
            String both = (title + (title.isEmpty() || detail.isEmpty() ? "" : ": ") + detail).strip();
            return both.isEmpty() ? "" : " (" + both + ")";
        }
    }

    /** The log could not be asked, or did not answer as it should: try again later. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** The log answered 200 with something that is not the proof asked for. */
    static final class MalformedAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedAnswer(String message) {
            super(message);
        }
    }
}
