package id.sinergi.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services started as processes against one PostgreSQL and one Keycloak, each with a database of its
 * own, wired to each other by URL. Used by the main scenario and by the tests that span services.
 */
public final class Suite implements AutoCloseable {

    /** Services in start order: each one's dependencies come before it. */
    public static final List<String> SERVICES =
            List.of("audit-service", "consent-service", "identity-service", "case-service");

    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    private Suite() {}

    /**
     * Starts the named services (in {@link #SERVICES} order).
     *
     * @param ports the port of every service, including ones started elsewhere that the named ones call
     * @param databasePrefix prefix of the database names, e.g. {@code sinergi_} gives {@code sinergi_identity}
     * @param fresh whether to drop and recreate the databases first
     * @param appsDir where to run copies of the builds from, or null to run the builds in place
     */
    public static Suite start(
            List<String> services,
            Map<String, Integer> ports,
            PostgresServer postgres,
            String realmUrl,
            String databasePrefix,
            boolean fresh,
            Map<String, String> extraConfig,
            Path appsDir,
            Path logDir) {
        Suite suite = new Suite();
        try {
            for (String name : SERVICES) {
                if (!services.contains(name)) {
                    continue;
                }
                String dbName = databasePrefix + name.substring(0, name.indexOf('-'));
                PostgresServer.Database db = fresh ? postgres.freshDatabase(dbName) : postgres.database(dbName);
                Map<String, String> config = new LinkedHashMap<>();
                config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
                config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
                config.put("quarkus.datasource.username", db.user());
                config.put("quarkus.oidc.auth-server-url", realmUrl);
                for (String other : SERVICES) {
                    if (ports.containsKey(other)) {
                        config.put("quarkus.rest-client." + other + ".url", "http://127.0.0.1:" + ports.get(other));
                    }
                }
                config.putAll(extraConfig);
                Map<String, String> secrets = new LinkedHashMap<>();
                secrets.put("SINERGI_OIDC_CLIENT_SECRET", TokenClient.localSecret(name));
                secrets.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
                Path jar = appsDir == null ? RepoPaths.serviceJar(name) : ServiceProcess.snapshot(name, appsDir);
                suite.running.put(name, ServiceProcess.start(name, jar, ports.get(name), config, secrets, logDir));
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public ServiceProcess service(String name) {
        ServiceProcess service = running.get(name);
        if (service == null) {
            throw new IllegalArgumentException(name + " is not running in this suite");
        }
        return service;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(running.values());
    }

    /** Stops the services in reverse start order. */
    @Override
    public void close() {
        List<ServiceProcess> reverse = new ArrayList<>(running.values());
        java.util.Collections.reverse(reverse);
        reverse.forEach(ServiceProcess::close);
        running.clear();
    }
}
