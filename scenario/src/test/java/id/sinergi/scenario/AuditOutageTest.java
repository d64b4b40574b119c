package id.sinergi.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TestDatabases;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.Api.Answer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Delivery that loses nothing: consent-service answers decisions under load while audit-service is stopped for
 * minutes ({@code SINERGI_AUDIT_OUTAGE_SECONDS}, 180 by default), then comes back; every decision that was answered
 * is then in the log exactly once, sealed into the tree, in each worker's order, and the log verifies.
 *
 * <p>Each load thread asks about a worker of its own, so its events have a known order: the order they occurred in.
 */
class AuditOutageTest {

    private static final Path WORK = Path.of("target", "audit-outage").toAbsolutePath();

    private static final int THREADS = 4;

    private static KeycloakServer keycloak;
    private static Suite suite;
    private static TokenClient tokens;
    private static PostgresServer.Database auditDb;

    private final Api api = new Api();

    @BeforeAll
    static void startSuite() {
        PostgresServer postgres = PostgresServer.localOrEmbedded(WORK);
        keycloak = KeycloakServer.start(WORK, Processes.freePort());
        Map<String, Integer> ports = new LinkedHashMap<>();
        List<String> services = List.of("consent-service", "audit-service");
        services.forEach(s -> ports.put(s, Processes.freePort()));
        String prefix = "sinergi_outage" + TestDatabases.suffix() + "_";
        Suite.Options options = Suite.Options.of(prefix, WORK.resolve("services"))
                .withConfig(Map.of("sinergi.audit.relay-interval", "500ms", "sinergi.audit.relay-delay", "1s"));
        suite = Suite.start(services, ports, postgres, keycloak.realmUrl(), options);
        tokens = new TokenClient(keycloak.realmUrl());
        auditDb = postgres.database(prefix + "audit");
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
    void shouldHaveEveryAnsweredDecisionInTheLogExactlyOnceAfterAuditServiceWasDownForMinutes() throws Exception {
        long outageSeconds = Long.parseLong(System.getenv().getOrDefault("SINERGI_AUDIT_OUTAGE_SECONDS", "180"));
        String consent = suite.service("consent-service").baseUrl();
        ServiceProcess audit = suite.service("audit-service");
        List<UUID> workers = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            workers.add(UUID.randomUUID());
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(THREADS);
        List<Future<Integer>> answered = new ArrayList<>();
        for (UUID worker : workers) {
            answered.add(load.submit(() -> decideUntilStopped(consent, worker, running)));
        }

        Processes.sleep(Duration.ofSeconds(10));
        audit.close();
        Instant down = Instant.now();
        Processes.sleep(Duration.ofSeconds(outageSeconds));
        audit.restart();
        Duration outage = Duration.between(down, Instant.now());
        Processes.sleep(Duration.ofSeconds(10));
        running.set(false);
        load.shutdown();
        Map<UUID, Integer> answers = new LinkedHashMap<>();
        for (int i = 0; i < THREADS; i++) {
            answers.put(workers.get(i), answered.get(i).get(60, TimeUnit.SECONDS));
        }
        int total = answers.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(outage).isGreaterThanOrEqualTo(Duration.ofSeconds(outageSeconds));
        assertThat(total).as("decisions answered under load").isGreaterThan(THREADS * 10);

        awaitSealed(workers, total, Duration.ofMinutes(3));
        try (Connection c = auditConnection()) {
            for (Map.Entry<UUID, Integer> e : answers.entrySet()) {
                UUID worker = e.getKey();
                assertThat(count(
                                c,
                                "SELECT count(*) FROM audit_entry WHERE worker_id = ?"
                                        + " AND action = 'consent.decision'",
                                worker))
                        .as("events of worker %s", worker)
                        .isEqualTo(e.getValue().longValue());
                assertThat(count(
                                c,
                                "SELECT count(DISTINCT e.event_id) FROM audit_entry e"
                                        + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id WHERE e.worker_id = ?",
                                worker))
                        .as("sealed leaves of worker %s", worker)
                        .isEqualTo(e.getValue().longValue());
                assertThat(occurredInLeafOrder(c, worker))
                        .as("worker %s's events in the order they occurred", worker)
                        .isSorted();
            }
        }
        Answer verification = api.get(audit.baseUrl() + "/api/audit-log/verification", tokens.user("security.auditor"));
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.body().path("status").asText()).isEqualTo("INTACT");
    }

    private int decideUntilStopped(String consent, UUID worker, AtomicBoolean running) {
        int answered = 0;
        Map<String, Object> question = Map.of(
                "workerId", worker,
                "requestingAgency", "KEMLU",
                "purpose", "PROTECTION_CASE_HANDLING",
                "dataCategory", "PLACEMENT");
        while (running.get()) {
            Answer answer = api.post(consent + "/api/consent-decisions", officerToken(), question);
            assertThat(answer.status())
                    .as("a decision while audit-service may be down")
                    .isEqualTo(200);
            answered++;
            Processes.sleep(Duration.ofMillis(50));
        }
        return answered;
    }

    /** One login shared by the load threads (concurrent logins of one user trip Keycloak's brute-force guard). */
    private static synchronized String officerToken() {
        return tokens.user("consul.kl");
    }

    private void awaitSealed(List<UUID> workers, int total, Duration patience) throws SQLException {
        Instant deadline = Instant.now().plus(patience);
        try (Connection c = auditConnection()) {
            while (true) {
                long sealed = 0;
                for (UUID worker : workers) {
                    sealed += count(
                            c,
                            "SELECT count(*) FROM audit_entry e JOIN merkle_leaf l"
                                    + " ON l.ingest_id = e.ingest_id"
                                    + " WHERE e.worker_id = ? AND e.action = 'consent.decision'",
                            worker);
                }
                if (sealed >= total || Instant.now().isAfter(deadline)) {
                    return;
                }
                Processes.sleep(Duration.ofSeconds(1));
            }
        }
    }

    private static List<Instant> occurredInLeafOrder(Connection c, UUID worker) throws SQLException {
        List<Instant> times = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.occurred_at FROM audit_entry e"
                + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id WHERE e.worker_id = ? ORDER BY l.leaf_index")) {
            ps.setObject(1, worker);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp t = rs.getTimestamp(1);
                    times.add(t.toInstant());
                }
            }
        }
        return times;
    }

    private static Connection auditConnection() throws SQLException {
        return DriverManager.getConnection(auditDb.jdbcUrl(), auditDb.user(), auditDb.password());
    }

    private static long count(Connection c, String sql, UUID worker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, worker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
