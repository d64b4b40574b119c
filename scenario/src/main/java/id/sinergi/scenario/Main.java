package id.sinergi.scenario;

import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TokenClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;

/**
 * The main job: starts PostgreSQL (local or embedded), Keycloak with the sinergi realm and the four services,
 * generates the two source exports, runs the protection scenario and prints its summary. Then it keeps the
 * suite running until Ctrl-C; with {@code --once} it stops everything and exits 0 only if every check held.
 *
 * <p>Options: {@code --once}, {@code --workers N} (default 300), {@code --seed N}. The suite's databases
 * ({@code sinergi_identity}, {@code sinergi_case}, {@code sinergi_consent}, {@code sinergi_audit}) are recreated
 * empty at every start: this is a local demonstration stack, never a production one.
 */
public final class Main {

    static final int KEYCLOAK_PORT = 8180;

    /** The services' fixed ports: the one place that names them, for the suite and for the check before it. */
    static final Map<String, Integer> PORTS =
            Map.of("identity-service", 8081, "case-service", 8082, "consent-service", 8083, "audit-service", 8084);

    private static final String USAGE = "usage: sinergi run [--once] [--workers N (20..100000)] [--seed N]";

    /** What the command line asks for. */
    record Options(boolean once, int workers, long seed) {

        /** Reads {@code --once}, {@code --workers N} and {@code --seed N}; throws on anything else. */
        static Options parse(String[] args) {
            boolean once = false;
            int workers = 300;
            long seed = 20261203L;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--once" -> once = true;
                    case "--workers" -> workers = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
            if (workers < 20 || workers > 100_000) {
                throw new IllegalArgumentException("--workers " + workers);
            }
            return new Options(once, workers, seed);
        }
    }

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Options options = optionsOrExit(args);
        exitIfPortsTaken();
        System.exit(run(options, RepoPaths.root().resolve("scenario/target/run")));
    }

    private static Options optionsOrExit(String[] args) {
        try {
            return Options.parse(args);
        } catch (RuntimeException e) {
            System.err.println(USAGE);
            System.exit(2);
            return null;
        }
    }

    /** Exits with 2 before anything starts when a port of the suite is taken, most likely by a running suite. */
    private static void exitIfPortsTaken() {
        List<Integer> ports = new ArrayList<>(List.of(KEYCLOAK_PORT));
        ports.addAll(new TreeSet<>(PORTS.values()));
        for (int port : ports) {
            if (Processes.listening(port)) {
                System.err.println("port " + port + " on 127.0.0.1 is taken: is the suite already running?");
                System.exit(2);
            }
        }
    }

    /** Starts everything, runs the scenario, keeps the suite up unless {@code --once}; the exit code. */
    private static int run(Options options, Path runDir) throws InterruptedException {
        try {
            return runOn(PostgresServer.localOrEmbedded(runDir), options, runDir);
        } catch (RuntimeException e) {
            return cannotRun(e);
        }
    }

    /** Keycloak and the services live as long as this method: leaving it stops them, in reverse order. */
    private static int runOn(PostgresServer postgres, Options options, Path runDir) throws InterruptedException {
        LogWitnesses witnesses = LogWitnesses.create(runDir.resolve("witnesses"));
        boolean held;
        try (KeycloakServer keycloak = KeycloakServer.start(runDir, KEYCLOAK_PORT);
                Suite suite = startSuite(postgres, keycloak, runDir, witnesses)) {
            ProtectionScenario.ScenarioReport report = runScenario(suite, keycloak, options, runDir, witnesses);
            System.out.println("Suite: " + postgres.describe() + "; logs in " + runDir.resolve("logs"));
            if (!report.allHeld()) {
                System.out.println("Some checks FAILED: " + report.failures());
            }
            if (!options.once()) {
                keepRunning(suite, keycloak);
            }
            held = report.allHeld();
        }
        if (options.once()) {
            System.out.println("Stopped the services and Keycloak; " + (held ? "every check held." : "see above."));
        }
        return held ? 0 : 1;
    }

    private static int cannotRun(RuntimeException e) {
        System.err.println("The scenario could not run: " + e.getMessage());
        return 1;
    }

    private static Suite startSuite(
            PostgresServer postgres, KeycloakServer keycloak, Path runDir, LogWitnesses witnesses) {
        Suite.Options options =
                Suite.Options.of("sinergi_", runDir.resolve("logs")).runningCopiesIn(runDir.resolve("apps"));
        return startSuite(postgres, keycloak, witnesses, PORTS, options);
    }

    /** The suite as the main job needs it, on these ports: audit-service knows the two witnesses. */
    static Suite startSuite(
            PostgresServer postgres,
            KeycloakServer keycloak,
            LogWitnesses witnesses,
            Map<String, Integer> ports,
            Suite.Options options) {
        Suite.Options withWitnesses = options.withConfigOf(
                "audit-service", Map.of("sinergi.audit.log.witnesses", witnesses.witnessesSetting()));
        return Suite.start(Suite.SERVICES, ports, postgres, keycloak.realmUrl(), withWitnesses);
    }

    /** Generates and writes the exports, runs the scenario on them and prints its summary. */
    private static ProtectionScenario.ScenarioReport runScenario(
            Suite suite, KeycloakServer keycloak, Options options, Path runDir, LogWitnesses witnesses) {
        ReferenceData reference = ReferenceData.load();
        ExportGenerator.Exports exports = new ExportGenerator(reference, options.seed()).generate(options.workers());
        List<Path> files = ExportGenerator.write(exports, runDir.resolve("exports"));
        System.out.println("Exports written: " + files + " (truth.json beside them)");
        TokenClient tokens = new TokenClient(keycloak.realmUrl());
        return runScenario(suite, keycloak, witnesses, reference, exports, options.seed(), tokens, new Api());
    }

    /**
     * The whole scenario on these exports, as the main job runs it (the protection scenario, Keycloak's events, the
     * witnesses), every request through {@code api}; prints and returns its summary.
     */
    static ProtectionScenario.ScenarioReport runScenario(
            Suite suite,
            KeycloakServer keycloak,
            LogWitnesses witnesses,
            ReferenceData reference,
            ExportGenerator.Exports exports,
            long seed,
            TokenClient tokens,
            Api api) {
        ProtectionScenario.ScenarioReport report = new ProtectionScenario(
                        ProtectionScenario.Endpoints.of(suite), tokens, reference, seed, api)
                .run(exports);
        new KeycloakEventsCheck(
                        keycloak.baseUrl(), suite.service("audit-service").baseUrl(), tokens, api)
                .check(report);
        witnesses.check(report, suite.service("audit-service").baseUrl(), keycloak.realmUrl(), tokens);
        System.out.println(report.render());
        return report;
    }

    /** Prints where everything answers and waits for Ctrl-C; the try-with-resources then stops the suite. */
    private static void keepRunning(Suite suite, KeycloakServer keycloak) throws InterruptedException {
        printAddresses(suite, keycloak);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("\nStopping the suite...")));
        new CountDownLatch(1).await();
    }

    private static void printAddresses(Suite suite, KeycloakServer keycloak) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (ServiceProcess s : suite.services()) {
            lines.put(s.name(), s.baseUrl() + "/q/swagger-ui");
        }
        lines.put("Keycloak", keycloak.baseUrl() + "/admin (admin/admin, local only); realm " + keycloak.realmUrl());
        System.out.println("\nThe suite keeps running; Ctrl-C stops it.");
        lines.forEach((k, v) -> System.out.printf("  %-17s %s%n", k, v));
    }
}
