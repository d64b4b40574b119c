package id.sinergi.scenario.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.SigningKeyFile;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.bench.BenchSupport.Load;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/**
 * The consent-service decision benchmark: with a million grants stored, sends decision requests at a fixed rate
 * through the real HTTP endpoint with a consular officer's access token, and the same rate to a trivial
 * authenticated endpoint of the same service ({@code GET /api/caller}, token check only), so that the two
 * latencies side by side show what deciding costs beside what any authenticated call costs.
 *
 * <p>The load is open: request {@code i} is due at {@code start + i / rate} whatever the earlier ones do, and its
 * latency is counted from when it was due, so that a stall delays and counts against every request due during
 * it (no coordinated omission). Each decision does what it does in production: reads the worker's grants (and
 * vital-interest authorisations where one could change the answer), then counts the use of the grant, records its
 * holder and writes its audit event to the outbox in one statement. The outbox relay is off (no audit-service
 * runs here).
 *
 * <p>The grants are made from two grants recorded through the API, for two workers registered in an
 * identity-service that runs for that alone (consent-service checks a grant's worker there; decisions never ask
 * it): their rows are copied in SQL, a million times over, with new ids, workers and, for some, a revoked status.
 * Decisions ask for grant holders (PERMIT), for workers with a revoked grant and for workers without any (DENY), for
 * two purposes, one of them partly on a lawful basis other than consent. A copied grant made revoked has its status
 * and revocation columns set, not a version of its own for the revocation: decisions read the grant row only.
 *
 * <p>Usage: {@code ./sinergi bench consent [--grants N] [--rate R] [--seconds S] [--warmup S] [--seed S]
 * [--postgres embedded|local] [--server key=value,key=value] [--service key=value,key=value] [--jvm "options"]};
 * {@code --server} changes the embedded server's settings, {@code --service} passes configuration to
 * consent-service and {@code --jvm} JVM options.
 */
public final class ConsentBenchmark {

    private static final Logger LOG = Logger.getLogger(ConsentBenchmark.class.getName());

    /** The consular officer whose token asks; Kemlu is the agency reading KemenP2MI's placement data. */
    private static final String OFFICER = "consul.kl";

    /** One grant in this many is revoked. */
    private static final int REVOKED_ONE_IN = 25;

    /** Of every 100 decisions, this many name a worker who holds no grant at all. */
    private static final int UNKNOWN_WORKER_PERCENT = 10;

    /**
     * At most this many requests in flight, hence connections open, as a caller's connection pool would allow; a
     * request due while all are busy waits for one, and its wait counts in its latency ({@link BenchSupport#openLoad}).
     */
    private static final int MAX_IN_FLIGHT = 32;

