package id.sinergi.devstack.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * identity-service's worker register and worker read by id, kept in memory on 127.0.0.1, for consent-service's own
 * tests. They cannot run the real identity-service: its tests run consent-service from its build, so Maven builds
 * consent-service first, and a module cannot also wait for the other one's build (a cycle Maven refuses). The real
 * pair is tested where both builds exist: identity-service's tests (consent-service beside them checks every grant's
 * worker in the identity-service under test), case-service's, and the scenario module's.
 *
 * <p>What it answers, as identity-service does: {@code POST /api/workers/registrations} registers a new worker
 * (201, {@code workerId}); {@code GET /api/workers/{id}} gives a registered worker's {@code id} (200) or a 404
 * problem; both need a bearer token (else a 401 problem), whose signature and roles it does not check (consent-service
 * forwards its own caller's, which it verified). For the fault tests, {@code PUT /stand-in/mode/hold} holds worker
 * reads unanswered until the mode changes, {@code PUT /stand-in/mode/reset} closes their connections without an
 * answer, {@code PUT /stand-in/mode/answer} answers again; {@code GET /stand-in/arrivals} counts the worker reads
 * that arrived. Tests reach it by URL, so they work whatever class loader Quarkus gives them.
 */
public final class IdentityStandIn implements AutoCloseable {

    private enum Mode {
        ANSWER,
        HOLD,
        RESET
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "identity-stand-in");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> workers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger arrivals = new AtomicInteger();
    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.ANSWER);
    private final AtomicReference<CountDownLatch> held = new AtomicReference<>(new CountDownLatch(1));

    private IdentityStandIn(HttpServer server) {
        this.server = server;
    }

    /** Starts it on a free port of 127.0.0.1. */
    public static IdentityStandIn start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            IdentityStandIn standIn = new IdentityStandIn(server);
            server.setExecutor(standIn.threads);
            server.createContext("/", standIn::handle);
            server.start();
            return standIn;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the identity-service stand-in on 127.0.0.1", e);
        }
    }

    /** Its base URL, {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/stand-in/")) {
                control(exchange, method, path);
                return;
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.startsWith("Bearer ") || auth.length() <= "Bearer ".length()) {
                problem(exchange, 401, "unauthorized");
            } else if (method.equals("POST") && path.equals("/api/workers/registrations")) {
                UUID id = UUID.randomUUID();
                workers.add(id);
                json(exchange, 201, "{\"workerId\":\"" + id + "\"}");
            } else if (method.equals("GET") && path.matches("/api/workers/[0-9a-fA-F-]{36}")) {
                read(exchange, path.substring("/api/workers/".length()));
            } else {
                problem(exchange, 404, "http-404");
            }
        }
    }

    private void read(HttpExchange exchange, String id) throws IOException {
        arrivals.incrementAndGet();
        Mode now = mode.get();
        if (now == Mode.HOLD) {
            try {
                held.get().await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return; // closed without an answer: the caller has long given up
        }
        if (now == Mode.RESET) {
            return; // the exchange closes without response headers, which closes the connection
        }
        UUID worker = UUID.fromString(id);
        if (workers.contains(worker)) {
            json(exchange, 200, "{\"id\":\"" + worker + "\",\"sources\":[]}");
        } else {
            problem(exchange, 404, "not-found");
        }
    }

    private void control(HttpExchange exchange, String method, String path) throws IOException {
        if (method.equals("PUT") && path.startsWith("/stand-in/mode/")) {
            Mode next = Mode.valueOf(path.substring("/stand-in/mode/".length()).toUpperCase(java.util.Locale.ROOT));
            Mode before = mode.getAndSet(next);
            if (before == Mode.HOLD && next != Mode.HOLD) {
                held.getAndSet(new CountDownLatch(1)).countDown();
            }
            exchange.sendResponseHeaders(204, -1);
        } else if (method.equals("GET") && path.equals("/stand-in/arrivals")) {
            json(exchange, 200, Integer.toString(arrivals.get()));
        } else {
            problem(exchange, 404, "http-404");
        }
    }

    private static void problem(HttpExchange exchange, int status, String kind) throws IOException {
        byte[] body = ("{\"type\":\"urn:sinergi:problem:" + kind + "\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void drain(InputStream in) throws IOException {
        in.readAllBytes();
    }

    /** Stops it, answering nothing more; held reads are let go. */
    @Override
    public void close() {
        held.get().countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
