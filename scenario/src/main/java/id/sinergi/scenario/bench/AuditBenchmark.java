package id.sinergi.scenario.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.proof.Proofs;
import id.sinergi.devstack.AuditServiceDatabase;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.SigningKeyFile;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.bench.BenchSupport.Cpu;
import id.sinergi.scenario.bench.BenchSupport.Load;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The audit-service benchmark: the Merkle log's intake, sealing and proofs, beside what PostgreSQL itself does with
 * the same rows. Starts its own PostgreSQL, Keycloak and audit-service (as the app role, which may only SELECT and
 * INSERT, with a checkpoint signing key of its own), and in one run measures:
 *
 * <ol>
 *   <li>sustained intake, one event per request and then batches, from {@code C} clients in a closed loop (each
 *       sends its next request when the previous one is answered, over a connection of its own) with case-service's
 *       client-credentials token, for each of the given numbers of clients in turn; accepted events are counted from
 *       the answers, and after each run the benchmark waits until the tree holds exactly as many leaves as events
 *       were accepted (and audit_entry as many rows), noting the sealer's backlog when the load stopped and how
 *       fast it sealed;
 *   <li>beside each, PostgreSQL's own rate for the same rows, as the tables' owner: single-row INSERTs from as many
 *       connections as the busiest intake run had clients, one per statement in autocommit, into a copy of
 *       audit_entry with its indexes; and a plain COPY of as many rows as the busiest batch run accepted, into such
 *       a copy, into one with only the indexes the log itself needs, and into a table of its columns alone;
 *   <li>inclusion proof latency with {@code --events} events in the log (10,000,000 by default): the rows beyond
 *       those the intake stored are copied into audit_entry (with all its indexes) as the owner, the service's own
 *       sealer seals them meanwhile, and proofs of random leaves are then asked for at a fixed rate (open load,
 *       latency from when each was due) with a security auditor's token; every proof is checked against its
 *       checkpoint's root; public consistency proofs at the same rate are measured beside them;
 *   <li>offline verification: {@code --export-events} entries (1,000,000 by default) exported from the service to a
 *       file, checked by audit-proof's VerifyExport ({@code ./sinergi audit-verify}) in a JVM of its own, beside the
 *       time to plain SHA-256 the file's bytes.
 * </ol>
 *
 * <p>Usage: {@code ./sinergi bench audit [--seconds S] [--warmup S] [--clients C,C,...] [--batch-clients C,C,...]
 * [--batch N] [--events N] [--copy-connections N] [--proof-rate R] [--proof-seconds S] [--export-events N]
 * [--seed S] [--history-days D] [--postgres embedded|local] [--server key=value,...] [--service key=value,...]
 * [--jvm "options"]}.
 * The report goes to {@code scenario/target/bench/audit-benchmark.md}.
 */
public final class AuditBenchmark {

    private static final Logger LOG = Logger.getLogger(AuditBenchmark.class.getName());

    /** The security auditor whose token asks for proofs and the export. */
    private static final String AUDITOR = "security.auditor";

    /** At most this many proof requests in flight (as in the consent benchmark). */
    private static final int MAX_IN_FLIGHT = 32;

    /** The security team's queries at the full log: requests a second and seconds of each kind, after a warm-up. */
    private static final int QUERY_RATE = 20;

    private static final int QUERY_SECONDS = 10;

    private static final int QUERY_WARMUP = 3;

    /**
     * The least number of events a history is made for, whatever {@code --events} says: a quicker run with fewer
     * events may send more than that through the intake alone, and its events keep the same density of a hundred
     * days of 10,000,000 (the default {@code --history-days}) rather than run out of history and happen now.
     */
    private static final long HISTORY_EVENTS = 10_000_000;

    /** The longest history: ten years, so that no event lies before 2000, which the intake refuses. */
    private static final int MAX_HISTORY_DAYS = 3650;

    /** Rows per COPY statement, each its own transaction, so the sealer can seal behind a bulk load. */
    private static final int COPY_CHUNK = 500_000;

    /** How much COPY text the benchmark writes to the server at a time. */
    private static final int COPY_BUFFER = 1 << 20;