    /** The embedded server's settings: memory for the grants and their indexes to stay in buffers. */
    private static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_buffers", "2GB",
            "effective_cache_size", "8GB",
            "max_wal_size", "8GB",
            "checkpoint_timeout", "30min",
            "wal_compression", "on");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private volatile String token;

    /** The consent-service process and the PostgreSQL server's main process, whose CPU time is measured. */
    private long servicePid;

    private long databasePid;

    /** The embedded server's settings: {@link #SERVER_SETTINGS} and what {@code --server k=v,k=v} changes. */
    private final Map<String, String> serverSettings = new TreeMap<>(SERVER_SETTINGS);

    /** consent-service's JVM options: {@link BenchSupport#SERVICE_HEAP} and what {@code --jvm "-X..."} adds. */
    private List<String> jvmOptions = BenchSupport.SERVICE_HEAP;

    /** consent-service's configuration beside its defaults, from {@code --service k=v,k=v}. */
    private final Map<String, String> serviceConfig = new TreeMap<>();

    /**
     * identity-service, which runs only while the two template grants are recorded (consent-service checks their
     * workers there): its database, port, realm and log folder.
     */
    private PostgresServer.Database identityDb;

    private int identityPort;
    private String realmUrl;
    private Path logDir;

    private ConsentBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int grants = Integer.parseInt(options.getOrDefault("grants", "1000000"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "120"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        long seed = Long.parseLong(options.getOrDefault("seed", "20261204"));
        boolean embedded = BenchSupport.embeddedPostgres(options);
        if (grants < 100 || rate < 1 || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("need --grants >= 100, --rate >= 1, --seconds >= 1, --warmup >= 0");
        }
        Path runDir = RepoPaths.root().resolve("scenario/target/bench");
        Files.createDirectories(runDir);
        ConsentBenchmark bench = new ConsentBenchmark();
        bench.serverSettings.putAll(BenchSupport.pairs(options, "server"));
        bench.serviceConfig.putAll(BenchSupport.pairs(options, "service"));
        bench.jvmOptions = BenchSupport.jvmOptions(options, BenchSupport.SERVICE_HEAP);
        String report = bench.run(grants, rate, seconds, warmup, seed, embedded, runDir);
        Files.writeString(runDir.resolve("consent-benchmark.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    private String run(int grants, int rate, int seconds, int warmup, long seed, boolean embedded, Path runDir)
            throws Exception {
        try (PostgresServer postgres = embedded
                        ? PostgresServer.embedded(runDir, serverSettings)
                        : PostgresServer.localOrEmbedded(runDir);
                KeycloakServer keycloak = KeycloakServer.start(runDir, Processes.freePort())) {
            PostgresServer.Database db = postgres.freshDatabase("sinergi_consent_bench");
            identityDb = postgres.freshDatabase("sinergi_identity_bench");
            try (ServiceProcess consent = startConsent(db, keycloak, runDir)) {
                TokenClient tokens = new TokenClient(keycloak.realmUrl());
                servicePid = consent.pid();
                databasePid = BenchSupport.postmaster(db);
                token = tokens.user(OFFICER);
                Population population = seed(db, consent, tokens, grants);
                ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor();
                refresher.scheduleWithFixedDelay(() -> token = tokens.user(OFFICER), 5, 5, TimeUnit.SECONDS);
                try {
                    int port = consent.port();
                    String decide = "/api/consent-decisions";
                    String caller = "/api/caller";
                    Questions questions = new Questions(population, seed);
                    LOG.info("warming up for " + warmup + " s at " + rate + " requests/s");
                    load(port, decide, questions::body, rate, warmup * 2 / 3);
                    load(port, caller, i -> null, rate, warmup / 3);
                    LOG.info("measuring the trivial authenticated endpoint for " + seconds + " s");
                    Load trivial = load(port, caller, i -> null, rate, seconds);
                    LOG.info("measuring decisions for " + seconds + " s");
                    Load decisions = load(port, decide, questions::body, rate, seconds);
                    long rss = BenchSupport.rssKib(consent.pid());
                    Map<String, String> sizes = sizes(db);
                    String server = embedded
                            ? "embedded PostgreSQL with " + postgres.embeddedSettings()
                            : postgres.describe() + " as configured";
                    if (!serviceConfig.isEmpty()) {
                        server += "; consent-service configuration beside its defaults: " + serviceConfig;
                    }
                    server += "; consent-service JVM options " + jvmOptions;
                    return report(population, rate, seconds, trivial, decisions, rss, sizes, server);
                } finally {
                    refresher.shutdownNow();
                }
            }
        }
    }

    private ServiceProcess startConsent(PostgresServer.Database db, KeycloakServer keycloak, Path runDir) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        identityPort = Processes.freePort();
        realmUrl = keycloak.realmUrl();
        logDir = runDir.resolve("logs");
        config.put("quarkus.rest-client.identity-service.url", "http://127.0.0.1:" + identityPort);
        // No audit-service here: each decision's event waits in the outbox, written in its transaction.
        config.put("sinergi.audit.relay-interval", "off");
        config.put(
                SigningKeyFile.RECEIPT_SETTING, SigningKeyFile.create("receipt").toString());
        config.putAll(serviceConfig);
        Map<String, String> secrets = Map.of(
                "SINERGI_OIDC_CLIENT_SECRET", TokenClient.localSecret("consent-service"),
                "QUARKUS_DATASOURCE_PASSWORD", db.password());
        return ServiceProcess.start(
                "consent-service",
                RepoPaths.serviceJar("consent-service"),
                Processes.freePort(),
                config,
                secrets,
                runDir.resolve("logs"),
                jvmOptions);
    }

    /**
     * The stored grants: {@code kemlu} workers hold a grant to Kemlu (worker {@code k} is
     * {@link #worker(String, long) worker("w", k)}), the first {@code kemenp2mi} of them one to KemenP2MI as well.
     */
    private record Population(int grants, int kemlu, int kemenp2mi, int revoked) {}

    /**
     * Records one grant to each agency through the API, for two workers registered in identity-service (which runs
     * for that only), then copies their rows in SQL until {@code grants} are stored, each with its first version and
     * a worker of its own, and checks through the API that a copied grant decides as recorded.
     */
    private Population seed(PostgresServer.Database db, ServiceProcess consent, TokenClient tokens, int grants)
            throws Exception {
        int kemlu = grants * 4 / 5;
        int kemenp2mi = grants - kemlu;
        Instant until = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        UUID toKemlu;
        UUID toKemenp2mi;
        try (ServiceProcess identity = startIdentity()) {
            String connector = tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector"));
            toKemlu = recordGrant(
                    consent,
                    tokens.user("p2mi.officer"),
                    Map.of(
                            "workerId", registerWorker(identity, connector, "3171011708950001"),
                            "receivingAgency", "KEMLU",
                            "purposes", List.of("INSURANCE_CLAIM", "PROTECTION_CASE_HANDLING"),
                            "dataCategories", List.of("IDENTITY", "PLACEMENT", "HEALTH"),
                            "validUntil", until.toString()));
            toKemenp2mi = recordGrant(
                    consent,
                    tokens.user(OFFICER),
                    Map.of(
                            "workerId", registerWorker(identity, connector, "3171011708950002"),
                            "receivingAgency", "KEMENP2MI",
                            "purposes", List.of("INSURANCE_CLAIM"),
                            "dataCategories", List.of("IDENTITY", "CASE_DETAILS"),
                            "validUntil", until.toString()));
        }
        long start = System.nanoTime();
        int revoked = 0;
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            c.setAutoCommit(false);
            for (int from = 0; from < grants; from += 100_000) {
                int to = Math.min(grants, from + 100_000) - 1;
                revoked += copy(c, toKemlu, from, Math.min(to, kemlu - 1), 0);
                revoked += copy(c, toKemenp2mi, Math.max(from, kemlu), to, kemlu);
                c.commit();
                LOG.info("stored " + (to + 1) + " grants");
            }
            try (Statement st = c.createStatement()) {
                c.setAutoCommit(true);
                st.execute("VACUUM ANALYZE consent_grant");
                st.execute("VACUUM ANALYZE consent_grant_version");
            }
        }
        LOG.info(String.format(
                Locale.ROOT, "stored %d grants in %.0f s", grants + 2, (System.nanoTime() - start) / 1e9));
        Population population = new Population(grants + 2, kemlu, kemenp2mi, revoked);
        check(consent, population);
        return population;
    }

    /** identity-service on the port consent-service was given, with a database of its own and no audit delivery. */
    private ServiceProcess startIdentity() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", identityDb.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", identityDb.jdbcUrl());
        config.put("quarkus.datasource.username", identityDb.user());
        config.put("quarkus.oidc.auth-server-url", realmUrl);
        config.put("sinergi.audit.relay-interval", "off");
        Map<String, String> secrets = Map.of(
                "SINERGI_OIDC_CLIENT_SECRET", TokenClient.localSecret("identity-service"),
                "QUARKUS_DATASOURCE_PASSWORD", identityDb.password());
        return ServiceProcess.start(
                "identity-service", RepoPaths.serviceJar("identity-service"), identityPort, config, secrets, logDir);
    }

    /** Registers a SiskoP2MI record of a worker with this NIK (Gambir, Jakarta Pusat) and gives the worker's id. */
    private String registerWorker(ServiceProcess identity, String connectorToken, String nik) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "SISKOP2MI");
        body.put("sourceRecordId", "BENCH-" + nik);
        body.put("nik", nik);
        body.put("fullName", "Pekerja Uji " + nik.substring(12));
        body.put("birthDate", "1995-08-17");
        body.put("sex", "M");
        body.put("destinationCountry", "MY");
        body.put("phase", "ABROAD");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(identity.baseUrl() + "/api/workers/registrations"))
                        .header("Authorization", "Bearer " + connectorToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "registering a worker answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body()).path("workerId").asText();
    }

    private UUID recordGrant(ServiceProcess consent, String officerToken, Map<String, Object> body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(consent.baseUrl() + "/api/consents"))
                        .header("Authorization", "Bearer " + officerToken)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "recording a grant answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return UUID.fromString(json.readTree(response.body()).path("id").asText());
    }

    /**
     * Copies the template grant's row and first version for grants {@code from..to} (inclusive); the grant's
     * worker is {@code worker("w", i - workerOffset)}. Returns how many of them were made revoked.
     */
    private static int copy(Connection c, UUID template, int from, int to, int workerOffset) throws SQLException {
        if (from > to) {
            return 0;
        }
        String columns;
        try (PreparedStatement ps = c.prepareStatement("SELECT string_agg(quote_ident(column_name), ', ')"
                + " FROM information_schema.columns WHERE table_name = 'consent_grant'"
                + " AND column_name NOT IN ('id', 'worker_id', 'status', 'revoked_at', 'revoked_by',"
                + " 'revocation_reason')")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                columns = rs.getString(1);
            }
        }
        String grants = "INSERT INTO consent_grant (id, worker_id, status, revoked_at, revoked_by, revocation_reason, "
                + columns + ") SELECT md5('g' || i)::uuid, md5('w' || (i - ?))::uuid,"
                + " CASE WHEN i % " + REVOKED_ONE_IN + " = 0 THEN 'REVOKED' ELSE t.status END,"
                + " CASE WHEN i % " + REVOKED_ONE_IN + " = 0 THEN t.granted_at END,"
                + " CASE WHEN i % " + REVOKED_ONE_IN + " = 0 THEN t.granted_by END,"
                + " CASE WHEN i % " + REVOKED_ONE_IN + " = 0 THEN 'the worker withdrew (benchmark)' END, "
                + prefixed(columns, "t.") + " FROM consent_grant t, generate_series(?, ?) i WHERE t.id = ?";
        String versions = "INSERT INTO consent_grant_version"
                + " (id, grant_id, worker_id, revision, status, changed_at, changed_by, changed_by_username, reason,"
                + " snapshot) SELECT md5('v' || i)::uuid, md5('g' || i)::uuid, md5('w' || (i - ?))::uuid,"
                + " v.revision, v.status, v.changed_at, v.changed_by, v.changed_by_username, v.reason,"
                + " replace(replace(v.snapshot, ?, md5('g' || i)::uuid::text), ?, md5('w' || (i - ?))::uuid::text)"
                + " FROM consent_grant_version v JOIN consent_grant t ON t.id = v.grant_id,"
                + " generate_series(?, ?) i WHERE v.grant_id = ?";
        try (PreparedStatement g = c.prepareStatement(grants);
                PreparedStatement v = c.prepareStatement(versions);
                PreparedStatement w = c.prepareStatement("SELECT worker_id FROM consent_grant WHERE id = ?")) {
            w.setObject(1, template);
            String templateWorker;
            try (ResultSet rs = w.executeQuery()) {
                rs.next();
                templateWorker = rs.getString(1);
            }
            g.setInt(1, workerOffset);
            g.setInt(2, from);
            g.setInt(3, to);
            g.setObject(4, template);
            g.executeUpdate();
            v.setInt(1, workerOffset);
            v.setString(2, template.toString());
            v.setString(3, templateWorker);
            v.setInt(4, workerOffset);
            v.setInt(5, from);
            v.setInt(6, to);
            v.setObject(7, template);
            v.executeUpdate();
        }
        return (int) (Math.floorDiv(to, REVOKED_ONE_IN) - Math.floorDiv(from - 1, REVOKED_ONE_IN));
    }

    private static String prefixed(String columns, String prefix) {
        return Arrays.stream(columns.split(", "))
                .map(c -> prefix + c)
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    }

    /** A stored grant decides as recorded, a revoked one and a missing one deny: else the copies are wrong. */
    private void check(ServiceProcess consent, Population population) throws Exception {
        Questions probe = new Questions(population, 1);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(worker("w", 1).toString(), "PERMIT");
        expected.put(worker("w", REVOKED_ONE_IN).toString(), "DENY");
        expected.put(worker("nobody", 1).toString(), "DENY");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            byte[] body = probe.insuranceClaim(e.getKey());
            HttpResponse<String> response = send(URI.create(consent.baseUrl() + "/api/consent-decisions"), body);
            JsonNode answer = json.readTree(response.body());
            if (response.statusCode() != 200
                    || !e.getValue().equals(answer.path("decision").asText())) {
                throw new IllegalStateException("the copied grants do not decide as recorded: worker " + e.getKey()
                        + " answered HTTP " + response.statusCode() + " " + response.body());
            }
        }
    }

    private HttpResponse<String> send(URI uri, byte[] body) throws Exception {
        return http.send(request(uri, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(URI uri, byte[] body) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        return body == null
                ? b.GET().build()
                : b.header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
    }

    /** The decision requests, drawn from a seeded random sequence. */
    private final class Questions {

        private final Population population;
        private final long seed;

        Questions(Population population, long seed) {
            this.population = population;
            this.seed = seed;
        }

        /** The body of request {@code i}: a worker with or without a grant, one of two purposes. */
        byte[] body(int i) {
            SplittableRandom random = new SplittableRandom(seed * 31 + i);
            String worker = random.nextInt(100) < UNKNOWN_WORKER_PERCENT
                    ? worker("nobody", random.nextInt(population.kemlu())).toString()
                    : worker("w", random.nextInt(population.kemlu())).toString();
            return random.nextInt(100) < 70 ? insuranceClaim(worker) : protectionCase(worker);
        }

        /** Identity and placement for an insurance claim: both on consent only. */
        byte[] insuranceClaim(String worker) {
            return question(worker, "INSURANCE_CLAIM", List.of("IDENTITY", "PLACEMENT"));
        }

        /** A protection case: identity and case details on public task, placement on consent. */
        byte[] protectionCase(String worker) {
            return question(worker, "PROTECTION_CASE_HANDLING", List.of("IDENTITY", "CASE_DETAILS", "PLACEMENT"));
        }

        private byte[] question(String worker, String purpose, List<String> categories) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("workerId", worker);
            body.put("requestingAgency", "KEMLU");
            body.put("purpose", purpose);
            body.put("dataCategories", categories);
            try {
                return json.writeValueAsBytes(body);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Sends {@code rate} requests a second for {@code seconds} to {@code path}, request {@code i} with
     * {@code body.apply(i)} (a GET when null), with the officer's current token.
     */
    private Load load(int port, String path, IntFunction<byte[]> body, int rate, int seconds)
            throws InterruptedException {
        return BenchSupport.openLoad(
                port,
                i -> new BenchSupport.Call(path, token, body.apply(i)),
                rate,
                seconds,
                MAX_IN_FLIGHT,
                (i, status, answer) -> answerOf(status, answer),
                servicePid,
                databasePid);
    }

    private static String answerOf(int status, String body) {
        if (body.contains("\"decision\":\"PERMIT\"")) {
            return status + " PERMIT";
        }
        if (body.contains("\"decision\":\"DENY\"")) {
            return status + " DENY";
        }
        return Integer.toString(status);
    }

    /** The UUID PostgreSQL's {@code md5(prefix || k)::uuid} gives, so the benchmark can name seeded workers. */
    static UUID worker(String prefix, long k) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest((prefix + k).getBytes(StandardCharsets.UTF_8));
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (d[i] & 0xff);
                lsb = (lsb << 8) | (d[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> sizes(PostgresServer.Database db) throws SQLException {
        Map<String, String> sizes = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT relname, pg_size_pretty(pg_total_relation_size(oid))"
                        + " FROM pg_class WHERE relname IN ('consent_grant', 'consent_grant_version',"
                        + " 'consent_grant_holder', 'audit_outbox') ORDER BY relname")) {
            while (rs.next()) {
                sizes.put(rs.getString(1), rs.getString(2));
            }
        }
        return sizes;
    }

    private static String report(
            Population population,
            int rate,
            int seconds,
            Load trivial,
            Load decisions,
            long rssKib,
            Map<String, String> sizes,
            String server) {
        StringBuilder out = new StringBuilder();
        out.append("## consent-service decision benchmark\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Grants stored: %d (%d to Kemlu, %d to KemenP2MI, %d of them revoked); %d requests/s for %d s to"
                        + " each endpoint, open load over at most %d connections, latency counted from when each"
                        + " request was due.%n%n",
                population.grants(),
                population.kemlu() + 1,
                population.kemenp2mi() + 1,
                population.revoked(),
                rate,
                seconds,
                MAX_IN_FLIGHT));
        out.append("Database server: ").append(server).append(". Table sizes after the run: ");
        out.append(sizes).append(".\n\n");
        out.append("| endpoint | requests | achieved rate | p50 | p90 | p99 | p99.9 | max | CPU per request:"
                + " service, PostgreSQL | answers |\n");
        out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        row(out, "GET /api/caller (token check only)", trivial);
        row(out, "POST /api/consent-decisions", decisions);
        out.append(String.format(
                Locale.ROOT,
                "%nDecision p99 / trivial p99: %.2f. Time from sending (not from when due): trivial p99 %.2f ms,"
                        + " decisions p99 %.2f ms. consent-service RSS after the run: %d MiB.%n",
                BenchSupport.percentile(decisions.fromDue(), 99) / BenchSupport.percentile(trivial.fromDue(), 99),
                BenchSupport.percentile(trivial.fromSent(), 99),
                BenchSupport.percentile(decisions.fromSent(), 99),
                rssKib / 1024));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Load load) {
        double[] d = load.fromDue();
        out.append(String.format(
                Locale.ROOT,
                "| %s | %d | %.0f/s |%s| %.2f ms, %.2f ms | %s |%n",
                name,
                d.length,
                load.achievedRate(),
                BenchSupport.percentileCells(d, 2, 50, 90, 99, 99.9, 100),
                load.serviceCpuMillis(),
                load.databaseCpuMillis(),
                load.answers()));
    }
}
