package id.sinergi.scenario;

import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.RepoPaths;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TokenClient;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    static final Map<String, Integer> PORTS =
            Map.of("identity-service", 8081, "case-service", 8082, "consent-service", 8083, "audit-service", 8084);
    static final int KEYCLOAK_PORT = 8180;

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        boolean once = false;
        int workers = 300;
        long seed = 20261203L;
        try {
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
        } catch (RuntimeException e) {
            System.err.println("usage: sinergi run [--once] [--workers N (20..100000)] [--seed N]");
            System.exit(2);
        }
        for (int port : List.of(KEYCLOAK_PORT, 8081, 8082, 8083, 8084)) {
            if (Processes.listening(port)) {
                System.err.println("port " + port + " on 127.0.0.1 is taken: is the suite already running?");
                System.exit(2);
            }
        }
        Path runDir = RepoPaths.root().resolve("scenario/target/run");
        int exit = 1;
        KeycloakServer keycloak = null;
        Suite suite = null;
        try {
            PostgresServer postgres = PostgresServer.localOrEmbedded(runDir);
            keycloak = KeycloakServer.start(runDir, KEYCLOAK_PORT);
            Suite.Options options = Suite.Options.of("sinergi_", runDir.resolve("logs"))
                    .runningCopiesIn(runDir.resolve("apps"));
            suite = Suite.start(Suite.SERVICES, PORTS, postgres, keycloak.realmUrl(), options);

            ReferenceData reference = ReferenceData.load();
            ExportGenerator.Exports exports = new ExportGenerator(reference, seed).generate(workers);
            List<Path> files = ExportGenerator.write(exports, runDir.resolve("exports"));
            System.out.println("Exports written: " + files + " (truth.json beside them)");

            ProtectionScenario.Endpoints urls = new ProtectionScenario.Endpoints(
                    suite.service("identity-service").baseUrl(),
                    suite.service("case-service").baseUrl(),
                    suite.service("consent-service").baseUrl(),
                    suite.service("audit-service").baseUrl());
            ProtectionScenario.ScenarioReport report =
                    new ProtectionScenario(urls, new TokenClient(keycloak.realmUrl()), reference, seed).run(exports);
            System.out.println(report.render());
            System.out.println("Suite: " + postgres.describe() + "; logs in " + runDir.resolve("logs"));
            exit = report.allHeld() ? 0 : 1;
            if (!report.allHeld()) {
                System.out.println("Some checks FAILED: " + report.failures());
            }
            if (!once) {
                printAddresses(suite, keycloak);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("\nStopping the suite...")));
                new CountDownLatch(1).await();
            }
        } catch (RuntimeException e) {
            System.err.println("The scenario could not run: " + e.getMessage());
            exit = 1;
        } finally {
            if (suite != null) {
                suite.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
        }
        System.exit(exit);
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
