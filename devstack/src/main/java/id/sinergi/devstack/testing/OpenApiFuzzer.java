package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Fuzzes every operation of the service under test from its own OpenAPI document ({@code /q/openapi}): per
 * operation, valid-shaped requests built from the schemas and a bounded number of mutations of them ({@link
 * FuzzCases}: missing, null and wrongly typed fields, huge strings and numbers, 10,000-deep JSON, NFC/NFD,
 * zero-width, bidi and control characters, injection strings, broken path and query parameters, bad Content-Type,
 * Accept, If-Match and Idempotency-Key headers), sent as a caller whose realm role the operation allows, so that
 * validation rather than authorisation is exercised.
 *
 * <p>Every answer must be below 500, carry no stack trace or Java class name, and, when 4xx, be an RFC 9457 problem
 * whose {@code status} is the response's; a request target that is no URI (broken percent-encoding, a request line
 * over the server's limit) may instead get the HTTP layer's own empty 400 or 414, which no handler of the service
 * can shape. A refused request must leave stored data unchanged: the tables of the
 * service's schema (less the excluded ones, e.g. the audit outbox) are compared before and after each refused
 * write, and before and after each operation's batch of reads. Deterministic: a fixed seed gives the same
 * requests in the same order.
 */
public final class OpenApiFuzzer {

    /** What a run did and what broke; {@link #failures()} is empty when every check held. */
    public record Report(
            String service,
            int operations,
            int requests,
            Map<Integer, Integer> statuses,
            List<String> failures,
            Duration took) {

        @Override
        public String toString() {
            return "fuzzed " + service + ": " + operations + " operations, " + requests + " requests in "
                    + took.toMillis() / 1000.0 + " s, statuses " + statuses + ", " + failures.size() + " failures";
        }
    }

    /** A Java class name, a stack frame, or an exception's name in a response body. */
    static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat [a-z]+\\.[a-zA-Z.$]+\\("),
            Pattern.compile("\\bjava\\.[a-z]"),
            Pattern.compile("\\bjakarta\\.[a-z]"),
            Pattern.compile("\\bio\\.(quarkus|vertx|smallrye|netty)"),
            Pattern.compile("\\borg\\.(hibernate|jboss|postgresql|eclipse)"),
            Pattern.compile("\\bcom\\.fasterxml"),
            Pattern.compile("\\bid\\.sinergi"),
            Pattern.compile("Exception"),
            Pattern.compile("\\.java:\\d+"));

    /** The demo user or client that holds each realm role (README, "Demo users and roles"). */
    private static final Map<String, Supplier<String>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("p2mi-officer", () -> Tokens.user("p2mi.officer"));
        CALLERS.put("consular-officer", () -> Tokens.user("consul.kl"));
        CALLERS.put("protection-supervisor", () -> Tokens.user("head.kl"));
        CALLERS.put("pwni-hq", () -> Tokens.user("pwni.hq"));
        CALLERS.put("security-auditor", () -> Tokens.user("security.auditor"));
        CALLERS.put("platform-admin", () -> Tokens.user("platform.admin"));
        CALLERS.put("source-connector", () -> Tokens.client("siskop2mi-connector"));
        CALLERS.put("sinergi-service", () -> Tokens.client("case-service"));
        CALLERS.put("audit-witness", () -> Tokens.client("audit-witness-kemlu"));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private long seed = 8L;
    private int casesPerOperation = 60;
    private DataSource dataSource;
    private final Set<String> excludedTables = new HashSet<>(Set.of("audit_outbox"));
    private final Map<String, String> knownValues = new LinkedHashMap<>();
    private final Map<String, JsonNode> knownBodies = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> callers = new LinkedHashMap<>(CALLERS);
    private final Set<String> skipped = new HashSet<>();

    private OpenApiFuzzer(int port) {
        this.port = port;
    }

    /** A fuzzer for the service RestAssured points at (the {@code @QuarkusTest}'s application). */
    public static OpenApiFuzzer ofTestedService() {
        return new OpenApiFuzzer(RestAssured.port);
    }

    /** The database whose tables a refused request must leave unchanged. */
    public OpenApiFuzzer watching(DataSource dataSource, String... excluded) {
        this.dataSource = dataSource;
        excludedTables.addAll(List.of(excluded));
        return this;
    }

    /** A value for every parameter of that name (e.g. the id of a case that exists), instead of a generated one. */
    public OpenApiFuzzer knowing(String parameter, String value) {
        knownValues.put(parameter, value);
        return this;
    }

    /**
     * A body the operation accepts (e.g. a complete registration), to start its cases from instead of one built
     * from the schema, so that each mutation changes one thing of a request that would otherwise pass.
     */
    public OpenApiFuzzer withBody(String operation, Object body) {
        knownBodies.put(operation, JSON.valueToTree(body));
        return this;
    }

    /** The caller for operations whose first role is {@code role}, instead of the demo one. */
    public OpenApiFuzzer callingAs(String role, Supplier<String> token) {
        callers.put(role, token);
        return this;
    }

    /** Leaves an operation (e.g. {@code POST /api/x}) out; a test says why. */
    public OpenApiFuzzer skipping(String operation) {
        skipped.add(operation);
        return this;
    }

    public OpenApiFuzzer seed(long seed) {
        this.seed = seed;
        return this;
    }

    public OpenApiFuzzer casesPerOperation(int cases) {
        this.casesPerOperation = cases;
        return this;
    }