    /**
     * The embedded server's settings: memory for the log's tables and indexes (about 9 GB at 10,000,000 events) to
     * stay mostly in buffers and the page cache, checkpoints far apart. Commits stay synchronous.
     */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_buffers", "4GB",
            "effective_cache_size", "12GB",
            "max_wal_size", "16GB",
            "checkpoint_timeout", "30min",
            "wal_compression", "on");

    private final Map<String, String> serverSettings = new TreeMap<>(SERVER_SETTINGS);
    private final Map<String, String> serviceConfig = new TreeMap<>();
    /**
     * audit-service's JVM: the suite's heap, and the collector its container image runs (the UBI OpenJDK runtime's
     * run-java.sh starts Java with {@code -XX:+UseParallelGC}), where a plain {@code java} on this machine would pick
     * G1. The intake allocates a few kilobytes per event; G1's write barriers and remembered sets cost the service
     * some of its CPU on two cores (docs/benchmarks.md).
     */
    static final List<String> SERVICE_JVM = Stream.concat(
                    BenchSupport.SERVICE_HEAP.stream(), Stream.of("-XX:+UseParallelGC"))
            .toList();

    private List<String> jvmOptions = SERVICE_JVM;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final Settings settings;
    private final AtomicInteger sequences = new AtomicInteger();

    /** When the log's events happened: over the {@code --history-days} before the run (see {@link #history}). */
    private EventClock history;

    private volatile String serviceToken;
    private volatile String auditorToken;
    private PostgresServer.Database db;
    private ServiceProcess audit;
    private long servicePid;
    private long databasePid;
    private Connection monitor;

    /** The events audit_entry holds, as the benchmark counts them: accepted by intake, copied, the service's own. */
    private long stored;

    /** The command line's settings. */
    private record Settings(
            int seconds,
            int warmup,
            List<Integer> clients,
            List<Integer> batchClients,
            int batch,
            long events,
            int copyConnections,
            int proofRate,
            int proofSeconds,
            long exportEvents,
            long seed,
            int historyDays,
            boolean embedded) {}

    private AuditBenchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        Settings settings = new Settings(
                Integer.parseInt(options.getOrDefault("seconds", "30")),
                Integer.parseInt(options.getOrDefault("warmup", "60")),
                counts(options.getOrDefault("clients", "32,64,128")),
                counts(options.getOrDefault("batch-clients", "2,4,8")),
                Integer.parseInt(options.getOrDefault("batch", "1000")),
                Long.parseLong(options.getOrDefault("events", "10000000")),
                Integer.parseInt(options.getOrDefault("copy-connections", "2")),
                Integer.parseInt(options.getOrDefault("proof-rate", "200")),
                Integer.parseInt(options.getOrDefault("proof-seconds", "60")),
                Long.parseLong(options.getOrDefault("export-events", "1000000")),
                Long.parseLong(options.getOrDefault("seed", "20261204")),
                Integer.parseInt(options.getOrDefault("history-days", "100")),
                BenchSupport.embeddedPostgres(options));
        if (settings.seconds() < 1
                || settings.warmup() < 0
                || settings.clients().stream().anyMatch(c -> c < 1)
                || settings.batchClients().stream().anyMatch(c -> c < 1)
                || settings.batch() < 2
                || settings.batch() > 1000
                || settings.copyConnections() < 1
                || settings.proofRate() < 1
                || settings.proofSeconds() < 1
                || settings.exportEvents() < 1
                || settings.historyDays() < 1
                || settings.historyDays() > MAX_HISTORY_DAYS
                || Stream.of(settings.clients(), settings.batchClients(), List.of(settings.copyConnections()))
                        .flatMap(List::stream)
                        .anyMatch(c -> c > GeneratedEvents.OFFICERS)) {
            throw new IllegalArgumentException("need --seconds >= 1, --warmup >= 0, --clients and --batch-clients"
                    + " >= 1 each, --batch 2..1000, --copy-connections, --proof-rate, --proof-seconds,"
                    + " --export-events >= 1, --history-days 1.." + MAX_HISTORY_DAYS + ", and at most "
                    + GeneratedEvents.OFFICERS + " clients or connections (each has officers of its own)");
        }
        Path runDir = RepoPaths.root().resolve("scenario/target/bench");
        Files.createDirectories(runDir);
        AuditBenchmark bench = new AuditBenchmark(settings);
        bench.serverSettings.putAll(BenchSupport.pairs(options, "server"));
        bench.serviceConfig.putAll(BenchSupport.pairs(options, "service"));
        bench.jvmOptions = BenchSupport.jvmOptions(options, SERVICE_JVM);
        String report = bench.run(runDir);
        Files.writeString(runDir.resolve("audit-benchmark.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    /** A list of client counts, {@code 8} or {@code 8,16,32}: each is measured in turn. */
    private static List<Integer> counts(String list) {
        return Arrays.stream(list.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }

    private String run(Path runDir) throws Exception {
        Instant began = Instant.now();
        history = history(began);
        try (PostgresServer postgres = settings.embedded()
                        ? PostgresServer.embedded(runDir, serverSettings)
                        : PostgresServer.localOrEmbedded(runDir);
                KeycloakServer keycloak = KeycloakServer.start(runDir, Processes.freePort())) {
            db = postgres.freshDatabase("sinergi_audit_bench");
            try (ServiceProcess service = startAudit(postgres, keycloak, runDir);
                    Connection c = connect()) {
                audit = service;
                monitor = c;
                servicePid = service.pid();
                databasePid = BenchSupport.postmaster(db);
                TokenClient tokens = new TokenClient(keycloak.realmUrl());
                refreshTokens(tokens);
                ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
                refresher.scheduleWithFixedDelay(() -> refreshTokens(tokens), 5, 5, TimeUnit.SECONDS);
                try {
                    awaitSealed(0, Duration.ofSeconds(60));
                    List<Ingest> single = ingest("one event per request", settings.clients(), 1);
                    Baseline inserts = singleInserts(best(single).clients());
                    List<Ingest> batches =
                            ingest("batches of " + settings.batch(), settings.batchClients(), settings.batch());
                    List<Baseline> copies = new ArrayList<>();
                    for (Scratch kind : Scratch.values()) {
                        copies.add(copyBaseline(kind, best(batches).load().accepted()));
                    }
                    Bulk bulk = bulkLoad(settings.events());
                    Scanned scanned = awaitScanned(bulk.treeSize(), Duration.ofMinutes(30));
                    analyze();
                    ProofRun proofs = proofs();
                    List<QueryRun> queries = queries();
                    Export export = export(runDir, settings.exportEvents());
                    String server = settings.embedded()
                            ? "embedded PostgreSQL with " + postgres.embeddedSettings()
                            : postgres.describe() + " as configured";
                    server += "; audit-service JVM options " + jvmOptions;
                    if (!serviceConfig.isEmpty()) {
                        server += ", configuration beside its defaults " + serviceConfig;
                    }
                    return report(
                            began, server, single, inserts, batches, copies, bulk, scanned, proofs, queries, export);
                } finally {
                    refresher.shutdownNow();
                }
            }
        }
    }

    private ServiceProcess startAudit(PostgresServer postgres, KeycloakServer keycloak, Path runDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        config.putAll(AuditServiceDatabase.config(postgres, db));
        config.put(
                SigningKeyFile.CHECKPOINT_SETTING,
                SigningKeyFile.create("checkpoint").toString());
        // The benchmark counts the tree's leaves against the events it stored: nothing else may add any. Keycloak's
        // events (the benchmark's own logins), the scheduled verification and the retention purge each would.
        config.put("sinergi.audit.keycloak.pull-interval", "off");
        config.put("sinergi.audit.log.verify-interval", "off");
        config.put("sinergi.audit.retention.purge-interval", "off");
        config.putAll(serviceConfig);
        Map<String, String> secrets = new LinkedHashMap<>(AuditServiceDatabase.secrets(db));
        secrets.put("SINERGI_OIDC_CLIENT_SECRET", TokenClient.localSecret("audit-service"));
        secrets.put("SINERGI_AUDIT_DETAILS_MASTER_KEY", AuditServiceDatabase.newDetailsMasterKey());
        secrets.put("SINERGI_CONSOLE_CLIENT_SECRET", TokenClient.localSecret("security-console"));
        secrets.put("SINERGI_AUDIT_KEYCLOAK_SECRET", TokenClient.localSecret("audit-event-reader"));
        return ServiceProcess.start(
                "audit-service",
                RepoPaths.serviceJar("audit-service"),
                Processes.freePort(),
                config,
                secrets,
                runDir.resolve("logs"),
                jvmOptions);
    }

    private void refreshTokens(TokenClient tokens) {
        serviceToken = tokens.client(GeneratedEvents.SERVICE, TokenClient.localSecret(GeneratedEvents.SERVICE));
        auditorToken = tokens.user(AUDITOR);
    }

    /** A connection as the tables' owner (the server's admin user), in autocommit. */
    private Connection connect() throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. Intake

    /** A closed-loop run: requests, events accepted and skipped, failures by kind, time, latencies (ms, sorted). */
    private record Closed(
            long requests,
            long accepted,
            long duplicates,
            Map<String, Long> failures,
            double seconds,
            double[] millis) {

        double rate() {
            return accepted / seconds;
        }
    }

    /** An intake phase: the measured load, CPU, what the sealer did during it and after. */
    private record Ingest(
            String name,
            int clients,
            int batch,
            Closed load,
            Cpu cpu,
            long sealedDuring,
            long backlog,
            double drainSeconds,
            long treeSize) {}

    /**
     * Warms up, waits until the warm-up's events are sealed, measures, then waits until the tree holds every event
     * accepted and checks that events, leaves and the checkpoint's size all equal the count from the answers.
     */
    private List<Ingest> ingest(String name, List<Integer> clientCounts, int batch) throws Exception {
        int warmup = batch == 1 ? settings.warmup() : laterWarmup();
        LOG.info("intake, " + name + ": warming up for " + warmup + " s with " + clientCounts.get(0) + " clients");
        Closed warm = closedLoop(clientCounts.get(0), batch, warmup);
        stored += warm.accepted();
        awaitSealed(stored, Duration.ofMinutes(10));
        List<Ingest> runs = new ArrayList<>();
        for (int clients : clientCounts) {
            runs.add(measure(name, clients, batch));
        }
        return runs;
    }

    /**
     * The warm-up of the phases after the first: a third of the first's. The first phase warms up the service's
     * JIT on the path every request takes (HTTP, token check, JSON, validation, insert), which took 30 to 40 s of
     * load here before the rate settled; later phases add only code of their own.
     */
    private int laterWarmup() {
        return settings.warmup() / 3;
    }

    /** The run of these that accepted the most events per second. */
    private static Ingest best(List<Ingest> runs) {
        return runs.stream()
                .max(java.util.Comparator.comparingDouble(r -> r.load().rate()))
                .orElseThrow();
    }

    private Ingest measure(String name, int clients, int batch) throws Exception {
        LOG.info("intake, " + name + ": measuring for " + settings.seconds() + " s with " + clients + " clients");
        long treeBefore = treeSize();
        Cpu before = Cpu.now(servicePid, databasePid);
        Closed load = closedLoop(clients, batch, settings.seconds());
        Cpu cpu = Cpu.now(servicePid, databasePid).since(before);
        long treeAtEnd = treeSize();
        stored += load.accepted();
        long backlog = stored - treeAtEnd;
        double drain = awaitSealed(stored, Duration.ofMinutes(10));
        long[] counts = counts();
        if (counts[0] != stored || counts[1] != stored || counts[2] != stored) {
            throw new IllegalStateException("after intake, " + name + ", the log holds " + counts[0]
                    + " events, " + counts[1] + " leaves and a checkpoint of " + counts[2]
                    + ", where the answers accepted " + stored);
        }
        LOG.info(String.format(
                Locale.ROOT,
                "intake, %s, %d clients: %.0f events/s (%d accepted, %d duplicates, failures %s); backlog %d,"
                        + " sealed in %.1f s",
                name,
                clients,
                load.rate(),
                load.accepted(),
                load.duplicates(),
                load.failures(),
                backlog,
                drain));
        return new Ingest(name, clients, batch, load, cpu, treeAtEnd - treeBefore, backlog, drain, stored);
    }

    /** {@code clients} threads, each on a connection of its own, sending request after request for {@code seconds}. */
    private Closed closedLoop(int clients, int batch, int seconds) throws InterruptedException {
        String path = batch == 1 ? "/api/audit-events" : "/api/audit-events/batch";
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        long[][] counts = new long[clients][3];
        DoubleStream.Builder[] millis = new DoubleStream.Builder[clients];
        Map<String, Long> failures = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            millis[t] = DoubleStream.builder();
            GeneratedEvents events = events(history, t, clients);
            threads.add(BenchSupport.thread("intake-client-" + t, () -> {
                try (KeepAliveConnection c = new KeepAliveConnection("127.0.0.1", audit.port())) {
                    while (System.nanoTime() < deadline) {
                        byte[] body = batch == 1 ? events.jsonObject() : events.jsonArray(batch);
                        long sent = System.nanoTime();
                        counts[client][0]++;
                        try {
                            KeepAliveConnection.Answer answer = c.postJson(path, serviceToken, body);
                            millis[client].add((System.nanoTime() - sent) / 1e6);
                            if (answer.status() == 200) {
                                String text = answer.text();
                                counts[client][1] += number(text, "accepted");
                                counts[client][2] += number(text, "duplicates");
                            } else if (failures.merge("HTTP " + answer.status(), 1L, Long::sum) == 1) {
                                LOG.warning("intake answered HTTP " + answer.status() + ": " + answer.text());
                            }
                        } catch (IOException e) {
                            failures.merge("failed " + e.getClass().getSimpleName(), 1L, Long::sum);
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] all = Arrays.stream(millis)
                .flatMapToDouble(DoubleStream.Builder::build)
                .sorted()
                .toArray();
        long requests = Arrays.stream(counts).mapToLong(c -> c[0]).sum();
        long accepted = Arrays.stream(counts).mapToLong(c -> c[1]).sum();
        long duplicates = Arrays.stream(counts).mapToLong(c -> c[2]).sum();
        return new Closed(requests, accepted, duplicates, new TreeMap<>(failures), elapsed, all);
    }

    /** The number after {@code "name":} in a small JSON answer. */
    private static long number(String text, String name) {
        int at = text.indexOf("\"" + name + "\":");
        if (at < 0) {
            throw new IllegalStateException("no " + name + " in the answer " + text);
        }
        int from = at + name.length() + 3;
        int to = from;
        while (to < text.length() && Character.isDigit(text.charAt(to))) {
            to++;
        }
        return Long.parseLong(text.substring(from, to));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. PostgreSQL alone, the same rows

    /** Rows PostgreSQL took in a time, and the CPU it cost. */
    private record Baseline(String what, long rows, double seconds, Cpu cpu) {

        double rate() {
            return rows / seconds;
        }
    }

    /** What a scratch table of audit_entry's columns has beside them. */
    private enum Scratch {
        /** Its defaults, identity, constraints and all its indexes (LIKE audit_entry INCLUDING ALL). */
        ALL_INDEXES("a copy of audit_entry with all its indexes"),
        /**
         * Its defaults, identity and constraints, and only the indexes the log itself needs: the primary key, the
         * event id's uniqueness (ON CONFLICT) and the sealer's order; not those of the query filters and retention.
         */
        LOG_INDEXES("a copy of audit_entry with the log's 3 indexes only (primary key, event_id, seal order)"),
        /** The columns alone: no default, no constraint, no index (CREATE TABLE AS ... WITH NO DATA). */
        NONE("a table of audit_entry's columns alone (no index, no constraint)");

        final String description;

        Scratch(String description) {
            this.description = description;
        }
    }

    /** The scratch table's description; with all indexes, how many audit_entry has now. */
    private String describe(Scratch kind) throws SQLException {
        if (kind != Scratch.ALL_INDEXES) {
            return kind.description;
        }
        try (Statement st = monitor.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'audit_entry'")) {
            rs.next();
            return "a copy of audit_entry with all its " + rs.getInt(1) + " indexes";
        }
    }

    private void scratch(String table, Scratch kind) throws SQLException {
        try (Statement st = monitor.createStatement()) {
            st.execute("DROP TABLE IF EXISTS " + table);
            switch (kind) {
                case ALL_INDEXES -> st.execute("CREATE TABLE " + table + " (LIKE audit_entry INCLUDING ALL)");
                case LOG_INDEXES -> {
                    st.execute("CREATE TABLE " + table + " (LIKE audit_entry INCLUDING ALL EXCLUDING INDEXES)");
                    st.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (ingest_id), ADD UNIQUE (event_id)");
                    st.execute("CREATE INDEX ON " + table + " (tx_id, ingest_id)");
                }
                case NONE -> st.execute("CREATE TABLE " + table + " AS SELECT * FROM audit_entry WITH NO DATA");
            }
        }
    }

    private void drop(String table) throws SQLException {
        try (Statement st = monitor.createStatement()) {
            st.execute("DROP TABLE " + table);
        }
    }

    /** As many connections as intake had clients, each inserting one row per statement in autocommit. */
    private Baseline singleInserts(int clients) throws Exception {
        String table = "bench_single_inserts";
        scratch(table, Scratch.ALL_INDEXES);
        String sql = "INSERT INTO " + table + " (" + GeneratedEvents.COLUMNS + ") VALUES ("
                + String.join(", ", Collections.nCopies(18, "?")) + ")";
        int warmup = Math.min(settings.warmup(), 5);
        LOG.info("PostgreSQL alone: single-row INSERTs from " + clients + " connections for " + warmup + " + "
                + settings.seconds() + " s");
        long[] rows = new long[clients];
        // The rows of a scratch table never reach the log: they have a history of their own, as the log's.
        EventClock scratchClock = history(Instant.now());
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long deadline = measureFrom + settings.seconds() * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(clients);
        CountDownLatch measured = new CountDownLatch(1);
        for (int t = 0; t < clients; t++) {
            int client = t;
            GeneratedEvents events = events(scratchClock, t, clients);
            threads.add(BenchSupport.thread("insert-client-" + t, () -> {
                try (Connection c = connect();
                        PreparedStatement ps = c.prepareStatement(sql)) {
                    long now;
                    while ((now = System.nanoTime()) < deadline) {
                        Instant at = Instant.now();
                        GeneratedEvents.bind(ps, events.next(), at.truncatedTo(ChronoUnit.MICROS));
                        ps.executeUpdate();
                        if (now >= measureFrom) {
                            rows[client]++;
                        }
                    }
                    // The connections stay open until the CPU time is read: their backends count while they run.
                    finished.countDown();
                    measured.await();
                } catch (SQLException e) {
                    errors.add(e);
                    finished.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        Thread.sleep(Math.max(0, (measureFrom - System.nanoTime()) / 1_000_000));
        Cpu before = Cpu.now(servicePid, databasePid);
        finished.await();
        double seconds = (System.nanoTime() - measureFrom) / 1e9;
        Cpu cpu = Cpu.now(servicePid, databasePid).since(before);
        measured.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("single-row INSERTs failed", errors.get(0));
        }
        drop(table);
        Baseline b = new Baseline(
                "single-row INSERTs, " + clients + " connections, autocommit, into " + describe(Scratch.ALL_INDEXES),
                Arrays.stream(rows).sum(),
                seconds,
                cpu);
        LOG.info(String.format(Locale.ROOT, "PostgreSQL alone: %.0f single-row INSERTs/s", b.rate()));
        return b;
    }

    private Baseline copyBaseline(Scratch kind, long rows) throws Exception {
        String table = "bench_copy_" + kind.name().toLowerCase(Locale.ROOT);
        scratch(table, kind);
        LOG.info("PostgreSQL alone: COPY of " + rows + " rows into " + describe(kind));
        Cpu before;
        Cpu cpu;
        double seconds;
        try (Connection c = connect()) {
            before = Cpu.now(servicePid, databasePid);
            long start = System.nanoTime();
            copy(c, table, rows, events(history(Instant.now()), 0, 1));
            seconds = (System.nanoTime() - start) / 1e9;
            cpu = Cpu.now(servicePid, databasePid).since(before);
        }
        drop(table);
        Baseline b = new Baseline("one COPY, one connection, into " + describe(kind), rows, seconds, cpu);
        LOG.info(String.format(Locale.ROOT, "PostgreSQL alone: COPY at %.0f rows/s", b.rate()));
        return b;
    }

    /** A history ending at {@code end}: {@link #historyEvents} events over the {@code --history-days} before it. */
    private EventClock history(Instant end) {
        return new EventClock(end, historyEvents(), Duration.ofDays(settings.historyDays()));
    }

    /** How many events a history is made for: {@code --events}, at least {@link #HISTORY_EVENTS}. */
    private long historyEvents() {
        return Math.max(settings.events(), HISTORY_EVENTS);
    }

    /** The events that client {@code part} of {@code parts} sends, with the times of this clock. */
    private GeneratedEvents events(EventClock clock, int part, int parts) {
        return new GeneratedEvents(settings.seed() * 1_000_003 + sequences.incrementAndGet(), clock, part, parts);
    }

    /** Copies {@code rows} of these events into the table in one COPY statement (one transaction). */
    private static void copy(Connection c, String table, long rows, GeneratedEvents events) throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class)
                .getCopyAPI()
                .copyIn("COPY " + table + " (" + GeneratedEvents.COLUMNS + ") FROM STDIN");
        try {
            StringBuilder sb = new StringBuilder(COPY_BUFFER + 4096);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            for (long i = 0; i < rows; i++) {
                if (i % 1000 == 0) {
                    now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                }
                GeneratedEvents.copyLine(sb, events.next(), now);
                if (sb.length() >= COPY_BUFFER) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Proofs with the log at its full size

    /** The bulk load: rows copied, how long the copy and the sealing took, and the backlog when the copy ended. */
    private record Bulk(long copied, long treeSize, double copySeconds, long backlog, double sealSeconds, Cpu cpu) {}

    /**
     * How the alert scanner caught up with the tree after the bulk load: the leaves it had scanned when the load was
     * sealed and when the wait ended, how long the wait took, and the cores used meanwhile.
     */
    private record Scanned(long scannedAtStart, long scannedAtEnd, long treeSize, double seconds, Cpu cpu) {

        boolean caughtUp() {
            return scannedAtEnd >= treeSize;
        }
    }

    /**
     * Waits until the alert scanner has scanned every leaf of a tree of {@code size}, so that the proofs are
     * measured on a log at rest rather than beside the scanner's catching up; gives up after {@code timeout} and
     * says so in the report.
     */
    private Scanned awaitScanned(long size, Duration timeout) throws Exception {
        long start = System.nanoTime();
        Cpu before = Cpu.now(servicePid, databasePid);
        long first = scannedLeaves();
        LOG.info("alert scanner: " + first + " of " + size + " leaves scanned when the bulk load was sealed");
        long deadline = start + timeout.toNanos();
        long scanned = first;
        while (scanned < size && System.nanoTime() < deadline && audit.alive()) {
            Thread.sleep(1000);
            scanned = scannedLeaves();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu cpu = Cpu.now(servicePid, databasePid).since(before);
        LOG.info(String.format(
                Locale.ROOT, "alert scanner: %d of %d leaves scanned after %.0f s", scanned, size, seconds));
        return new Scanned(first, scanned, size, seconds, cpu);
    }

    /** How many leaves the alert scanner has scanned (its cursor is the greatest leaf index it scanned). */
    private long scannedLeaves() throws SQLException {
        try (Statement st = monitor.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(up_to_leaf), -1) + 1 FROM alert_scan")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Copies events into audit_entry as the owner until it holds {@code target}, in COPY statements of
     * {@link #COPY_CHUNK} rows (each its own transaction) from {@code --copy-connections} connections at once, while
     * the service's sealer seals behind; then waits until the tree holds them all.
     */
    private Bulk bulkLoad(long target) throws Exception {
        long copied = Math.max(0, target - stored);
        int connections = settings.copyConnections();
        LOG.info("bulk load: copying " + copied + " events into audit_entry as the owner from " + connections
                + " connections, for the sealer to seal");
        Cpu before = Cpu.now(servicePid, databasePid);
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        List<Exception> errors = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < connections; t++) {
            GeneratedEvents events = events(history, t, connections);
            threads.add(BenchSupport.thread("bulk-copy-" + t, () -> {
                try (Connection c = connect()) {
                    long from;
                    while ((from = next.getAndAdd(COPY_CHUNK)) < copied) {
                        long rows = Math.min(COPY_CHUNK, copied - from);
                        copy(c, "audit_entry", rows, events);
                        LOG.info(String.format(
                                Locale.ROOT,
                                "bulk load: %d of %d copied, %.0f s",
                                done.addAndGet(rows),
                                copied,
                                (System.nanoTime() - start) / 1e9));
                    }
                } catch (SQLException e) {
                    errors.add(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("the bulk load failed", errors.get(0));
        }
        stored += copied;
        double copySeconds = (System.nanoTime() - start) / 1e9;
        long backlog = stored - treeSize();
        awaitSealed(stored, Duration.ofMinutes(60));
        double sealSeconds = (System.nanoTime() - start) / 1e9;
        Cpu cpu = Cpu.now(servicePid, databasePid).since(before);
        LOG.info(String.format(
                Locale.ROOT,
                "bulk load: %d events copied in %.0f s, all sealed after %.0f s",
                copied,
                copySeconds,
                sealSeconds));
        return new Bulk(copied, stored, copySeconds, backlog, sealSeconds, cpu);
    }

    /**
     * The proof load: latencies and answers, the tree's size when it began, how many proofs verified; and, for
     * comparison, consistency proofs at the same rate (public: no token to check, no audit event to record).
     */
    private record ProofRun(
            Load load, long treeSize, long verified, long invalid, Cpu cpu, double seconds, Load consistency) {}

    private ProofRun proofs() throws Exception {
        long leaves = treeSize();
        SplittableRandom random = new SplittableRandom(settings.seed());
        int n = settings.proofRate() * settings.proofSeconds();
        long[] indexes = random.longs(n, 0, leaves).toArray();
        long[] warmIndexes = random.longs((long) settings.proofRate() * laterWarmup(), 0, leaves)
                .toArray();
        String base = "/api/audit-log/proofs/inclusion?index=";
        LOG.info("proofs: warming up for " + laterWarmup() + " s at " + settings.proofRate() + " requests/s");
        BenchSupport.openLoad(
                audit.port(),
                i -> new BenchSupport.Call(base + warmIndexes[i], auditorToken, null),
                settings.proofRate(),
                laterWarmup(),
                MAX_IN_FLIGHT,
                (i, status, body) -> Integer.toString(status),
                servicePid,
                databasePid);
        LOG.info("proofs: " + settings.proofRate() + " requests/s for " + settings.proofSeconds() + " s, " + leaves
                + " leaves");
        String[] bodies = new String[n];
        Cpu before = Cpu.now(servicePid, databasePid);
        long start = System.nanoTime();
        Load load = BenchSupport.openLoad(
                audit.port(),
                i -> new BenchSupport.Call(base + indexes[i], auditorToken, null),
                settings.proofRate(),
                settings.proofSeconds(),
                MAX_IN_FLIGHT,
                (i, status, body) -> {
                    if (status == 200) {
                        bodies[i] = body;
                    }
                    return Integer.toString(status);
                },
                servicePid,
                databasePid);
        double seconds = (System.nanoTime() - start) / 1e9;
        Cpu cpu = Cpu.now(servicePid, databasePid).since(before);
        long verified = 0;
        long invalid = 0;
        Map<Long, byte[]> roots = new HashMap<>();
        Base64.Decoder b64 = Base64.getDecoder();
        for (int i = 0; i < n; i++) {
            if (bodies[i] == null) {
                continue;
            }
            JsonNode proof = json.readTree(bodies[i]);
            long index = proof.path("index").asLong();
            long size = proof.path("size").asLong();
            List<byte[]> path = new ArrayList<>();
            proof.path("proof").forEach(h -> path.add(b64.decode(h.asText())));
            byte[] root = roots.computeIfAbsent(size, this::root);
            boolean ok = index == indexes[i]
                    && Proofs.verifyInclusion(
                            index, size, b64.decode(proof.path("leafHash").asText()), path, root);
            if (ok) {
                verified++;
            } else if (invalid++ == 0) {
                LOG.warning("a proof does not verify: " + bodies[i]);
            }
        }
        int comparison = Math.max(1, settings.proofSeconds() / 2);
        LOG.info("proofs: consistency proofs for comparison, " + settings.proofRate() + " requests/s for " + comparison
                + " s");
        long[] froms = random.longs((long) settings.proofRate() * comparison, 1, leaves)
                .toArray();
        Load consistency = BenchSupport.openLoad(
                audit.port(),
                i -> new BenchSupport.Call(
                        "/api/audit-log/proofs/consistency?from=" + froms[i] + "&to=" + leaves, null, null),
                settings.proofRate(),
                comparison,
                MAX_IN_FLIGHT,
                (i, status, body) -> Integer.toString(status),
                servicePid,
                databasePid);
        // Each inclusion proof answered recorded an audit event of its own (audit.proof.read).
        stored = counts()[0];
        awaitSealed(stored, Duration.ofMinutes(5));
        LOG.info(String.format(
                Locale.ROOT,
                "proofs: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms; %d verified, %d invalid",
                BenchSupport.percentile(load.fromDue(), 50),
                BenchSupport.percentile(load.fromDue(), 95),
                BenchSupport.percentile(load.fromDue(), 99),
                verified,
                invalid));
        return new ProofRun(load, leaves, verified, invalid, cpu, seconds, consistency);
    }

    /** One kind of the security team's queries at the full log: what it asks, and its load. */
    private record QueryRun(String name, Load load) {}

    /**
     * The security team's queries on the full log, each kind for {@value #QUERY_SECONDS} s at {@value #QUERY_RATE}
     * requests a second (open load, after a {@value #QUERY_WARMUP} s warm-up), with workers, officers, actions and
     * periods drawn at random from the log itself. Each query records an audit event of its own.
     */
    private List<QueryRun> queries() throws Exception {
        List<String> workers = sample("SELECT worker_id::text FROM audit_entry TABLESAMPLE SYSTEM (0.1)"
                + " WHERE worker_id IS NOT NULL LIMIT 5000");
        List<String> officers = sample("SELECT DISTINCT actor_subject FROM audit_entry TABLESAMPLE SYSTEM (0.5)"
                + " WHERE service = '" + GeneratedEvents.SERVICE + "'");
        List<String> usernames = sample("SELECT DISTINCT actor_username FROM audit_entry TABLESAMPLE SYSTEM (0.5)"
                + " WHERE service = '" + GeneratedEvents.SERVICE + "'");
        List<String> actions = sample("SELECT DISTINCT action FROM audit_entry TABLESAMPLE SYSTEM (0.5)"
                + " WHERE service = '" + GeneratedEvents.SERVICE + "'");
        // Periods start when events of the log happened (a quicker run fills only the start of its history).
        List<String> times = sample("SELECT extract(epoch FROM occurred_at)::bigint FROM audit_entry"
                + " TABLESAMPLE SYSTEM (0.1)"
                + " WHERE service = '" + GeneratedEvents.SERVICE + "' LIMIT 5000");
        SplittableRandom random = new SplittableRandom(settings.seed() + 1);
        Function<Duration, String> period = length -> {
            Instant from = Instant.ofEpochSecond(Long.parseLong(pick(times, random)) / 60 * 60);
            return "from=" + from + "&to=" + from.plus(length);
        };
        Map<String, Supplier<String>> kinds = new LinkedHashMap<>();
        kinds.put(
                "a worker's access log, newest first (`GET /api/workers/{id}/access-log`)",
                () -> "/api/workers/" + pick(workers, random) + "/access-log");
        kinds.put(
                "events about a worker (`GET /api/audit-events?workerId=`)",
                () -> "/api/audit-events?workerId=" + pick(workers, random));
        kinds.put("events by an officer (`?actor=`)", () -> "/api/audit-events?actor=" + pick(officers, random));
        kinds.put(
                "events by an officer's user name (`?actor=`)",
                () -> "/api/audit-events?actor=" + pick(usernames, random));
        kinds.put(
                "events by an officer in one day (`?actor=&from=&to=`)",
                () -> "/api/audit-events?actor=" + pick(officers, random) + "&" + period.apply(Duration.ofDays(1)));
        kinds.put("events of an action (`?action=`)", () -> "/api/audit-events?action=" + pick(actions, random));
        kinds.put("events of one hour (`?from=&to=`)", () -> "/api/audit-events?" + period.apply(Duration.ofHours(1)));
        kinds.put("refused and failed events (`?outcome=DENIED`)", () -> "/api/audit-events?outcome=DENIED");
        int n = QUERY_RATE * (QUERY_WARMUP + QUERY_SECONDS);
        List<QueryRun> runs = new ArrayList<>();
        for (Map.Entry<String, Supplier<String>> kind : kinds.entrySet()) {
            LOG.info("queries: " + kind.getKey() + ", " + QUERY_RATE + " requests/s for " + QUERY_SECONDS + " s");
            String[] paths = new String[n];
            for (int i = 0; i < n; i++) {
                paths[i] = kind.getValue().get();
            }
            BenchSupport.openLoad(
                    audit.port(),
                    i -> new BenchSupport.Call(paths[QUERY_SECONDS * QUERY_RATE + i], auditorToken, null),
                    QUERY_RATE,
                    QUERY_WARMUP,
                    MAX_IN_FLIGHT,
                    (i, status, body) -> Integer.toString(status),
                    servicePid,
                    databasePid);
            Load load = BenchSupport.openLoad(
                    audit.port(),
                    i -> new BenchSupport.Call(paths[i], auditorToken, null),
                    QUERY_RATE,
                    QUERY_SECONDS,
                    MAX_IN_FLIGHT,
                    (i, status, body) ->
                            status == 200 && (body.contains("\"events\":[]") || body.contains("\"entries\":[]"))
                                    ? "200 (none found)"
                                    : Integer.toString(status),
                    servicePid,
                    databasePid);
            runs.add(new QueryRun(kind.getKey(), load));
        }
        // Each query answered recorded an audit event of its own (audit.query, worker.access-log.read).
        stored = counts()[0];
        awaitSealed(stored, Duration.ofMinutes(5));
        return runs;
    }

    /**
     * The planner's statistics of the full log, as autovacuum keeps them on a server in use (the queries' plans
     * depend on them, docs/audit.md); a quicker run could otherwise reach the queries before autovacuum did.
     */
    private void analyze() throws SQLException {
        long start = System.nanoTime();
        try (Statement st = monitor.createStatement()) {
            st.execute("ANALYZE audit_entry");
        }
        LOG.info(String.format(Locale.ROOT, "ANALYZE audit_entry took %.1f s", (System.nanoTime() - start) / 1e9));
    }

    private List<String> sample(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = monitor.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        if (values.isEmpty()) {
            throw new IllegalStateException("the log held nothing for the queries: " + sql);
        }
        return values;
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + auditorToken)
                .GET()
                .build();
    }

    private byte[] root(long size) {
        try (PreparedStatement ps = monitor.prepareStatement("SELECT root_hash FROM checkpoint WHERE tree_size = ?")) {
            ps.setLong(1, size);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("a proof names tree size " + size + ", which has no checkpoint");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. The export for the offline verifier

    /**
     * The export and its offline verification: entries, bytes, time to stream it, the best of three plain SHA-256
     * passes over its bytes, and the verifier's runs (wall time of the command, its report).
     */
    private record Export(
            long entries,
            long bytes,
            long lines,
            double exportSeconds,
            double sha256Seconds,
            Verification plain,
            Verification timed) {}

    /** One run of the offline verifier: its exit code, wall time, and its JSON report. */
    private record Verification(int exitCode, double seconds, JsonNode report) {}

    private Export export(Path runDir, long events) throws Exception {
        long size;
        try (PreparedStatement ps = monitor.prepareStatement(
                "SELECT coalesce(min(tree_size), max(tree_size)) FROM checkpoint WHERE tree_size >= ?")) {
            ps.setLong(1, Math.min(events, treeSize()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                size = rs.getLong(1);
            }
        }
        Path file = runDir.resolve("audit-export.ndjson");
        LOG.info("export: the first " + size + " entries to " + file);
        Files.deleteIfExists(file);
        long start = System.nanoTime();
        HttpResponse<Path> response = http.send(
                get(audit.baseUrl() + "/api/audit-log/export?size=" + size), HttpResponse.BodyHandlers.ofFile(file));
        double exportSeconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the export answered HTTP " + response.statusCode());
        }
        long lines = 0;
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
                for (int i = 0; i < r; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double best = Double.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long t = System.nanoTime();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                for (int r = in.read(buffer); r > 0; r = in.read(buffer)) {
                    sha.update(buffer, 0, r);
                }
            }
            sha.digest();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
        }
        LOG.info(String.format(
                Locale.ROOT,
                "export: %d entries, %d MiB in %.1f s; SHA-256 of the bytes %.2f s",
                size,
                Files.size(file) >> 20,
                exportSeconds,
                best));
        String vkey = http.send(
                        HttpRequest.newBuilder(URI.create(audit.baseUrl() + "/api/audit-log/key"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body()
                .strip();
        Verification plain = verify(file, vkey, false);
        Verification timed = verify(file, vkey, true);
        return new Export(size, Files.size(file), lines, exportSeconds, best, plain, timed);
    }

    /**
     * Runs the offline verifier ({@code ./sinergi audit-verify}, audit-proof's VerifyExport) on the export in a JVM
     * of its own, as an auditor would, and times the whole command. With {@code --timing} it also hashes every entry
     * a second time to tell what plain SHA-256 of the entry bytes takes, so only the run without it is the figure.
     */
    private Verification verify(Path file, String vkey, boolean timing) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "id.sinergi.audit.proof.cli.VerifyExport",
                "--export",
                file.toString(),
                "--log-key",
                vkey,
                "--json"));
        if (timing) {
            command.add("--timing");
        }
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        int code = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode report = json.readTree(out);
        LOG.info(String.format(
                Locale.ROOT,
                "offline verification%s: exit %d in %.2f s, ok %s, %d entries, %d problems",
                timing ? " with --timing" : "",
                code,
                seconds,
                report.path("ok").asBoolean(),
                report.path("entries").asLong(),
                report.path("problems").size()));
        return new Verification(code, seconds, report);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The log's state

    /** The latest checkpoint's tree size. */
    private long treeSize() throws SQLException {
        try (Statement st = monitor.createStatement();
                ResultSet rs = st.executeQuery("SELECT coalesce(max(tree_size), -1) FROM checkpoint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Events stored, leaves, and the latest checkpoint's tree size. */
    private long[] counts() throws SQLException {
        try (Statement st = monitor.createStatement();
                ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM audit_entry),"
                        + " (SELECT count(*) FROM merkle_leaf), (SELECT max(tree_size) FROM checkpoint)")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** Waits until the latest checkpoint covers exactly {@code size} leaves; gives how long that took (s). */
    private double awaitSealed(long size, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            long tree = treeSize();
            if (tree == size) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (tree > size) {
                throw new IllegalStateException(
                        "the tree holds " + tree + " leaves, more than the " + size + " events the benchmark stored");
            }
            if (System.nanoTime() > deadline || !audit.alive()) {
                throw new IllegalStateException("the tree holds " + tree + " leaves after " + timeout + ", not the "
                        + size + " events stored; see " + audit.logFile());
            }
            Thread.sleep(50);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // The report

    private String report(
            Instant began,
            String server,
            List<Ingest> single,
            Baseline inserts,
            List<Ingest> batches,
            List<Baseline> copies,
            Bulk bulk,
            Scanned scanned,
            ProofRun proofs,
            List<QueryRun> queries,
            Export export) {
        StringBuilder out = new StringBuilder();
        out.append("## audit-service benchmark\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Run %s to %s UTC on %d cores. Database server: %s. Intake: closed loop (each client sends its next"
                        + " request when the previous one is answered), %d s per number of clients, measured after a"
                        + " warm-up (%d s for the first phase, %d s for the later ones) whose events were sealed"
                        + " first; the busiest run of each phase in bold. Cores used are CPU seconds per second"
                        + " from /proc: audit-service (its sealer included), PostgreSQL with its backends, this"
                        + " benchmark's JVM (the load generator), and the rest of the machine (other work on the"
                        + " shared cores). The log's events happened, as their times say, over the %d days before the"
                        + " run, %d of them evenly spread, as %d officers' work (EventClock); each client sends the"
                        + " events of officers of its own.%n%n",
                began.truncatedTo(ChronoUnit.SECONDS),
                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                Runtime.getRuntime().availableProcessors(),
                server,
                settings.seconds(),
                settings.warmup(),
                laterWarmup(),
                settings.historyDays(),
                historyEvents(),
                GeneratedEvents.OFFICERS));
        out.append("### Intake, and PostgreSQL alone with the same rows\n\n");
        out.append("| what | clients | rows | rate | request latency p50 / p99 / max | cores used: service, PostgreSQL,"
                + " load generator, rest of the machine |\n");
        out.append("| --- | --- | --- | --- | --- | --- |\n");
        single.forEach(in -> ingestRow(out, in, best(single)));
        baselineRow(out, inserts, Integer.toString(best(single).clients()));
        batches.forEach(in -> ingestRow(out, in, best(batches)));
        copies.forEach(b -> baselineRow(out, b, "1"));
        out.append("\n| intake phase | requests | accepted | duplicates | failures | sealed during the phase |"
                + " backlog when the load stopped | sealed after | tree size, checked |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Ingest in : Stream.concat(single.stream(), batches.stream()).toList()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s, %d clients | %d | %d | %d | %s | %d (%.0f/s) | %d | %.1f s (%.0f/s) | %d = events"
                            + " accepted |%n",
                    in.name(),
                    in.clients(),
                    in.load().requests(),
                    in.load().accepted(),
                    in.load().duplicates(),
                    in.load().failures().isEmpty() ? "none" : in.load().failures(),
                    in.sealedDuring(),
                    in.sealedDuring() / in.load().seconds(),
                    in.backlog(),
                    in.drainSeconds(),
                    in.drainSeconds() > 0 ? in.backlog() / in.drainSeconds() : 0,
                    in.treeSize()));
        }
        out.append("\n### Inclusion proofs\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Bulk load: %d events copied into audit_entry, with all its indexes, as the owner (COPY from %d"
                        + " connections, %d rows per transaction) in %.0f s (%.0f rows/s) while the service's sealer"
                        + " sealed behind; backlog %d when the copy ended; all %d sealed %.0f s after the copy began"
                        + " (%.0f events/s overall). Cores used meanwhile (service, PostgreSQL, load generator,"
                        + " rest): %s.%n%n",
                bulk.copied(),
                settings.copyConnections(),
                COPY_CHUNK,
                bulk.copySeconds(),
                bulk.copied() / bulk.copySeconds(),
                bulk.backlog(),
                bulk.treeSize(),
                bulk.sealSeconds(),
                bulk.copied() / bulk.sealSeconds(),
                cores(bulk.cpu(), bulk.sealSeconds())));
        double scanSeconds = scanned.seconds();
        out.append(String.format(
                Locale.ROOT,
                "The alert scanner had scanned %d of the %d leaves when the bulk load was sealed; %s (cores used"
                        + " meanwhile: %s). The proofs were measured %s.%n%n",
                scanned.scannedAtStart(),
                scanned.treeSize(),
                scanned.caughtUp()
                        ? String.format(
                                Locale.ROOT,
                                "it scanned the rest in %.0f s (%.0f events/s)",
                                scanSeconds,
                                (scanned.treeSize() - scanned.scannedAtStart()) / Math.max(scanSeconds, 0.001))
                        : String.format(Locale.ROOT, "it had not scanned them all after %.0f s", scanSeconds),
                cores(scanned.cpu(), scanSeconds),
                scanned.caughtUp() ? "once it had" : "while it went on scanning"));
        Load p = proofs.load();
        out.append(String.format(
                Locale.ROOT,
                "Proofs of random leaves of a tree of %d leaves, %d requests/s for %d s (open load over at most %d"
                        + " connections, latency from when each request was due), security auditor's token; each"
                        + " proof records an audit event of its own.%n%n",
                proofs.treeSize(),
                settings.proofRate(),
                settings.proofSeconds(),
                MAX_IN_FLIGHT));
        out.append("| endpoint | requests | achieved rate | p50 | p95 | p99 | max | from sending: p95 | answers |"
                + " CPU per request: service, PostgreSQL |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        latencyRow(out, "`GET /api/audit-log/proofs/inclusion?index=` (auditor's token; records an event)", p);
        latencyRow(
                out,
                "`GET /api/audit-log/proofs/consistency?from=&to=` (public; for comparison)",
                proofs.consistency());
        out.append(String.format(
                Locale.ROOT,
                "%nEvery inclusion proof answered was checked against the root of its checkpoint (RFC 9162):"
                        + " %d verified, %d invalid. Cores used during the inclusion proofs (service, PostgreSQL,"
                        + " load generator, rest): %s.%n",
                proofs.verified(),
                proofs.invalid(),
                cores(proofs.cpu(), proofs.seconds())));
        out.append(String.format(
                Locale.ROOT,
                "%n### The security team's queries%n%nOn the same log, each kind %d requests/s for %d s (after %d s"
                        + " of warm-up; open load, latency from when each request was due), security auditor's token,"
                        + " a page of the default size; workers, officers, actions and periods drawn at random from"
                        + " the log. Each query records an audit event of its own.%n%n",
                QUERY_RATE,
                QUERY_SECONDS,
                QUERY_WARMUP));
        out.append("| query | requests | achieved rate | p50 | p95 | p99 | max | from sending: p95 | answers |"
                + " CPU per request: service, PostgreSQL |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        queries.forEach(q -> latencyRow(out, q.name(), q.load()));
        out.append("\n### Offline verification\n\n");
        JsonNode timing = export.timed().report().path("timing");
        out.append(String.format(
                Locale.ROOT,
                "Export of the first %d entries (`GET /api/audit-log/export?size=%d`, %d lines, %d MiB) streamed in"
                        + " %.1f s (%.0f entries/s).%n%n"
                        + "| what | time |%n| --- | --- |%n"
                        + "| `audit-verify --export FILE --log-key VKEY` (VerifyExport, its own JVM, wall time) |"
                        + " **%.2f s**: exit %d, ok %s, %d entries, %d problems |%n"
                        + "| plain SHA-256 of the export's bytes, this JVM, best of 3 | %.2f s (%.0f MiB/s) |%n"
                        + "| the same with `--timing` (hashes every entry twice) | %.2f s; it reports %.2f s checking,"
                        + " of which %.2f s plain SHA-256 of the %d MB of entry JSON |%n",
                export.entries(),
                export.entries(),
                export.lines(),
                export.bytes() >> 20,
                export.exportSeconds(),
                export.entries() / export.exportSeconds(),
                export.plain().seconds(),
                export.plain().exitCode(),
                export.plain().report().path("ok").asBoolean(),
                export.plain().report().path("entries").asLong(),
                export.plain().report().path("problems").size(),
                export.sha256Seconds(),
                (export.bytes() >> 20) / export.sha256Seconds(),
                export.timed().seconds(),
                timing.path("seconds").asDouble(),
                timing.path("plainSha256Seconds").asDouble(),
                timing.path("entryBytes").asLong() / 1_000_000));
        out.append(String.format(
                Locale.ROOT, "%naudit-service RSS after the run: %d MiB.%n", BenchSupport.rssKib(servicePid) / 1024));
        return out.toString();
    }

    private static void latencyRow(StringBuilder out, String name, Load load) {
        double[] d = load.fromDue();
        out.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.0f/s |%s| %.2f ms | %s | %.2f ms, %.2f ms |%n",
                name,
                d.length,
                load.achievedRate(),
                BenchSupport.percentileCells(d, 1, 50, 95, 99, 100),
                BenchSupport.percentile(load.fromSent(), 95),
                load.answers(),
                load.serviceCpuMillis(),
                load.databaseCpuMillis()));
    }

    /** A row of the intake table; the best run's rate in bold. */
    private static void ingestRow(StringBuilder out, Ingest in, Ingest best) {
        Closed load = in.load();
        String rate = String.format(Locale.ROOT, "%.0f events/s", load.rate());
        out.append(String.format(
                Locale.ROOT,
                "| audit-service intake, %s | %d | %d | %s (%.0f requests/s) | %.2f / %.2f / %.2f ms | %s |%n",
                in.name(),
                in.clients(),
                load.accepted(),
                in == best ? "**" + rate + "**" : rate,
                load.requests() / load.seconds(),
                BenchSupport.percentile(load.millis(), 50),
                BenchSupport.percentile(load.millis(), 99),
                BenchSupport.percentile(load.millis(), 100),
                cores(in.cpu(), load.seconds())));
    }

    private static void baselineRow(StringBuilder out, Baseline b, String clients) {
        out.append(String.format(
                Locale.ROOT,
                "| PostgreSQL alone: %s | %s | %d | %.0f rows/s | | %s |%n",
                b.what(),
                clients,
                b.rows(),
                b.rate(),
                cores(b.cpu(), b.seconds())));
    }

    /** CPU time as cores busy over {@code seconds}: service, PostgreSQL, this JVM, the rest of the machine. */
    private static String cores(Cpu cpu, double seconds) {
        double ms = seconds * 1000;
        return String.format(
                Locale.ROOT,
                "%.2f, %.2f, %.2f, %.2f",
                cpu.service() / ms,
                cpu.database() / ms,
                cpu.self() / ms,
                cpu.others() / ms);
    }
}
