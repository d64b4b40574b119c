package id.sinergi.devstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services started as processes against one PostgreSQL and one Keycloak, each with a fresh database of
 * its own, wired to each other by URL. Used by the main scenario and by the tests that span services.
 */
public final class Suite implements AutoCloseable {

    /**
     * Services in start order: each one's dependencies come before it, but for identity-service and consent-service,
     * which call each other (decisions one way, a grant's worker the other) only while serving requests: every port
     * is known before the first starts.
     */
    public static final List<String> SERVICES =
            List.of("audit-service", "consent-service", "identity-service", "case-service");

    /**
     * The services each service calls, by its REST clients' config keys: a service is given these URLs only, since
     * Quarkus warns of a {@code quarkus.rest-client.<key>.url} that no client of the service reads.
     */
    private static final Map<String, List<String>> CALLS = Map.of(
            "audit-service", List.of(),
            "consent-service", List.of("identity-service", "audit-service"),
            "identity-service", List.of("consent-service", "audit-service"),
            "case-service", List.of("identity-service", "consent-service", "audit-service"));

    /**
     * How the suite starts its services.
     *
     * @param databasePrefix prefix of the database names, e.g. {@code sinergi_} gives {@code sinergi_identity}; the
     *     databases are dropped and recreated empty at every start
     * @param config Quarkus configuration every service gets on top of its own (e.g. the relay interval)
     * @param appsDir where to run copies of the builds from, or null to run the builds in place
     * @param logDir where each service writes {@code <service>.log}
     * @param serviceConfig configuration for one service only, by service name (e.g. audit-service's witnesses)
     */
    public record Options(
            String databasePrefix,
            Map<String, String> config,
            Path appsDir,
            Path logDir,
            Map<String, Map<String, String>> serviceConfig) {

        /** Fresh databases named {@code <prefix><service>}, the builds run in place, no extra configuration. */
        public static Options of(String databasePrefix, Path logDir) {
            return new Options(databasePrefix, Map.of(), null, logDir, Map.of());
        }

        /** The same, with this configuration given to every service. */
        public Options withConfig(Map<String, String> value) {
            return new Options(databasePrefix, Map.copyOf(value), appsDir, logDir, serviceConfig);
        }

        /** The same, with this configuration given to the named service only. */
        public Options withConfigOf(String service, Map<String, String> value) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(serviceConfig);
            all.put(service, Map.copyOf(value));
            return new Options(databasePrefix, config, appsDir, logDir, Map.copyOf(all));
        }

        /** The same, running copies of the builds under {@code dir}, so a rebuild cannot disturb the suite. */
        public Options runningCopiesIn(Path dir) {
            return new Options(databasePrefix, config, dir, logDir, serviceConfig);
        }
    }

    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    private Suite() {}

    /**
     * Starts the named services (in {@link #SERVICES} order).
     *
     * @param ports the port of every service, including ones started elsewhere that the named ones call
     */
    public static Suite start(
            List<String> services,
            Map<String, Integer> ports,
            PostgresServer postgres,
            String realmUrl,
            Options options) {
        Suite suite = new Suite();
        try {
            for (String name : SERVICES) {
                if (services.contains(name)) {
                    suite.running.put(name, startOne(name, ports, postgres, realmUrl, options));
                }
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    /** The config keys of the REST clients the service has, e.g. {@code audit-service} for consent-service. */
    public static List<String> callsOf(String service) {
        List<String> calls = CALLS.get(service);
        if (calls == null) {
            throw new IllegalArgumentException(service + " is not a service of the suite");
        }
        return calls;
    }

    private static ServiceProcess startOne(
            String name, Map<String, Integer> ports, PostgresServer postgres, String realmUrl, Options options) {
        String dbName = options.databasePrefix() + name.substring(0, name.indexOf('-'));
        PostgresServer.Database db = postgres.freshDatabase(dbName);
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("SINERGI_OIDC_CLIENT_SECRET", TokenClient.localSecret(name));
        secrets.put("QUARKUS_DATASOURCE_PASSWORD", db.password());
        Map<String, String> config = configOf(name, db, ports, realmUrl, options);
        if (name.equals("audit-service")) {
            config.putAll(AuditServiceDatabase.config(postgres, db));
            secrets.putAll(AuditServiceDatabase.secrets(db));
            secrets.put("SINERGI_AUDIT_DETAILS_MASTER_KEY", AuditServiceDatabase.newDetailsMasterKey());
            // The security team's console signs users in as client security-console (local secret of the realm file).
            secrets.put("SINERGI_CONSOLE_CLIENT_SECRET", TokenClient.localSecret("security-console"));
            secrets.put("SINERGI_AUDIT_KEYCLOAK_SECRET", TokenClient.localSecret("audit-event-reader"));
        }
        Path jar = options.appsDir() == null
                ? RepoPaths.serviceJar(name)
                : ServiceProcess.snapshot(name, options.appsDir());
        return ServiceProcess.start(name, jar, ports.get(name), config, secrets, options.logDir());
    }

    /** The service's database, Keycloak and the URLs of the services it calls, then the options' own settings. */
    private static Map<String, String> configOf(
            String name, PostgresServer.Database db, Map<String, Integer> ports, String realmUrl, Options options) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", db.reactiveUrl());
        config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
        config.put("quarkus.datasource.username", db.user());
        config.put("quarkus.oidc.auth-server-url", realmUrl);
        config.putAll(clientUrls(name, ports));
        if (name.equals("consent-service")) {
            config.put(
                    SigningKeyFile.RECEIPT_SETTING,
                    SigningKeyFile.create("receipt").toString());
        }
        if (name.equals("audit-service")) {
            config.put(
                    SigningKeyFile.CHECKPOINT_SETTING,
                    SigningKeyFile.create("checkpoint").toString());
        }
        config.putAll(options.config());
        config.putAll(options.serviceConfig().getOrDefault(name, Map.of()));
        return config;
    }

    /** {@code quarkus.rest-client.<key>.url} of each service the named one calls and whose port is known. */
    public static Map<String, String> clientUrls(String service, Map<String, Integer> ports) {
        return urlsOf(callsOf(service), ports);
    }

    /** {@code quarkus.rest-client.<key>.url} of each of these services whose port is known. */
    public static Map<String, String> urlsOf(Collection<String> services, Map<String, Integer> ports) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (String other : services) {
            if (ports.containsKey(other)) {
                urls.put("quarkus.rest-client." + other + ".url", "http://127.0.0.1:" + ports.get(other));
            }
        }
        return urls;
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
        Collections.reverse(reverse);
        reverse.forEach(ServiceProcess::close);
        running.clear();
    }
}
