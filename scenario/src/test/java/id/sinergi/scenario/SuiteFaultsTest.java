package id.sinergi.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.ServiceProcess;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TestDatabases;
import id.sinergi.devstack.TokenClient;
import id.sinergi.devstack.testing.MetricsScrape;
import id.sinergi.scenario.Api.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The suite's own faults, each on the four services run as processes against a PostgreSQL and a Keycloak of this
 * test's own (never the machine's server): identity-service that stops answering case-service, PostgreSQL restarted
 * under load, and Keycloak stopped. case-service reaches identity-service through a {@link HoldingProxy} on
 * 127.0.0.1 that can hold its requests back. Keycloak's test comes last: it stops Keycloak for good.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteFaultsTest {

    private static final Path WORK = Path.of("target", "faults").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final String KL = "KBRI-KUALALUMPUR";

    /** As many identity-bound calls at once as case-service's client has connections (its default). */
    private static final int IN_FLIGHT = 50;

    /**
     * How many of them must be waiting at the proxy before the reads: not all, since the first ones time out after
     * three seconds and open the breaker while the last may still be on their way on a busy machine.
     */
    private static final int HUNG_AT_LEAST = 25;

    /** The calls case-service's breaker for identity-service looks at; it opens when half of them failed. */
    private static final int IDENTITY_BREAKER_VOLUME = 10;

    private static PostgresServer postgres;
    private static KeycloakServer keycloak;
    private static HoldingProxy identityProxy;
    private static Suite suite;
    private static TokenClient tokens;
    private static String prefix;

    private final Api api = new Api();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startSuite() {
        postgres = PostgresServer.embedded(WORK, Map.of());
        keycloak = KeycloakServer.start(WORK, Processes.freePort());
        Map<String, Integer> ports = new LinkedHashMap<>();
        Suite.SERVICES.forEach(s -> ports.put(s, Processes.freePort()));
        identityProxy = HoldingProxy.start(ports.get("identity-service"));
        prefix = "sinergi_faults" + TestDatabases.suffix() + "_";
        Suite.Options options = Suite.Options.of(prefix, WORK.resolve("services"))
                .withConfig(Map.of("sinergi.audit.relay-interval", "500ms", "sinergi.audit.relay-delay", "1s"))
                .withConfigOf(
                        "case-service",
                        Map.of("quarkus.rest-client.identity-service.url", "http://127.0.0.1:" + identityProxy.port()));
        suite = Suite.start(Suite.SERVICES, ports, postgres, keycloak.realmUrl(), options);
        tokens = new TokenClient(keycloak.realmUrl());
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        if (identityProxy != null) {
            identityProxy.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void shouldTimeOutOpenTheBreakerAndKeepServingWhileIdentityServiceHangsThenRecover() throws Exception {
        String officer = tokens.user("consul.kl");
        String worker = registerWorker();
        Answer before = report(officer, worker, "slow-before-" + UUID.randomUUID());
        assertThat(before.status()).as(before.body().toString()).isEqualTo(201);
        String caseId = before.body().path("id").asText();
        identityProxy.hold();
        ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<Answer>> hung = new ArrayList<>();
        Answer list;
        Answer read;
        int ready;
        long unansweredAtReads;
        List<Answer> unavailable = new ArrayList<>();
        long arrivedDuringOpen;
        List<Answer> failFast = new ArrayList<>();
        String openScrape;
        try {
            for (int i = 0; i < IN_FLIGHT; i++) {
                String key = "slow-hung-" + UUID.randomUUID();
                hung.add(pool.submit(() -> report(officer, worker, key)));
            }
            await("identity-bound calls waiting at the proxy", () -> identityProxy.held() >= HUNG_AT_LEAST);

            unansweredAtReads = hung.stream().filter(f -> !f.isDone()).count();
            list = api.get(cases() + "/api/cases?limit=5", officer);
            read = api.get(cases() + "/api/cases/" + caseId, officer);
            ready = status(cases() + "/q/health/ready");
            for (Future<Answer> f : hung) {
                unavailable.add(f.get(60, TimeUnit.SECONDS));
            }
            long arrivedBeforeFailFast = identityProxy.arrived();
            for (int i = 0; i < 10; i++) {
                failFast.add(report(officer, worker, "slow-open-" + UUID.randomUUID()));
            }
            arrivedDuringOpen = identityProxy.arrived() - arrivedBeforeFailFast;
            openScrape = scrape(cases());
        } finally {
            pool.shutdownNow();
            identityProxy.release();
        }
        Answer after = awaitReport(officer, worker, "slow-after-" + UUID.randomUUID());
        Answer next = report(officer, worker, "slow-next-" + UUID.randomUUID());
        String closedScrape = scrape(cases());

        assertThat(list.status()).as("a list needs no identity-service").isEqualTo(200);
        assertThat(read.status()).as("a case read needs no identity-service").isEqualTo(200);
        assertThat(read.body().path("id").asText()).isEqualTo(caseId);
        assertThat(ready).as("case-service stays ready").isEqualTo(200);
        assertThat(unansweredAtReads)
                .as("identity-bound calls still unanswered when the reads were sent")
                .isGreaterThanOrEqualTo(HUNG_AT_LEAST);
        assertThat(unavailable).allSatisfy(a -> {
            assertThat(a.status()).as(a.body().toString()).isEqualTo(503);
            assertThat(a.problemSlug()).isEqualTo("identity-unavailable");
        });
        assertThat(identityLookup(openScrape, "ft_timeout_calls_total", Map.of("timedOut", "true")))
                .as("calls case-service gave up on after its timeout: " + faultTolerance(openScrape))
                .isGreaterThanOrEqualTo(IDENTITY_BREAKER_VOLUME / 2);
        assertThat(failFast).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(503);
            assertThat(a.problemSlug()).isEqualTo("identity-unavailable");
        });
        assertThat(arrivedDuringOpen)
                .as("calls that reached the proxy while the breaker was open (a half-open trial at most)")
                .isLessThanOrEqualTo(1);
        assertThat(identityLookup(openScrape, "ft_circuitbreaker_opened_total", Map.of()))
                .as(faultTolerance(openScrape))
                .isGreaterThanOrEqualTo(1);
        assertThat(identityLookup(
                        openScrape,
                        "ft_circuitbreaker_calls_total",
                        Map.of("circuitBreakerResult", "circuitBreakerOpen")))
                .as("calls the open breaker refused")
                .isGreaterThanOrEqualTo(failFast.size() - 1);
        assertThat(after.status()).as(after.body().toString()).isEqualTo(201);
        assertThat(next.status()).as(next.body().toString()).isEqualTo(201);
        assertThat(identityLookup(closedScrape, "ft_circuitbreaker_state_current", Map.of("state", "closed")))
                .as("the breaker closed again: " + faultTolerance(closedScrape))
                .isEqualTo(1.0);
        try (Connection c = connection("case")) {
            assertThat(intakeKeysLike(c, "slow-hung-%"))
                    .as("no case stored for a report refused")
                    .isZero();
            assertThat(intakeKeysLike(c, "slow-open-%")).isZero();
            assertThat(intakeKeysLike(c, "slow-after-%")).isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void shouldRecoverByThemselvesFromAPostgresRestartUnderLoadLosingNoAcknowledgedWrite() throws Exception {
        String officer = tokens.user("consul.kl");
        String p2mi = tokens.user("p2mi.officer");
        String worker = registerWorker();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<String, String> acknowledgedReports = new ConcurrentHashMap<>();
        List<String> acknowledgedGrants = Collections.synchronizedList(new ArrayList<>());
        List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
        Map<String, List<Integer>> readiness = new ConcurrentHashMap<>();
        ExecutorService load = Executors.newFixedThreadPool(5);
        List<Future<?>> drivers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            drivers.add(load.submit(() -> reportUntilStopped(officer, worker, running, acknowledgedReports, refusals)));
            drivers.add(load.submit(() -> grantUntilStopped(p2mi, worker, running, acknowledgedGrants, refusals)));
        }
        AtomicBoolean outage = new AtomicBoolean(false);
        drivers.add(load.submit(() -> probeReadinessWhile(running, outage, readiness)));

        Processes.sleep(Duration.ofSeconds(5));
        int reportsBefore = acknowledgedReports.size();
        postgres.stop();
        outage.set(true);
        Processes.sleep(Duration.ofSeconds(10));
        outage.set(false);
        postgres.start();
        for (ServiceProcess service : suite.services()) {
            await(service.name() + " ready again", () -> status(service.baseUrl() + "/q/health/ready") == 200);
        }
        int reportsWhenReady = acknowledgedReports.size();
        int grantsWhenReady = acknowledgedGrants.size();
        Processes.sleep(Duration.ofSeconds(5));
        running.set(false);
        load.shutdown();
        for (Future<?> driver : drivers) {
            driver.get(60, TimeUnit.SECONDS);
        }

        assertThat(reportsBefore).as("reports acknowledged before the restart").isPositive();
        assertThat(acknowledgedReports.size())
                .as("reports acknowledged after the services came back")
                .isGreaterThan(reportsWhenReady);
        assertThat(acknowledgedGrants.size())
                .as("grants acknowledged after the services came back")
                .isGreaterThan(grantsWhenReady);
        for (ServiceProcess service : suite.services()) {
            assertThat(readiness.getOrDefault(service.name(), List.of()))
                    .as(service.name() + "'s readiness while PostgreSQL was down")
                    .contains(503);
        }
        assertThat(refusals)
                .as("answers refused while PostgreSQL was down or coming back")
                .isNotEmpty();
        assertThat(refusals).allSatisfy(r -> {
            assertThat(r.status()).as(r.toString()).isEqualTo(503);
            assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
            assertThat(r.body()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ");
        });
        try (Connection c = connection("case")) {
            for (Map.Entry<String, String> ack : acknowledgedReports.entrySet()) {
                assertThat(casesOfKey(c, ack.getKey()))
                        .as("the case of acknowledged report " + ack.getKey())
                        .containsExactly(ack.getValue());
            }
            assertThat(count(c, "SELECT count(*) FROM protection_case WHERE worker_id = ?::uuid", worker))
                    .as("cases of the worker: one per key, none without")
                    .isEqualTo(count(
                            c,
                            "SELECT count(*) FROM case_intake_key k JOIN protection_case p ON p.id = k.case_id"
                                    + " WHERE p.worker_id = ?::uuid",
                            worker));
        }
        try (Connection c = connection("consent")) {
            for (String grant : acknowledgedGrants) {
                assertThat(count(c, "SELECT count(*) FROM consent_grant WHERE id = ?::uuid", grant))
                        .as("acknowledged grant " + grant)
                        .isEqualTo(1);
            }
        }
    }

    @Test
    @Order(3)
    void shouldKeepAcceptingIssuedTokensWhileKeycloakIsDownAndRefuseNewLoginsClearly() {
        String officer = tokens.user("consul.kl");
        String p2mi = tokens.user("p2mi.officer");
        String auditor = tokens.user("security.auditor");
        String worker = registerWorker();
        // case-service's relay authenticates to audit-service with a service token from Keycloak, which it renews
        // only once it has expired (5 minutes, the local realm's lifespan): one renewed in the outage would fail.
        // Started afresh and made to deliver once, the relay holds a token fetched just now, good for the test.
        suite.service("case-service").restart();
        String warmUp = registerWorker();
        Answer warmUpReport = report(officer, warmUp, "keycloak-warm-up-" + UUID.randomUUID());
        assertThat(warmUpReport.status()).as(warmUpReport.body().toString()).isEqualTo(201);
        assertThat(awaitEvents(auditor, "workerId=" + warmUp + "&action=case.report"))
                .as("the warm-up report delivered by case-service's relay")
                .isNotEmpty();

        keycloak.close();
        Answer report = report(officer, worker, "keycloak-down-" + UUID.randomUUID());
        Answer workerRead = api.get(identity() + "/api/workers/" + worker, p2mi);
        Answer consents = api.get(consent() + "/api/consents?workerId=" + worker, p2mi);
        Answer events = api.get(suite.service("audit-service").baseUrl() + "/api/audit-events?limit=1", auditor);
        TokenClient fresh = new TokenClient(keycloak.realmUrl());

        assertThat(report.status())
                .as("case-service and identity-service (the token forwarded) verify it with the keys they hold")
                .isEqualTo(201);
        assertThat(workerRead.status()).isEqualTo(200);
        assertThat(consents.status()).isEqualTo(200);
        assertThat(events.status()).isEqualTo(200);
        assertThatThrownBy(() -> fresh.user("consul.hk"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot reach Keycloak at " + keycloak.realmUrl() + "/protocol/openid-connect/token");
        String caseId = report.body().path("id").asText();
        // On the token of the warm-up delivery, valid for minutes after this wait of at most 30 seconds.
        JsonNode delivered = awaitEvents(auditor, "workerId=" + worker + "&action=case.report");
        assertThat(delivered.findValuesAsText("outcome")).containsExactly("SUCCESS");
        assertThat(delivered.toString()).contains(caseId);
    }

    /** Polls audit-service until an event matches (the relays run every 500 ms); the events found, maybe none. */
    private JsonNode awaitEvents(String auditor, String query) {
        String url = suite.service("audit-service").baseUrl() + "/api/audit-events?" + query;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode events = api.get(url, auditor).body().path("events");
        while (events.isEmpty() && Instant.now().isBefore(deadline)) {
            Processes.sleep(Duration.ofMillis(300));
            events = api.get(url, auditor).body().path("events");
        }
        return events;
    }

    /** A refused write: what the load saw while PostgreSQL was down or coming back. */
    private record Refusal(String what, int status, String contentType, String body) {}

    private void reportUntilStopped(
            String officer, String worker, AtomicBoolean running, Map<String, String> acks, List<Refusal> refusals) {
        while (running.get()) {
            String key = "restart-" + UUID.randomUUID();
            while (running.get()) {
                HttpResponse<String> answer = send(
                        cases() + "/api/cases",
                        officer,
                        reportOf(worker),
                        Map.of("Idempotency-Key", key, "Accept", "application/json"));
                if (answer.statusCode() / 100 == 2) {
                    acks.put(key, readTree(answer.body()).path("id").asText());
                    break;
                }
                refusals.add(refusal("report " + key, answer));
                Processes.sleep(Duration.ofMillis(200));
            }
            Processes.sleep(Duration.ofMillis(50));
        }
    }

    /** Records grants for the worker (consent-service checks it in identity-service, whose database restarts too). */
    private void grantUntilStopped(
            String p2mi, String worker, AtomicBoolean running, List<String> acks, List<Refusal> refusals) {
        while (running.get()) {
            HttpResponse<String> answer =
                    send(consent() + "/api/consents", p2mi, grantOf(worker), Map.of("Accept", "application/json"));
            if (answer.statusCode() / 100 == 2) {
                acks.add(readTree(answer.body()).path("id").asText());
            } else {
                refusals.add(refusal("grant", answer));
                Processes.sleep(Duration.ofMillis(200));
            }
            Processes.sleep(Duration.ofMillis(50));
        }
    }

    private void probeReadinessWhile(
            AtomicBoolean running, AtomicBoolean outage, Map<String, List<Integer>> readiness) {
        while (running.get()) {
            if (outage.get()) {
                for (ServiceProcess service : suite.services()) {
                    readiness
                            .computeIfAbsent(service.name(), k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(status(service.baseUrl() + "/q/health/ready"));
                }
            }
            Processes.sleep(Duration.ofMillis(500));
        }
    }

    private static Refusal refusal(String what, HttpResponse<String> answer) {
        return new Refusal(
                what,
                answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(""),
                answer.body());
    }

    private HttpResponse<String> send(String url, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(builder::header);
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + " got no answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The status of a GET without a token; 0 when nothing answered. */
    private int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .GET()
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String scrape(String base) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                    .GET()
                    .build();
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape " + base, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * A fault-tolerance figure of case-service's identity lookup by id, whose {@code method} label names the REST
     * client's method (the interface's or its generated implementation's); 0 when the scrape has none.
     */
    private static double identityLookup(String scrape, String name, Map<String, String> labels) {
        Matcher method = Pattern.compile("method=\"([^\"]*IdentityClient[^\"]*\\.worker)\"")
                .matcher(scrape);
        if (!method.find()) {
            return 0;
        }
        Map<String, String> all = new LinkedHashMap<>(labels);
        all.put("method", method.group(1));
        return MetricsScrape.metric(scrape, name, all).orElse(0);
    }

    /** The fault-tolerance lines of a scrape, to show when a figure is not what it should be. */
    private static String faultTolerance(String scrape) {
        return scrape.lines().filter(l -> l.startsWith("ft_")).collect(Collectors.joining("\n"));
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private Answer report(String token, String worker, String key) {
        return api.post(cases() + "/api/cases", token, reportOf(worker), Map.of("Idempotency-Key", key));
    }

    /** Reports once a second until case-service answers 201: its breaker lets one call through after 5 s. */
    private Answer awaitReport(String token, String worker, String key) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Answer answer = report(token, worker, key);
        while (answer.status() != 201 && Instant.now().isBefore(deadline)) {
            Processes.sleep(Duration.ofSeconds(1));
            answer = report(token, worker, key);
        }
        return answer;
    }

    /** Registers a fresh worker from a SiskoP2MI record, with a valid NIK of Gambir (Jakarta Pusat). */
    private String registerWorker() {
        // Born 17 August 1995, a woman: 40 is added to the day (57) in her NIK.
        String nik = "317101" + "570895" + String.format("%04d", 2000 + SERIAL.getAndIncrement());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "SISKOP2MI");
        body.put("sourceRecordId", "FAULT-" + UUID.randomUUID());
        body.put("nik", nik);
        body.put("fullName", "Pekerja Uji " + nik.substring(12));
        body.put("birthDate", "1995-08-17");
        body.put("sex", "F");
        body.put("destinationCountry", "MY");
        body.put("phase", "ABROAD");
        Answer answer = api.post(
                identity() + "/api/workers/registrations",
                tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector")),
                body);
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().path("workerId").asText();
    }

    private static Map<String, Object> reportOf(String worker) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("workerId", worker);
        report.put("missionId", KL);
        report.put("categoryCode", "GAJI_TIDAK_DIBAYAR");
        report.put("description", "Gaji dua bulan belum dibayar oleh majikan.");
        report.put("channel", "MISSION_WALK_IN");
        report.put("phase", "ABROAD");
        return report;
    }

    private static Map<String, Object> grantOf(String worker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workerId", worker);
        body.put("receivingAgency", "KEMLU");
        body.put("purposes", List.of("PROTECTION_CASE_HANDLING"));
        body.put("dataCategories", List.of("PLACEMENT"));
        body.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return body;
    }

    private static String cases() {
        return suite.service("case-service").baseUrl();
    }

    private static String identity() {
        return suite.service("identity-service").baseUrl();
    }

    private static String consent() {
        return suite.service("consent-service").baseUrl();
    }

    private static Connection connection(String service) throws SQLException {
        PostgresServer.Database db = postgres.database(prefix + service);
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static long intakeKeysLike(Connection c, String pattern) throws SQLException {
        return count(c, "SELECT count(*) FROM case_intake_key WHERE idempotency_key LIKE ?", pattern);
    }

    private static List<String> casesOfKey(Connection c, String key) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.id FROM case_intake_key k"
                + " JOIN protection_case p ON p.id = k.case_id WHERE k.idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Processes.sleep(Duration.ofMillis(200));
        }
    }
}