    /** Fuzzes every operation of the document, in its order. */
    public Report run() {
        long start = System.nanoTime();
        JsonNode spec = spec();
        FuzzCases generator =
                new FuzzCases(JSON, spec.path("components").path("schemas"), knownValues, knownBodies, seed);
        TableSnapshot tables = dataSource == null ? null : TableSnapshot.of(dataSource, excludedTables);
        List<FuzzCases.Operation> operations = operations(spec);

        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        int requests = 0;
        for (FuzzCases.Operation op : operations) {
            List<FuzzCases.Case> cases = generator.of(op, token(op), casesPerOperation);
            boolean reads = op.method().equals("get");
            Map<String, String> batchBefore = tables != null && reads ? tables.take() : null;
            for (FuzzCases.Case c : cases) {
                Map<String, String> before = tables != null && !reads ? tables.take() : null;
                RawHttp.Response response;
                try {
                    response = RawHttp.send(port, c.method(), c.target(), c.headers(), c.body());
                } catch (IOException e) {
                    failures.add(describe(op, c) + ": no response (" + e.getMessage() + ")");
                    continue;
                }
                requests++;
                statuses.merge(response.status(), 1, Integer::sum);
                check(response, c.malformedTarget())
                        .ifPresent(reason -> failures.add(describe(op, c) + " -> " + response.status() + ": " + reason
                                + "; body: " + FuzzCases.shorten(response.body(), 300)));
                if (before != null && response.status() >= 400 && response.status() < 500) {
                    List<String> changed = TableSnapshot.changed(before, tables.take());
                    if (!changed.isEmpty()) {
                        failures.add(describe(op, c) + " -> " + response.status() + " but changed " + changed);
                    }
                }
            }
            if (batchBefore != null) {
                List<String> changed = TableSnapshot.changed(batchBefore, tables.take());
                if (!changed.isEmpty()) {
                    failures.add("batch of " + cases.size() + " reads of " + op.key() + " changed " + changed);
                }
            }
        }
        String service = spec.path("info").path("title").asText("service");
        return new Report(
                service, operations.size(), requests, statuses, failures, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Why the answer breaks a rule, if it does. */
    static Optional<String> check(RawHttp.Response response, boolean malformedTarget) {
        int status = response.status();
        if (status >= 500) {
            return Optional.of("server error");
        }
        if (malformedTarget && status < 500 && response.body().isEmpty()) {
            // The HTTP layer's own refusal (400, 414) of a target that is no URI, before any handler runs.
            return Optional.empty();
        }
        for (Pattern leak : LEAKS) {
            if (leak.matcher(response.body()).find()) {
                return Optional.of("body leaks implementation details (" + leak + ")");
            }
        }
        if (status >= 400) {
            if (!response.header("Content-Type").startsWith("application/problem+json")) {
                return Optional.of(
                        "4xx without a problem body (Content-Type '" + response.header("Content-Type") + "')");
            }
            try {
                JsonNode problem = JSON.readTree(response.body());
                if (problem.path("status").asInt() != status
                        || !problem.path("type").asText().startsWith("urn:sinergi:problem:")) {
                    return Optional.of("problem body without its status or a urn:sinergi:problem type");
                }
            } catch (IOException e) {
                return Optional.of("problem body that is not JSON");
            }
        }
        return Optional.empty();
    }

    private JsonNode spec() {
        try {
            RawHttp.Response response = RawHttp.send(
                    port, "GET", "/q/openapi?format=json", List.of(Map.entry("Accept", "application/json")), null);
            if (response.status() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + response.status());
            }
            return JSON.readTree(response.body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the service's OpenAPI document", e);
        }
    }

    private List<FuzzCases.Operation> operations(JsonNode spec) {
        List<FuzzCases.Operation> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> {
            List<JsonNode> shared = new ArrayList<>();
            path.getValue().path("parameters").forEach(shared::add);
            path.getValue().fields().forEachRemaining(method -> {
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    return;
                }
                JsonNode op = method.getValue();
                List<FuzzCases.Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>(shared);
                op.path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    parameters.add(new FuzzCases.Parameter(
                            p.path("name").asText(),
                            p.path("in").asText(),
                            p.path("required").asBoolean(false),
                            p.path("schema")));
                }
                String mediaType = null;
                JsonNode bodySchema = null;
                JsonNode content = op.path("requestBody").path("content");
                if (content.isObject() && content.fields().hasNext()) {
                    Map.Entry<String, JsonNode> first = content.fields().next();
                    mediaType = content.has("application/json") ? "application/json" : first.getKey();
                    bodySchema = content.path(mediaType).path("schema");
                }
                List<String> roles = new ArrayList<>();
                op.path("security").forEach(requirement -> requirement.fields().forEachRemaining(s -> s.getValue()
                        .forEach(r -> roles.add(r.asText()))));
                FuzzCases.Operation operation = new FuzzCases.Operation(
                        method.getKey(), path.getKey(), parameters, mediaType, bodySchema, roles);
                if (!skipped.contains(operation.key())) {
                    operations.add(operation);
                }
            });
        });
        return operations;
    }

    /** A token of a caller the operation allows, fetched per operation so that none expires mid-run. */
    private String token(FuzzCases.Operation op) {
        for (String role : op.roles()) {
            Supplier<String> caller = callers.get(role);
            if (caller != null) {
                return caller.get();
            }
        }
        return op.roles().isEmpty() ? null : Tokens.user("platform.admin");
    }

    private static String describe(FuzzCases.Operation op, FuzzCases.Case c) {
        String target = c.target().length() > 160 ? c.target().substring(0, 160) + "…" : c.target();
        return op.key() + " [" + c.label() + "] " + c.method() + " " + target;
    }
}
