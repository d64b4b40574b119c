package id.sinergi.devstack.testing;

import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a service's {@code @QuarkusTest}s need, started from the project's own files: a database of the
 * service's own on the real PostgreSQL (the local server, else an embedded one) and a real Keycloak with the
 * sinergi realm on a free port.
 *
 * <p>One Keycloak serves every test class of a test JVM; it stops when the JVM ends, on failure too. When
 * {@code SINERGI_TEST_KEYCLOAK_URL} names a running realm (e.g. {@code http://127.0.0.1:18180/realms/sinergi}),
 * that one is used instead. Init arg {@code database}: the database name, e.g. {@code sinergi_identity_test}.
 */
public class SinergiTestResource implements QuarkusTestResourceLifecycleManager {

    private static KeycloakServer keycloak;
    private static String realmUrl;

    private String database = "sinergi_test";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        PostgresServer.Database db = PostgresServer.localOrEmbedded(workDir()).database(database);
        return Map.of(
                "quarkus.datasource.reactive.url", db.reactiveUrl(),
                "quarkus.datasource.jdbc.url", db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password(),
                "quarkus.oidc.auth-server-url", realmUrl());
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
            }
        }
        return realmUrl;
    }

    @Override
    public void stop() {
        // Keycloak outlives a single Quarkus application of the test run; its shutdown hook stops it.
    }

    private static Path workDir() {
        return Path.of("target").toAbsolutePath();
    }
}
