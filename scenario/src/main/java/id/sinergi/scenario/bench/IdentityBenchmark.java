package id.sinergi.scenario.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.TokenClient;
import id.sinergi.identity.matching.eval.ExportRow;
import id.sinergi.identity.matching.eval.GeneratorSettings;
import id.sinergi.identity.matching.eval.LabelledExports;
import id.sinergi.identity.matching.eval.LabelledExports.LabelledRow;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The identity-service benchmark: stores a population of workers through the bulk intake (records per second, and
 * the service's resident memory while it streams), then registers single new records against it one at a time
 * (latency of matching one record, as a client sees it: HTTP, token check, blocking-key look-up, scoring, writes
 * and the audit event). Starts its own PostgreSQL database, Keycloak and identity-service on free ports, and stops
 * them again.
 *
 * <p>Usage: {@code ./sinergi bench identity [--workers N] [--probes N] [--chunk N] [--seed S]
 * [--postgres embedded|local] [--service key=value,key=value]}; {@code --service} passes configuration to
 * identity-service, e.g. {@code sinergi.intake.concurrency=6}. The database server is by default an embedded
 * PostgreSQL of the benchmark's own, configured as a database server for this data set would be
 * ({@link #SERVER_SETTINGS}); {@code --postgres local} uses the server on 127.0.0.1:5432 as it is configured.
 */
public final class IdentityBenchmark {

    private static final Logger LOG = Logger.getLogger(IdentityBenchmark.class.getName());
    private static final String NDJSON = "application/x-ndjson";

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<long[]> memory = new CopyOnWriteArrayList<>();
    private final Map<String, Long> rejections = new java.util.TreeMap<>();
    private final Map<String, String> serviceConfig = new LinkedHashMap<>();

    /**
     * The embedded server's settings beside PostgreSQL's defaults: memory for the working set of a million
     * workers (about 2 GB of tables and indexes), and checkpoints far enough apart that the blocking keys' index,
     * whose inserts land on random pages, is not written out whole at every one. Commits stay synchronous.
     */
    static final Map<String, String> SERVER_SETTINGS = Map.of(
            "shared_buffers", "4GB",
            "effective_cache_size", "12GB",
            "max_wal_size", "16GB",
            "checkpoint_timeout", "30min",
            "wal_compression", "on",
            "work_mem", "16MB");

    private IdentityBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchSupport.options(args);
        int workers = Integer.parseInt(options.getOrDefault("workers", "1160000"));
        int probes = Integer.parseInt(options.getOrDefault("probes", "2000"));
        int chunk = Integer.parseInt(options.getOrDefault("chunk", "20000"));
        long seed = Long.parseLong(options.getOrDefault("seed", String.valueOf(GeneratorSettings.DEFAULT_SEED)));
        Path runDir = RepoPaths.root().resolve("scenario/target/bench");
        Files.createDirectories(runDir);
        Map<String, String> serviceConfig = BenchSupport.pairs(options, "service");
        boolean embedded = BenchSupport.embeddedPostgres(options);
        IdentityBenchmark bench = new IdentityBenchmark();
        bench.serviceConfig.putAll(serviceConfig);
        String report = bench.run(workers, probes, chunk, seed, embedded, runDir);
        Files.writeString(runDir.resolve("identity-benchmark.md"), report);
        System.out.println(report);
        System.exit(0);
    }

    private String run(int workers, int probes, int chunk, long seed, boolean embedded, Path runDir) throws Exception {
        LOG.info("generating " + workers + " labelled persons (seed " + seed + ")");
        LabelledExports.Result exports = LabelledExports.generate(
                GeneratorSettings.defaults().withPersons(workers).withSeed(seed));
        List<ExportRow> seedRows =
                exports.siskop2mi().stream().map(LabelledRow::row).toList();
        List<ExportRow> probeRows =
                exports.peduliWni().stream().map(LabelledRow::row).limit(probes).toList();
        try (PostgresServer postgres = embedded
                        ? PostgresServer.embedded(runDir, SERVER_SETTINGS)
                        : PostgresServer.localOrEmbedded(runDir);
                KeycloakServer keycloak = KeycloakServer.start(runDir, Processes.freePort());
                ServiceProcess identity = startIdentity(postgres, keycloak, runDir)) {
            TokenClient tokens = new TokenClient(keycloak.realmUrl());
            Intake intake = intake(identity, tokens, seedRows, chunk);
            Latency latency = probe(identity, tokens, probeRows);
            String server = embedded
                    ? "embedded PostgreSQL with " + postgres.embeddedSettings()
                    : postgres.describe() + " as configured";
            return report(workers, seedRows.size(), intake, latency, rejections, serviceConfig, server);
        }
    }

    private ServiceProcess startIdentity(PostgresServer postgres, KeycloakServer keycloak, Path runDir) {
        PostgresServer.Database db = postgres.freshDatabase("sinergi_identity_bench");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        // No audit-service here: the events wait in the outbox, written in each registration's transaction.
        config.put("sinergi.audit.relay-interval", "off");
        config.putAll(serviceConfig);
        Map<String, String> secrets = Map.of(
                "SINERGI_OIDC_CLIENT_SECRET", TokenClient.localSecret("identity-service"),
                "QUARKUS_DATASOURCE_PASSWORD", db.password());
        return ServiceProcess.start("identity-service", Processes.freePort(), config, secrets, runDir.resolve("logs"));
    }

    /** What the bulk intake did: rows, time, and memory samples of the service (seconds, resident KiB). */
    private record Intake(
            long rows, long stored, long rejected, double seconds, List<long[]> memory, List<String> chunks) {}

    private Intake intake(ServiceProcess identity, TokenClient tokens, List<ExportRow> rows, int chunk)
            throws Exception {
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        sampler.scheduleAtFixedRate(
                () -> memory.add(
                        new long[] {(System.nanoTime() - start) / 1_000_000_000L, BenchSupport.rssKib(identity.pid())}),
                0,
                2,
                TimeUnit.SECONDS);
        long stored = 0;
        long rejected = 0;
        List<String> chunks = new ArrayList<>();
        try {
            for (int from = 0; from < rows.size(); from += chunk) {
                List<ExportRow> part = rows.subList(from, Math.min(rows.size(), from + chunk));
                String token = tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector"));
                long partStart = System.nanoTime();
                JsonNode summary = sendBulk(identity, token, part);
                stored += summary.path("stored").asLong();
                rejected += summary.path("rejected").asLong();
                double seconds = (System.nanoTime() - partStart) / 1e9;
                String line = String.format(
                        Locale.ROOT,
                        "rows %d-%d: %.0f records/s, service RSS %d MiB",
                        from,
                        from + part.size(),
                        part.size() / seconds,
                        BenchSupport.rssKib(identity.pid()) / 1024);
                chunks.add(line);
                LOG.info(line);
            }
        } finally {
            sampler.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Intake(rows.size(), stored, rejected, seconds, new ArrayList<>(memory), chunks);
    }

    private JsonNode sendBulk(ServiceProcess identity, String token, List<ExportRow> part) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream(part.size() * 400);
        for (ExportRow row : part) {
            body.write(json.writeValueAsBytes(row));
            body.write('\n');
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(identity.baseUrl() + "/api/workers/registrations/bulk"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", NDJSON)
                .timeout(Duration.ofMinutes(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bulk intake answered HTTP " + response.statusCode());
        }
        String text = response.body().strip();
        for (String line : text.split("\n")) {
            JsonNode result = json.readTree(line);
            if (result.has("problem")) {
                rejections.merge(result.path("problem").path("type").asText(), 1L, Long::sum);
            }
        }
        String last = text.substring(text.lastIndexOf('\n') + 1);
        return json.readTree(last).path("summary");
    }

    /** Latencies of single registrations, in milliseconds, sorted. */
    private record Latency(double[] millis, Map<String, Long> outcomes) {

        double percentile(double p) {
            return BenchSupport.percentile(millis, p);
        }
    }

    private Latency probe(ServiceProcess identity, TokenClient tokens, List<ExportRow> rows) throws Exception {
        String token = tokens.client("peduli-wni-portal", TokenClient.localSecret("peduli-wni-portal"));
        URI uri = URI.create(identity.baseUrl() + "/api/workers/registrations");
        double[] millis = new double[rows.size()];
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(rows.get(i))))
                    .build();
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - start) / 1e6;
            JsonNode answer = json.readTree(response.body());
            outcomes.merge(
                    response.statusCode() + " "
                            + answer.path("match").asText(answer.path("type").asText()),
                    1L,
                    Long::sum);
        }
        java.util.Arrays.sort(millis);
        return new Latency(millis, outcomes);
    }

    private static String report(
            int persons,
            int seeded,
            Intake intake,
            Latency latency,
            Map<String, Long> rejections,
            Map<String, String> serviceConfig,
            String server) {
        StringBuilder out = new StringBuilder();
        out.append("## identity-service benchmark\n\n");
        out.append(String.format(
                Locale.ROOT,
                "Population: %d generated persons, %d SISKOP2MI records sent; %d probes (PEDULI_WNI records of the"
                        + " same persons, with the generator's noise).%n%n",
                persons,
                seeded,
                latency.millis().length));
        out.append("Database server: ").append(server).append(".\n\n");
        if (!serviceConfig.isEmpty()) {
            out.append("Service configuration beside its defaults: ")
                    .append(serviceConfig)
                    .append("\n\n");
        }
        out.append("| measure | value |\n| --- | --- |\n");
        out.append(String.format(
                Locale.ROOT,
                "| bulk intake | %d rows in %.0f s: **%.0f records/s** (stored %d, rejected %d) |%n",
                intake.rows(),
                intake.seconds(),
                intake.rows() / intake.seconds(),
                intake.stored(),
                intake.rejected()));
        long[] rss = intake.memory().stream().mapToLong(s -> s[1]).toArray();
        if (rss.length > 0) {
            out.append(String.format(
                    Locale.ROOT,
                    "| service RSS during intake | first %d MiB, median %d MiB, max %d MiB, last %d MiB"
                            + " (%d samples) |%n",
                    rss[0] / 1024,
                    median(rss) / 1024,
                    java.util.Arrays.stream(rss).max().orElse(0) / 1024,
                    rss[rss.length - 1] / 1024,
                    rss.length));
        }
        out.append(String.format(
                Locale.ROOT,
                "| single registration latency | p50 %.1f ms, **p95 %.1f ms**, p99 %.1f ms, max %.1f ms |%n",
                latency.percentile(50),
                latency.percentile(95),
                latency.percentile(99),
                latency.percentile(100)));
        out.append("| rows the intake rejected, by problem | ")
                .append(rejections)
                .append(" |\n");
        out.append("| probe outcomes (HTTP status, match) | ")
                .append(latency.outcomes())
                .append(" |\n");
        out.append("\nIntake per file sent:\n\n");
        intake.chunks().forEach(c -> out.append("- ").append(c).append('\n'));
        return out.toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
