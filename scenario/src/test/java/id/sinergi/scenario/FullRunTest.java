package id.sinergi.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.LocalRealm;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TestDatabases;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.Api.Exchange;
import id.sinergi.scenario.bench.LoadBenchmark;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole suite (PostgreSQL, Keycloak, the four services) on free ports, the main job's scenario run through it
 * once, as {@code ./sinergi run --once} runs it, with every exchange recorded and the scenario's own output kept in a
 * file; then what issue 8 asks of such a run: no NIK, passport number, token or client secret in any log, URL or
 * error body, and a short load of the same operations whose every acknowledged write is stored once and audited.
 */
class FullRunTest {

    private static final Path WORK = Path.of("target", "full-run").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SCENARIO_WORKERS = 40;
    private static final long SEED = 20261204L;

    private static final Queue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
    private static KeycloakServer keycloak;
    private static Suite suite;
    private static TokenClient tokens;
    private static PostgresServer postgres;
    private static String prefix;
    private static ExportGenerator generator;
    private static ExportGenerator.Exports exports;
    private static ProtectionScenario.ScenarioReport report;
    private static Path scenarioOutput;

    @BeforeAll
    static void startSuiteAndRunTheScenario() throws IOException {
        scenarioOutput = WORK.resolve("scenario-output.log");
        report = withOutputIn(scenarioOutput, FullRunTest::startAndRun);
    }

