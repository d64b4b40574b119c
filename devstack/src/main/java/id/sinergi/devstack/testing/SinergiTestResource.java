package id.sinergi.devstack.testing;

import id.sinergi.devstack.AuditServiceDatabase;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TestDatabases;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.restassured.config.FailureConfig;
import io.restassured.config.LogConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a service's {@code @QuarkusTest}s need, started from the project's own files: a database of the
 * service's own on the real PostgreSQL (the local server, else an embedded one), a real Keycloak with the
 * sinergi realm on a free port, and, where the service calls others, those services as real processes from
 * their builds (the reactor builds them first).
 *
 * <p>Init args: {@code database}, the test database's name (e.g. {@code sinergi_identity_test});
 * {@code services}, a comma-separated list of services to run beside the one under test (e.g.
 * {@code consent-service}), each on a free port with a fresh database {@code <database>_<service>};
 * {@code service}, the service under test (e.g. {@code case-service}), so that it gets the URLs of only the
 * services it calls (without it, the URLs of all that run beside it), and so that a service beside it that calls it
 * back (consent-service checking a grant's worker in identity-service) gets its URL: the service under test then
 * listens on a port chosen here ({@code quarkus.http.test-port}); {@code identityStandIn}, {@code true} for
 * consent-service, whose tests cannot run identity-service from its build ({@link IdentityStandIn}) and get this
 * stand-in's URL instead; {@code auditAppRole}, {@code true} for audit-service, which runs as a role of its own that
 * may only read and insert ({@link AuditServiceDatabase}).
 *
 * <p>RestAssured prints the request and response of every failed check ({@link FailedCheckPrinter}), with the
 * {@code Authorization} header blacklisted so that no token reaches the test output.
 *
 * <p>{@code SINERGI_TEST_DATABASE_SUFFIX} (e.g. {@code _wt2}), when set, is appended to every test database's name,
 * so that test runs of two work trees on one PostgreSQL do not clean each other's schema mid-run.
 *
 * <p>The realm of a Keycloak started here gets an extra signing key of the test JVM's own at its start
 * ({@link ForgedTokens#trustTestKey}), for the token attack tests ({@link TokenAttacks}); Keycloak keeps signing with
 * its own. A Keycloak named by {@code SINERGI_TEST_KEYCLOAK_URL} gets it only when a test first forges a token.
 *
 * <p>One Keycloak serves every test class of a test JVM; it and the services stop when the JVM ends, on failure
 * too. When {@code SINERGI_TEST_KEYCLOAK_URL} names a running realm (e.g.
 * {@code http://127.0.0.1:18180/realms/sinergi}), that one is used instead of starting one.
 */
public class SinergiTestResource implements QuarkusTestResourceLifecycleManager {

    private static KeycloakServer keycloak;
    private static String realmUrl;

    private String database = "sinergi_test";
    private String service;
    private boolean appRole;
    private boolean identityStandIn;
    private List<String> services = List.of();
    private Suite suite;
    private IdentityStandIn standIn;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database) + TestDatabases.suffix();
        service = initArgs.get("service");
        appRole = Boolean.parseBoolean(initArgs.getOrDefault("auditAppRole", "false"));
        identityStandIn = Boolean.parseBoolean(initArgs.getOrDefault("identityStandIn", "false"));
        String list = initArgs.getOrDefault("services", "");
        services = list.isBlank()
                ? List.of()
                : Arrays.stream(list.split(",")).map(String::trim).toList();
    }

    @Override
    public Map<String, String> start() {
        logFailedChecks();
        PostgresServer postgres = PostgresServer.localOrEmbedded(workDir());
        PostgresServer.Database db = postgres.database(database);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.datasource.password", db.password());
        if (appRole) {
            config.putAll(AuditServiceDatabase.config(postgres, db));
            AuditServiceDatabase.secrets(db)
                    .forEach((env, value) -> config.put(
                            env.equals("QUARKUS_DATASOURCE_PASSWORD")
                                    ? "quarkus.datasource.password"
                                    : "quarkus.flyway.password",
                            value));
        }
        config.put("quarkus.oidc.auth-server-url", realmUrl());
        // Quarkus' own logging of failed checks resets RestAssured's LogConfig and prints the token in clear.
        config.put("quarkus.test.rest-assured.enable-logging-on-failure", "false");
        if (!services.isEmpty()) {
            config.putAll(startServices(postgres));
        }
        if (identityStandIn) {
            standIn = IdentityStandIn.start();
            config.put("quarkus.rest-client.identity-service.url", standIn.url());
        }
        return config;
    }

    /**
     * Starts the services beside the one under test; gives the URLs the one under test calls them at, and the port
     * it is to listen on when one of them calls it.
     */
    private Map<String, String> startServices(PostgresServer postgres) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        services.forEach(s -> ports.put(s, Processes.freePort()));
        Map<String, String> config = new LinkedHashMap<>();
        if (service != null && services.stream().anyMatch(s -> Suite.callsOf(s).contains(service))) {
            int port = Processes.freePort();
            ports.put(service, port);
            config.put("quarkus.http.test-port", Integer.toString(port));
        }
        Suite.Options options = Suite.Options.of(database + "_", workDir().resolve("services"))
                .withConfig(Map.of("sinergi.audit.relay-interval", "off"));
        suite = Suite.start(services, ports, postgres, realmUrl(), options);
        config.putAll(service == null ? Suite.urlsOf(services, ports) : Suite.clientUrls(service, ports));
        return config;
    }

    /** Request and response of a failed RestAssured check in the test output, never the bearer token. */
    static synchronized void logFailedChecks() {
        if (RestAssured.filters().stream().anyMatch(FailedCheckPrinter.class::isInstance)) {
            return;
        }
        FailedCheckPrinter printer = new FailedCheckPrinter();
        RestAssured.filters(printer);
        RestAssured.config = RestAssured.config()
                .logConfig(LogConfig.logConfig().blacklistHeader("Authorization"))
                .failureConfig(FailureConfig.failureConfig().failureListeners(printer));
    }

    /** The realm URL of the test Keycloak, starting it on first use. */
    public static synchronized String realmUrl() {
        if (realmUrl == null) {
            String external = System.getenv("SINERGI_TEST_KEYCLOAK_URL");
            if (external != null && !external.isBlank()) {
                realmUrl = external;
            } else {
                keycloak = KeycloakServer.start(workDir(), Processes.freePort());
                realmUrl = keycloak.realmUrl();
                // Before any service reads the realm's keys, so that they trust the forging key from their start.
                ForgedTokens.trustTestKey();
            }
        }
        return realmUrl;
    }

    @Override
    public void stop() {
        // Keycloak outlives a single Quarkus application of the test run; its shutdown hook stops it.
        if (suite != null) {
            suite.close();
            suite = null;
        }
        if (standIn != null) {
            standIn.close();
            standIn = null;
        }
    }

    private static Path workDir() {
        return Path.of("target").toAbsolutePath();
    }
}
