package id.sinergi.scenario.bench;

import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.Api;
import id.sinergi.scenario.Api.Answer;
import id.sinergi.scenario.ExportGenerator;
import id.sinergi.scenario.ExportGenerator.Row;
import id.sinergi.scenario.ProtectionScenario;
import id.sinergi.scenario.ReferenceData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The load benchmark (issue 8): {@code --clients} concurrent clients each run the protection scenario's operations
 * for a worker of their own, one worker after another, for {@code --seconds} against the whole suite: register the
 * worker from SiskoP2MI (and link the Peduli WNI record where the worker has one), give a consent, report a case
 * under an Idempotency-Key and send that report again, triage it, take it in hand, refer it to a shelter, and read
 * the worker, the placement and the case. Then it reconciles: every write the suite acknowledged (2xx with an id) is
 * stored exactly once, in the service's own database, and every operation answered 2xx has its audit event in
 * audit-service's log once the outboxes are empty.
 *
 * <p>Options: {@code --clients N} (default 16), {@code --seconds S} (default 180), {@code --workers N} (the
 * generated workers to draw from, default 20,000), {@code --postgres embedded|local} (default embedded). The report
 * goes to standard output and to {@code scenario/target/bench/load-benchmark.md}; the exit code is 1 when the
 * reconciliation fails.
 */
public final class LoadBenchmark {

    /** The operations of one round, in order, as the report names them. */
    public static final List<String> OPERATIONS = List.of(
            "register",
            "link",
            "consent",
            "report",
            "report again",
            "triage",
            "transition",
            "referral",
            "read worker",
            "read placement",
            "read case");

    private static final long SEED = 8_20261204L;

    /** The status recorded for a request that got no answer (a timeout, a refused connection). */
    private static final int NO_ANSWER = -1;

    private final ProtectionScenario.Endpoints urls;
    private final TokenClient tokens;
    private final Databases databases;
    private final Api api = new Api();

    /**
     * This run's mark on its source record ids: the generator numbers its rows from the same start every time, and a
     * run beside another one's records (the main scenario's, an earlier run's) must send records of its own.
     */
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** The databases of the suite's four services, which the reconciliation reads. */
    public record Databases(
            PostgresServer.Database identity,
            PostgresServer.Database cases,
            PostgresServer.Database consent,
            PostgresServer.Database audit) {

        /** The databases {@link Suite} made with this prefix ({@code <prefix>identity}, ...). */
        public static Databases of(PostgresServer postgres, String prefix) {
            return new Databases(
                    postgres.database(prefix + "identity"),
                    postgres.database(prefix + "case"),
                    postgres.database(prefix + "consent"),
                    postgres.database(prefix + "audit"));
        }
    }

    /** A worker to register: the SiskoP2MI row and, when the worker has one, the Peduli WNI row. */
    public record Worker(Row sisko, Row peduli) {}