    private static ProtectionScenario.ScenarioReport startAndRun() {
        postgres = PostgresServer.localOrEmbedded(WORK);
        keycloak = KeycloakServer.start(WORK, Processes.freePort());
        Map<String, Integer> ports = new LinkedHashMap<>();
        Suite.SERVICES.forEach(s -> ports.put(s, Processes.freePort()));
        prefix = "sinergi_full" + TestDatabases.suffix() + "_";
        LogWitnesses witnesses = LogWitnesses.create(WORK.resolve("witnesses"));
        Suite.Options options = Suite.Options.of(prefix, WORK.resolve("logs"))
                .withConfig(Map.of("sinergi.audit.relay-interval", "500ms", "sinergi.audit.relay-delay", "1s"));
        suite = Main.startSuite(postgres, keycloak, witnesses, ports, options);
        tokens = new TokenClient(keycloak.realmUrl());
        ReferenceData reference = ReferenceData.load();
        // One generator for the scenario's exports and the load's workers, so that no NIK or passport number repeats.
        generator = new ExportGenerator(reference, SEED);
        exports = generator.generate(SCENARIO_WORKERS);
        ExportGenerator.write(exports, WORK.resolve("exports"));
        return Main.runScenario(suite, keycloak, witnesses, reference, exports, SEED, tokens, new Api(exchanges::add));
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void shouldNameNoNikPassportNumberTokenOrSecretInAnyLogUrlOrErrorBodyOfAFullScenarioRun() throws IOException {
        LeakScan scan = secretsOfTheRun();
        List<Path> logs = logsOfTheRun();

        List<LeakScan.Finding> findings = new ArrayList<>();
        logs.forEach(log -> findings.addAll(scan.scan(log)));
        int errorBodies = 0;
        for (Exchange e : exchanges) {
            findings.addAll(scan.scan("URL " + e.method() + " " + pathOnly(e.url()), e.url()));
            if (e.status() >= 400) {
                errorBodies++;
                findings.addAll(scan.scan("body of HTTP " + e.status() + " to " + pathOnly(e.url()), e.body()));
            }
        }

        assertThat(report.allHeld())
                .as("the scenario ran whole: %s", report.failures())
                .isTrue();
        assertThat(scan.niks()).as("NIKs looked for").isGreaterThan(SCENARIO_WORKERS);
        assertThat(scan.passports()).as("passport numbers looked for").isGreaterThan(SCENARIO_WORKERS / 2);
        assertThat(scan.tokens()).as("token parts looked for").isGreaterThan(10);
        assertThat(scan.secrets()).as("client secrets looked for").isGreaterThan(5);
        assertThat(logs).as("service logs, Keycloak's, the scenario's output").hasSize(Suite.SERVICES.size() + 3);
        assertThat(logs)
                .allSatisfy(
                        log -> assertThat(Files.size(log)).as(log.toString()).isPositive());
        assertThat(exchanges.size()).as("requests the scenario sent").isGreaterThan(SCENARIO_WORKERS);
        assertThat(errorBodies)
                .as("error bodies the scenario received (its refused reads, rejected rows)")
                .isPositive();
        assertThat(scan.scan(WORK.resolve("exports/siskop2mi-placements.csv")))
                .as("the scan finds what it looks for: the NIKs and passport numbers of the export it was sent")
                .extracting(LeakScan.Finding::kind)
                .contains("NIK", "passport number");
        assertThat(findings).as("secrets in the logs, URLs or error bodies").isEmpty();
    }

    @Test
    void shouldStoreEveryAcknowledgedWriteOnceAndAuditEveryOperationUnderConcurrentLoad() throws InterruptedException {
        LoadBenchmark load = new LoadBenchmark(
                ProtectionScenario.Endpoints.of(suite), tokens, LoadBenchmark.Databases.of(postgres, prefix));
        List<LoadBenchmark.Worker> pool = LoadBenchmark.workersOf(generator.generate(1_000));

        LoadBenchmark.Result result = load.run(4, Duration.ofSeconds(20), pool);

        System.out.println(result.render());
        assertThat(result.failures()).as("reconciliation failures").isEmpty();
        assertThat(result.reconciled()).isTrue();
        for (String operation : LoadBenchmark.OPERATIONS) {
            assertThat(result.count(operation)).as("requests of %s", operation).isPositive();
            assertThat(result.statuses(operation).keySet())
                    .as("answers of %s by status", operation)
                    .allSatisfy(status -> assertThat(status).isBetween(200, 299));
        }
        assertThat(result.checked().get("registrations")).isPositive();
        assertThat(result.checked().get("cases")).isPositive();
        assertThat(result.checked().get("referrals")).isPositive();
        assertThat(result.checked().get("audited operations")).isGreaterThan(result.count("register"));
    }

    /** What the run used or received: the exports' NIKs and passports, every token, the realm's client secrets. */
    private static LeakScan secretsOfTheRun() {
        LeakScan scan = new LeakScan();
        for (ExportGenerator.Row row : exports.concat()) {
            scan.nik(row.values().get("nik"));
            scan.passport(row.values().get("nomor_paspor"));
        }
        exports.people().forEach(p -> {
            scan.nik(p.nik());
            scan.passport(p.passport());
        });
        tokens.received().forEach(scan::token);
        for (Exchange e : exchanges) {
            if (e.token() != null) {
                scan.token(e.token());
            }
            tokensIn(e.body()).forEach(scan::token);
        }
        LocalRealm.importEnvironment().values().forEach(scan::secret);
        scan.secret(TokenClient.DEMO_PASSWORD);
        return scan;
    }

    /** The tokens of a token endpoint's answer (Keycloak's administrator's, say); none in any other body. */
    private static List<String> tokensIn(String body) {
        if (body == null || !body.contains("access_token")) {
            return List.of();
        }
        try {
            JsonNode json = JSON.readTree(body);
            return Stream.of("access_token", "refresh_token", "id_token")
                    .filter(json::hasNonNull)
                    .map(f -> json.path(f).asText())
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<Path> logsOfTheRun() {
        List<Path> logs = new ArrayList<>();
        for (String service : Suite.SERVICES) {
            logs.add(suite.service(service).logFile());
        }
        logs.add(keycloak.logFile());
        logs.add(scenarioOutput);
        logs.add(scenarioRecords());
        return logs;
    }

    /** The log records of the run's own code (devstack's, the scenario's), in java.util.logging's format. */
    private static Path scenarioRecords() {
        return WORK.resolve("scenario-log-records.log");
    }

    /** A URL without its query, for naming where a finding is without repeating what it found. */
    private static String pathOnly(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    /** Runs {@code body} with standard output going to {@code file} as well, and the log records to a file. */
    private static <T> T withOutputIn(Path file, java.util.function.Supplier<T> body) throws IOException {
        Files.createDirectories(file.getParent());
        PrintStream original = System.out;
        Logger root = Logger.getLogger("");
        FileHandler handler = new FileHandler(scenarioRecords().toString());
        handler.setFormatter(new SimpleFormatter());
        try (OutputStream copy = new FileOutputStream(file.toFile());
                PrintStream both = new PrintStream(new Tee(original, copy), true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            root.addHandler(handler);
            return body.get();
        } finally {
            System.setOut(original);
            root.removeHandler(handler);
            handler.close();
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            first.flush();
            second.flush();
        }
    }
}
