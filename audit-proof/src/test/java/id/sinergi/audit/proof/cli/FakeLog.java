package id.sinergi.audit.proof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.Node;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.ProofPlan;
import id.sinergi.audit.proof.SignedNote;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small audit log for the witness's tests, built from the library's own tree and note code, on 127.0.0.1 and a
 * free port. It serves its latest checkpoint (with the cosignatures it has stored), consistency proofs from its
 * current tree, takes cosignatures, and hands out client-credentials tokens. It misbehaves on request: serve an
 * older checkpoint (a rollback), or {@link #rewrite} its history (a fork; two logs with one key are a split view).
 */
final class FakeLog implements AutoCloseable {

    static final String TOKEN = "fake-access-token-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NoteKey key;
    private final HttpServer server;
    private final List<byte[]> leaves = new ArrayList<>();
    private Map<Node, byte[]> nodes = new HashMap<>();
    private Frontier frontier = Frontier.empty();
    private final List<String> sealed = new ArrayList<>();
    private String served;
    private final Map<String, Map<String, SignedNote.Line>> cosignatures = new LinkedHashMap<>();
    final AtomicInteger consistencyRequests = new AtomicInteger();
    final AtomicInteger cosignaturePosts = new AtomicInteger();
    private String clientId;
    private String clientSecret;

    private FakeLog(NoteKey key) throws IOException {
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/audit-log/checkpoint", this::checkpoint);
        server.createContext("/api/audit-log/proofs/consistency", this::consistency);
        server.createContext("/api/audit-log/cosignatures", this::cosign);
        server.createContext("/token", this::token);
        server.start();
    }

    static FakeLog start(NoteKey key) throws IOException {
        return new FakeLog(key);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUrl() {
        return url() + "/token";
    }

    /** From now on, cosignatures need a token of this client, which {@code /token} gives for its secret. */
    synchronized FakeLog requireClient(String id, String secret) {
        this.clientId = id;
        this.clientSecret = secret;
        return this;
    }

    /** Appends leaves named {@code label-i} and seals a new checkpoint. */
    synchronized FakeLog append(String label, int count) {
        for (int i = 0; i < count; i++) {
            add(MerkleHash.leaf((label + "-" + leaves.size()).getBytes(StandardCharsets.UTF_8)));
        }
        return seal();
    }

    /** Keeps the first {@code keep} leaves, forgets the rest, without sealing: the next append writes anew. */
    synchronized FakeLog rewrite(int keep) {
        List<byte[]> kept = new ArrayList<>(leaves.subList(0, keep));
        leaves.clear();
        nodes = new HashMap<>();
        frontier = Frontier.empty();
        kept.forEach(this::add);
        return this;
    }

    /** Serves the checkpoint sealed {@code back} seals ago again, signed as it was. */
    synchronized FakeLog rollBack(int back) {
        served = sealed.get(sealed.size() - 1 - back);
        return this;
    }

    synchronized long size() {
        return frontier.size();
    }

    /** The witness lines stored for the checkpoint served now. */
    synchronized List<SignedNote.Line> storedCosignatures() {
        return List.copyOf(cosignatures
                .getOrDefault(SignedNote.parse(served).text(), Map.of())
                .values());
    }

    /** The note served now, with its stored cosignatures. */
    synchronized String servedNote() {
        SignedNote note = SignedNote.parse(served);
        for (SignedNote.Line line :
                cosignatures.getOrDefault(note.text(), Map.of()).values()) {
            note = note.with(line);
        }
        return note.format();
    }

    private void add(byte[] leafHash) {
        leaves.add(leafHash);
        frontier.append(leafHash, nodes::put);
    }

    private FakeLog seal() {
        // Sealing times step a second each, so every sealed checkpoint has its own text.
        Instant time = Instant.ofEpochSecond(1_796_000_000L + sealed.size());
        String text = new Checkpoint(key.name(), frontier.size(), frontier.root(), time).body();
        served = new SignedNote(text, List.of(key.sign(text, 0))).format();
        sealed.add(served);
        return this;
    }

    private void checkpoint(HttpExchange exchange) throws IOException {
        String body;
        synchronized (this) {
            body = served == null ? null : servedNote();
        }
        if (body == null) {
            problem(exchange, 503, "No checkpoint yet", "the log has not sealed a tree");
            return;
        }
        send(exchange, 200, "text/plain; charset=utf-8", body);
    }

    private void consistency(HttpExchange exchange) throws IOException {
        consistencyRequests.incrementAndGet();
        Map<String, String> query = query(exchange);
        long from;
        long to;
        try {
            from = Long.parseLong(query.get("from"));
            to = Long.parseLong(query.get("to"));
        } catch (RuntimeException e) {
            problem(exchange, 400, "Bad sizes", "from and to are whole numbers");
            return;
        }
        List<byte[]> proof;
        synchronized (this) {
            if (from < 1 || from > to || to > frontier.size()) {
                problem(exchange, 400, "Bad sizes", "no proof from " + from + " to " + to);
                return;
            }
            proof = ProofPlan.consistency(from, to).hashes(nodes);
        }
        ObjectNode json = JSON.createObjectNode().put("from", from).put("to", to);
        var hashes = json.putArray("proof");
        proof.forEach(hash -> hashes.add(Base64.getEncoder().encodeToString(hash)));
        send(exchange, 200, "application/json", JSON.writeValueAsString(json));
    }

    private void cosign(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())) {
            problem(exchange, 405, "Method not allowed", "POST a cosigned checkpoint");
            return;
        }
        cosignaturePosts.incrementAndGet();
        String body = read(exchange);
        synchronized (this) {
            if (clientId != null
                    && !("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                problem(exchange, 401, "Unauthorized", "a bearer token of an audit-witness client is needed");
                return;
            }
            SignedNote note;
            try {
                note = SignedNote.parse(body);
            } catch (IllegalArgumentException e) {
                problem(exchange, 400, "Not a signed note", e.getMessage());
                return;
            }
            if (!key.signed(note)) {
                problem(exchange, 400, "Not this log's checkpoint", "the log signature does not verify");
                return;
            }
            Map<String, SignedNote.Line> stored = cosignatures.computeIfAbsent(note.text(), t -> new LinkedHashMap<>());
            boolean added = false;
            for (SignedNote.Line line : note.signatures()) {
                if (!key.verifies(note.text(), line) && !line.equals(stored.get(line.name()))) {
                    stored.put(line.name(), line);
                    added = true;
                }
            }
            send(exchange, added ? 201 : 200, "application/json", "{\"stored\":" + stored.size() + "}");
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(read(exchange));
        boolean ok;
        synchronized (this) {
            ok = "client_credentials".equals(form.get("grant_type"))
                    && clientId != null
                    && clientId.equals(form.get("client_id"))
                    && clientSecret.equals(form.get("client_secret"));
        }
        if (!ok) {
            send(
                    exchange,
                    401,
                    "application/json",
                    "{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client"
                            + " credentials\"}");
            return;
        }
        send(
                exchange,
                200,
                "application/json",
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static String read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return form(raw == null ? "" : raw);
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static void problem(HttpExchange exchange, int status, String title, String detail) throws IOException {
        ObjectNode json = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsString(json));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