    public LoadBenchmark(ProtectionScenario.Endpoints urls, TokenClient tokens, Databases databases) {
        this.urls = urls;
        this.tokens = tokens;
        this.databases = databases;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "180"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "20000"));
        Path runDir = RepoPaths.root().resolve("scenario/target/bench/load");
        String prefix = "sinergi_load_bench_";
        try (PostgresServer postgres = BenchSupport.embeddedPostgres(options)
                        ? PostgresServer.embedded(runDir, Map.of())
                        : PostgresServer.localOrEmbedded(runDir);
                KeycloakServer keycloak = KeycloakServer.start(runDir, Processes.freePort())) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            Suite.SERVICES.forEach(s -> ports.put(s, Processes.freePort()));
            Suite.Options suiteOptions = Suite.Options.of(prefix, runDir.resolve("logs"))
                    .withConfig(Map.of("sinergi.audit.relay-interval", "500ms"));
            try (Suite suite = Suite.start(Suite.SERVICES, ports, postgres, keycloak.realmUrl(), suiteOptions)) {
                LoadBenchmark bench = new LoadBenchmark(
                        ProtectionScenario.Endpoints.of(suite),
                        new TokenClient(keycloak.realmUrl()),
                        Databases.of(postgres, prefix));
                List<Worker> pool = workersOf(new ExportGenerator(ReferenceData.load(), SEED).generate(workers));
                Result result = bench.run(clients, Duration.ofSeconds(seconds), pool);
                String report = "# Load: " + clients + " clients for " + seconds + " s (" + postgres.describe()
                        + ")\n\n" + result.render();
                System.out.println(report);
                Path file = RepoPaths.root().resolve("scenario/target/bench/load-benchmark.md");
                Files.createDirectories(file.getParent());
                Files.writeString(file, report);
                System.exit(result.reconciled() ? 0 : 1);
            }
        }
    }

    /** The workers of generated exports that have a valid SiskoP2MI row, each with their Peduli WNI row if any. */
    public static List<Worker> workersOf(ExportGenerator.Exports exports) {
        Map<Integer, Row> peduli = new HashMap<>();
        exports.peduli().stream()
                .filter(r -> r.personKey() != null && r.invalidBecause() == null)
                .forEach(r -> peduli.put(r.personKey(), r));
        return exports.sisko().stream()
                .filter(r -> r.personKey() != null && r.invalidBecause() == null)
                .map(r -> new Worker(r, peduli.get(r.personKey())))
                .toList();
    }

    /**
     * Runs the load, waits for the outboxes to empty and reconciles.
     *
     * @param pool the workers the clients take, one per round; a client stops early when none is left
     */
    public Result run(int clients, Duration duration, List<Worker> pool) throws InterruptedException {
        // Every client's tokens are fetched before the clients start; later calls reuse or renew them.
        connector();
        portal();
        tokens.user("p2mi.officer");
        tokens.user("consul.kl");
        Result result = new Result();
        AtomicInteger next = new AtomicInteger();
        Instant start = Instant.now();
        Instant end = start.plus(duration);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(BenchSupport.thread("load-client-" + c, () -> {
                int i;
                while (Instant.now().isBefore(end) && (i = next.getAndIncrement()) < pool.size()) {
                    round(pool.get(i), result);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        result.elapsed = Duration.between(start, Instant.now());
        result.drained = awaitAuditDelivery(Duration.ofMinutes(3));
        try {
            reconcile(result);
        } catch (SQLException e) {
            result.failures.add("the reconciliation could not read the databases: " + e.getMessage());
        }
        return result;
    }

    private String connector() {
        return tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector"));
    }

    private String portal() {
        return tokens.client("peduli-wni-portal", TokenClient.localSecret("peduli-wni-portal"));
    }

    /** One worker through the scenario's operations; a step that fails ends the round. */
    private void round(Worker worker, Result result) {
        Map<String, Object> sisko = registration("SISKOP2MI", worker.sisko());
        Answer registered = result.time(
                "register", () -> api.post(urls.identity() + "/api/workers/registrations", connector(), sisko));
        String workerId = registered.body().path("workerId").asText("");
        if (!registered.ok() || workerId.isEmpty()) {
            return;
        }
        result.registrations.add(new Registration("SISKOP2MI", (String) sisko.get("sourceRecordId"), workerId));
        result.expectAudit("worker.register", workerId);
        if (worker.peduli() != null) {
            Map<String, Object> peduli = registration("PEDULI_WNI", worker.peduli());
            Answer linked = result.time(
                    "link", () -> api.post(urls.identity() + "/api/workers/registrations", portal(), peduli));
            String linkedWorker = linked.body().path("workerId").asText("");
            if (linked.ok() && !linkedWorker.isEmpty()) {
                result.registrations.add(
                        new Registration("PEDULI_WNI", (String) peduli.get("sourceRecordId"), linkedWorker));
                result.expectAudit("worker.register", linkedWorker);
            }
        }
        String officer = tokens.user("p2mi.officer");
        String consul = tokens.user("consul.kl");
        Answer granted =
                result.time("consent", () -> api.post(urls.consent() + "/api/consents", officer, grant(workerId)));
        if (!acknowledged(granted)) {
            return;
        }
        String grantId = granted.body().path("id").asText();
        result.grants.put(grantId, workerId);
        result.expectAudit("consent.grant", grantId);
        // consent-service checked the worker in identity-service with the officer's token: an audited read there.
        result.expectAudit("worker.read", workerId);

        caseLife(workerId, consul, result);
        read("read worker", "/api/workers/" + workerId + "?purpose=" + ProtectionScenario.PURPOSE, consul, result)
                .ifOk(() -> result.expectAudit("worker.read", workerId));
        read(
                        "read placement",
                        "/api/workers/" + workerId + "/placement?purpose=" + ProtectionScenario.PURPOSE,
                        consul,
                        result)
                .ifOk(() -> result.expectAudit("worker.placement.read", workerId));
    }

    /** The case of one worker: reported twice under one key, triaged, in progress, referred, read. */
    private void caseLife(String workerId, String consul, Result result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workerId", workerId);
        body.put("missionId", ProtectionScenario.KL);
        body.put("categoryCode", "GAJI_TIDAK_DIBAYAR");
        body.put("description", "Laporan beban: pekerja meminta bantuan perwakilan.");
        body.put("channel", "HOTLINE");
        body.put("phase", "ABROAD");
        String key = UUID.randomUUID().toString();
        Map<String, String> keyHeader = Map.of("Idempotency-Key", key);
        Answer reported = result.time("report", () -> api.post(urls.cases() + "/api/cases", consul, body, keyHeader));
        if (!acknowledged(reported)) {
            return;
        }
        String caseId = reported.body().path("id").asText();
        result.cases.add(new ReportedCase(caseId, workerId, key));
        result.expectAudit("case.report", caseId);
        Answer again =
                result.time("report again", () -> api.post(urls.cases() + "/api/cases", consul, body, keyHeader));
        if (again.ok()) {
            result.expectAudit("case.report.replay", caseId);
            if (!caseId.equals(again.body().path("id").asText())) {
                result.failures.add("the report sent again under key " + key + " answered case "
                        + again.body().path("id").asText() + ", not " + caseId);
            }
        }
        Answer step = change("triage", caseId, "/triage", reported, Map.of("reason", "officer called back"), result);
        if (!step.ok()) {
            return;
        }
        step = change(
                "transition",
                caseId,
                "/transitions",
                step,
                Map.of("to", "IN_PROGRESS", "reason", "labour attache called"),
                result);
        if (!step.ok()) {
            return;
        }
        Map<String, Object> referral = Map.of(
                "kind", "REFERRAL",
                "to", "SHELTER",
                "providerName", "Shelter KBRI Kuala Lumpur",
                "reason", "worker needs a safe place to stay");
        Answer referred = change("referral", caseId, "/referrals", step, referral, result);
        if (acknowledged(referred)) {
            result.referrals.put(referred.body().path("id").asText(), caseId);
        }
        read("read case", "/api/cases/" + caseId, consul, result).ifOk(() -> result.expectAudit("case.read", caseId));
    }

    /** A change of the case under the version {@code last} answered; audited as {@code case.<operation>}. */
    private Answer change(String operation, String caseId, String path, Answer last, Object body, Result result) {
        Answer answer = result.time(
                operation,
                () -> api.post(
                        urls.cases() + "/api/cases/" + caseId + path,
                        tokens.user("consul.kl"),
                        body,
                        Map.of("If-Match", "\"" + last.body().path("version").asLong() + "\"")));
        if (answer.ok()) {
            result.expectAudit("case." + operation, caseId);
        }
        return answer;
    }

    private Timed read(String operation, String path, String token, Result result) {
        String base = path.startsWith("/api/cases") ? urls.cases() : urls.identity();
        return new Timed(result.time(operation, () -> api.get(base + path, token)));
    }

    /** The scenario's registration of the row, under a source record id of this run's own. */
    private Map<String, Object> registration(String source, Row row) {
        Map<String, Object> body = ProtectionScenario.registration(source, row.values());
        body.put("sourceRecordId", body.get("sourceRecordId") + "-" + run);
        return body;
    }

    private static boolean acknowledged(Answer answer) {
        return answer.ok() && !answer.body().path("id").asText("").isEmpty();
    }

    private static Map<String, Object> grant(String workerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workerId", workerId);
        body.put("receivingAgency", "KEMLU");
        body.put("purposes", List.of(ProtectionScenario.PURPOSE));
        body.put("dataCategories", List.of("IDENTITY", "PLACEMENT", "CASE_DETAILS"));
        body.put("validUntil", Instant.now().plus(730, ChronoUnit.DAYS).toString());
        return body;
    }

    /** Waits until the delivering services' outboxes are empty; whether they emptied in time. */
    private boolean awaitAuditDelivery(Duration patience) throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (ProtectionScenario.pendingAuditEvents(api, urls) == 0) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    // --- The reconciliation. ---

    private void reconcile(Result result) throws SQLException {
        if (!result.drained) {
            result.failures.add("the services' audit outboxes did not empty within 3 minutes");
        }
        reconcileRegistrations(result);
        reconcileGrants(result);
        reconcileCases(result);
        reconcileAudit(result);
    }

    /** Each acknowledged registration is one source record, of the worker it answered; that worker exists once. */
    private void reconcileRegistrations(Result result) throws SQLException {
        Map<String, List<String>> records = new HashMap<>();
        Map<String, Integer> workers = new HashMap<>();
        try (Connection c = connect(databases.identity())) {
            query(c, "SELECT source, source_record_id, worker_id FROM source_record", rs -> records.computeIfAbsent(
                            rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                    .add(rs.getString(3)));
            query(c, "SELECT id FROM worker", rs -> workers.merge(rs.getString(1), 1, Integer::sum));
        }
        for (Registration r : result.registrations) {
            String key = r.source() + "/" + r.sourceRecordId();
            List<String> stored = records.getOrDefault(key, List.of());
            if (!stored.equals(List.of(r.workerId()))) {
                result.failures.add("registration " + key + " answered worker " + r.workerId() + "; stored "
                        + stored.size() + " times, of workers " + stored);
            }
            if (workers.getOrDefault(r.workerId(), 0) != 1) {
                result.failures.add(
                        "worker " + r.workerId() + " is stored " + workers.getOrDefault(r.workerId(), 0) + " times");
            }
        }
        result.checked.put("registrations", (long) result.registrations.size());
    }

    /** Each acknowledged grant is stored once, for its worker; no worker of the load has a grant it was not given. */
    private void reconcileGrants(Result result) throws SQLException {
        Map<String, List<String>> stored = new HashMap<>();
        try (Connection c = connect(databases.consent())) {
            query(c, "SELECT id, worker_id FROM consent_grant", rs -> stored.computeIfAbsent(
                            rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2)));
        }
        result.grants.forEach((grant, worker) -> {
            if (!stored.getOrDefault(grant, List.of()).equals(List.of(worker))) {
                result.failures.add("consent grant " + grant + " of worker " + worker + " is stored as "
                        + stored.getOrDefault(grant, List.of()));
            }
        });
        result.checked.put("consent grants", (long) result.grants.size());
    }

    /**
     * Each acknowledged report is one case of its worker, whose key names it, whatever the resend did; each worker of
     * the load has that one case; each acknowledged referral is stored once, of its case.
     */
    private void reconcileCases(Result result) throws SQLException {
        Map<String, List<String>> casesById = new HashMap<>();
        Map<String, Integer> casesOfWorker = new HashMap<>();
        Map<String, List<String>> keys = new HashMap<>();
        Map<String, List<String>> referrals = new HashMap<>();
        try (Connection c = connect(databases.cases())) {
            query(c, "SELECT id, worker_id FROM protection_case", rs -> {
                casesById
                        .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(rs.getString(2));
                casesOfWorker.merge(rs.getString(2), 1, Integer::sum);
            });
            query(c, "SELECT idempotency_key, case_id FROM case_intake_key", rs -> keys.computeIfAbsent(
                            rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2)));
            query(c, "SELECT id, case_id FROM case_referral", rs -> referrals
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getString(2)));
        }
        for (ReportedCase r : result.cases) {
            if (!casesById.getOrDefault(r.caseId(), List.of()).equals(List.of(r.workerId()))) {
                result.failures.add("case " + r.caseId() + " of worker " + r.workerId() + " is stored as "
                        + casesById.getOrDefault(r.caseId(), List.of()));
            }
            if (casesOfWorker.getOrDefault(r.workerId(), 0) != 1) {
                result.failures.add("worker " + r.workerId() + " has " + casesOfWorker.getOrDefault(r.workerId(), 0)
                        + " cases, reported once under one key");
            }
            if (!keys.getOrDefault(r.key(), List.of()).equals(List.of(r.caseId()))) {
                result.failures.add("Idempotency-Key " + r.key() + " names cases "
                        + keys.getOrDefault(r.key(), List.of()) + ", not " + r.caseId());
            }
        }
        result.referrals.forEach((referral, caseId) -> {
            if (!referrals.getOrDefault(referral, List.of()).equals(List.of(caseId))) {
                result.failures.add("referral " + referral + " of case " + caseId + " is stored as "
                        + referrals.getOrDefault(referral, List.of()));
            }
        });
        result.checked.put("cases", (long) result.cases.size());
        result.checked.put("referrals", (long) result.referrals.size());
    }

    /**
     * Every operation answered 2xx has its event: per action and resource (a worker for identity-service's actions,
     * the grant or the case for the others), the log holds at least as many events as the operations made.
     */
    private void reconcileAudit(Result result) throws SQLException {
        Map<String, Map<String, Long>> expected = new TreeMap<>();
        for (String[] e : result.audited) {
            expected.computeIfAbsent(e[0], k -> new HashMap<>()).merge(e[1], 1L, Long::sum);
        }
        long operations = 0;
        try (Connection c = connect(databases.audit())) {
            for (Map.Entry<String, Map<String, Long>> action : expected.entrySet()) {
                String column = action.getKey().startsWith("worker.") ? "worker_id::text" : "resource_id";
                Map<String, Long> logged = new HashMap<>();
                query(
                        c,
                        "SELECT " + column + ", count(*) FROM audit_entry WHERE action = '" + action.getKey()
                                + "' GROUP BY 1",
                        rs -> logged.put(rs.getString(1), rs.getLong(2)));
                long missing = 0;
                for (Map.Entry<String, Long> e : action.getValue().entrySet()) {
                    operations += e.getValue();
                    missing += Math.max(0, e.getValue() - logged.getOrDefault(e.getKey(), 0L));
                }
                if (missing > 0) {
                    result.failures.add(missing + " " + action.getKey() + " operations have no audit event");
                }
            }
        }
        result.checked.put("audited operations", operations);
    }

    private static Connection connect(PostgresServer.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, RowReader reader) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }

    // --- What the load did. ---

    record Registration(String source, String sourceRecordId, String workerId) {}

    record ReportedCase(String caseId, String workerId, String key) {}

    /** A read's answer, so that the round adds the audit event an answered read calls for. */
    private record Timed(Answer answer) {
        void ifOk(Runnable then) {
            if (answer.ok()) {
                then.run();
            }
        }
    }

    /** One operation's latencies (ms) and answers by status. */
    static final class Operation {
        private double[] latencies = new double[1024];
        private int count;
        private final Map<Integer, Long> statuses = new TreeMap<>();

        synchronized void add(double millis, int status) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = millis;
            statuses.merge(status, 1L, Long::sum);
        }

        synchronized int count() {
            return count;
        }

        synchronized long errors() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() < 200 || e.getKey() >= 300)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        synchronized Map<Integer, Long> statuses() {
            return new TreeMap<>(statuses);
        }

        synchronized double[] sorted() {
            double[] sorted = Arrays.copyOf(latencies, count);
            Arrays.sort(sorted);
            return sorted;
        }
    }

    /** What the load measured and what the reconciliation found. */
    public static final class Result {
        private final Map<String, Operation> operations = new ConcurrentHashMap<>();
        private final Queue<Registration> registrations = new ConcurrentLinkedQueue<>();
        private final Map<String, String> grants = new ConcurrentHashMap<>();
        private final Queue<ReportedCase> cases = new ConcurrentLinkedQueue<>();
        private final Map<String, String> referrals = new ConcurrentHashMap<>();
        private final Queue<String[]> audited = new ConcurrentLinkedQueue<>();
        private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        private final Map<String, Long> checked = new LinkedHashMap<>();
        private Duration elapsed = Duration.ZERO;
        private boolean drained;

        private Answer time(String operation, Supplier<Answer> call) {
            long start = System.nanoTime();
            Answer answer;
            try {
                answer = call.get();
            } catch (IllegalStateException e) {
                answer = new Answer(NO_ANSWER, com.fasterxml.jackson.databind.node.MissingNode.getInstance());
            }
            double millis = (System.nanoTime() - start) / 1e6;
            operations.computeIfAbsent(operation, k -> new Operation()).add(millis, answer.status());
            return answer;
        }

        private void expectAudit(String action, String resource) {
            audited.add(new String[] {action, resource});
        }

        /** Whether every acknowledged write is stored exactly once and every operation has its audit event. */
        public boolean reconciled() {
            return failures.isEmpty() && !checked.isEmpty();
        }

        public List<String> failures() {
            return List.copyOf(failures);
        }

        /** How many requests of the operation were answered (or got no answer). */
        public long count(String operation) {
            Operation o = operations.get(operation);
            return o == null ? 0 : o.count();
        }

        /** Answers of the operation by HTTP status ({@code -1}: no answer). */
        public Map<Integer, Long> statuses(String operation) {
            Operation o = operations.get(operation);
            return o == null ? Map.of() : o.statuses();
        }

        /** What the reconciliation checked, by kind: how many writes or audited operations. */
        public Map<String, Long> checked() {
            return Map.copyOf(checked);
        }

        /** The report: per operation counts, errors, latency percentiles; throughput; the reconciliation. */
        public String render() {
            long total =
                    operations.values().stream().mapToLong(Operation::count).sum();
            long errors =
                    operations.values().stream().mapToLong(Operation::errors).sum();
            double seconds = elapsed.toMillis() / 1000.0;
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(
                    Locale.ROOT,
                    "%d requests in %.1f s: **%.1f requests/s**, %d rounds (workers) done; %d answers not 2xx%n%n",
                    total,
                    seconds,
                    total / seconds,
                    count("register"),
                    errors));
            sb.append("| operation | requests | per second | not 2xx (by status) | p50 | p95 | p99 | max |\n");
            sb.append("| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |\n");
            for (String name : OPERATIONS) {
                Operation o = operations.get(name);
                if (o == null) {
                    continue;
                }
                double[] sorted = o.sorted();
                Map<Integer, Long> bad = new TreeMap<>(o.statuses());
                bad.keySet().removeIf(s -> s >= 200 && s < 300);
                sb.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.1f | %s |%s| %.1f ms |%n",
                        name,
                        o.count(),
                        o.count() / seconds,
                        bad.isEmpty() ? "0" : bad.toString(),
                        BenchSupport.percentileCells(sorted, -1, 50, 95, 99),
                        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1]));
            }
            sb.append("\nReconciliation: ")
                    .append(reconciled() ? "PASSED" : "FAILED")
                    .append("; checked ")
                    .append(checked)
                    .append('\n');
            failures.stream().limit(50).forEach(f -> sb.append("  - ").append(f).append('\n'));
            if (failures.size() > 50) {
                sb.append("  - ... and ").append(failures.size() - 50).append(" more\n");
            }
            return sb.toString();
        }
    }
}
