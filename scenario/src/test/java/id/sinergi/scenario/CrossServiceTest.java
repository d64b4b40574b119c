package id.sinergi.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.PostgresServer;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TestDatabases;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.Api.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The four services as processes from their builds, on free ports, against the real PostgreSQL and a real
 * Keycloak: the flows that cross services, with tokens the realm issued. Tracing is on, exporting to a small
 * OTLP/HTTP receiver of the test's own on 127.0.0.1, so that one test can follow a request across services.
 */
class CrossServiceTest {

    private static final Path WORK = Path.of("target").toAbsolutePath();
    private static final AtomicInteger SERIAL = new AtomicInteger(1);

    private static KeycloakServer keycloak;
    private static OtlpReceiver traces;
    private static Suite suite;
    private static TokenClient tokens;
    private static ProtectionScenario.Endpoints urls;
    private final Api api = new Api();

    @BeforeAll
    static void startSuite() {
        PostgresServer postgres = PostgresServer.localOrEmbedded(WORK);
        keycloak = KeycloakServer.start(WORK, Processes.freePort());
        Map<String, Integer> ports = new LinkedHashMap<>();
        Suite.SERVICES.forEach(s -> ports.put(s, Processes.freePort()));
        traces = OtlpReceiver.start();
        Suite.Options options = Suite.Options.of("sinergi_it" + TestDatabases.suffix() + "_", WORK.resolve("services"))
                .withConfig(Map.of(
                        "sinergi.audit.relay-interval", "500ms",
                        "sinergi.audit.relay-delay", "1s",
                        "quarkus.otel.sdk.disabled", "false",
                        "quarkus.otel.exporter.otlp.endpoint", traces.endpoint(),
                        "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                        "quarkus.otel.bsp.schedule.delay", "200ms"));
        suite = Suite.start(Suite.SERVICES, ports, postgres, keycloak.realmUrl(), options);
        tokens = new TokenClient(keycloak.realmUrl());
        urls = ProtectionScenario.Endpoints.of(suite);
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (traces != null) {
            traces.close();
        }
    }

    @Test
    void shouldFollowOneRequestAcrossServicesInOneTrace() {
        String worker = registerWorker();

        Answer reported = api.post(urls.cases() + "/api/cases", tokens.user("consul.kl"), reportOf(worker));
        // The report's is the only read of the worker by id so far: the grant below makes one more.
        OtlpReceiver.Span lookup = awaitServerSpan("identity-service", "/api/workers/" + worker);
        grantConsent(worker);
        Answer placement = readPlacement("consul.kl", worker);

        assertThat(reported.status()).as(reported.body().toString()).isEqualTo(201);
        assertThat(placement.status()).isEqualTo(200);
        // Each service exports its spans in its own batches, a span once it ends: the caller's spans come later.
        OtlpReceiver.Span call =
                awaitSpan("the parent of " + lookup, s -> s.spanId().equals(lookup.parentSpanId()));
        assertThat(call.service()).isEqualTo("case-service");
        assertThat(call.kind()).isEqualTo(OtlpReceiver.Span.CLIENT);
        OtlpReceiver.Span root = awaitSpan(
                "the root of trace " + lookup.traceId(),
                s -> s.traceId().equals(lookup.traceId()) && s.parentSpanId().isEmpty());
        assertThat(root.service()).as("the trace starts at case-service").isEqualTo("case-service");
        assertThat(root.kind()).isEqualTo(OtlpReceiver.Span.SERVER);
        assertThat(root.name()).contains("/api/cases");
        assertThat(call.parentSpanId()).isEqualTo(root.spanId());
        OtlpReceiver.Span read = awaitServerSpan("identity-service", "/api/workers/" + worker + "/placement");
        OtlpReceiver.Span decision = awaitChildServerSpan("consent-service", read);
        assertThat(decision.traceId()).isEqualTo(read.traceId());
        assertThat(trace(read.traceId()))
                .as("an outbox delivery to audit-service is a trace of its own, and not recorded")
                .noneSatisfy(s -> assertThat(s.service()).isEqualTo("audit-service"));
        assertThat(traces.rejected()).as("exports the receiver could not parse").isZero();
    }

    @Test
    void shouldDisclosePlacementOnlyWhileConsentHoldsAndAuditEveryReadByEndUser() {
        String worker = registerWorker();
        String grant = grantConsent(worker);

        Answer permitted = readPlacement("consul.kl", worker);
        revoke(grant);
        Answer denied = readPlacement("consul.kl", worker);

        assertThat(permitted.status()).isEqualTo(200);
        assertThat(permitted.body().path("grantId").asText()).isEqualTo(grant);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.problemSlug()).isEqualTo("consent-denied");
        assertThat(denied.body().path("reason").asText()).isEqualTo("GRANT_REVOKED");
        JsonNode events = awaitEvents("workerId=" + worker + "&action=worker.placement.read", 2);
        assertThat(events.findValuesAsText("outcome")).contains("SUCCESS", "DENIED");
        JsonNode decisions = awaitEvents("workerId=" + worker + "&action=consent.decision", 2);
        assertThat(decisions.toString())
                .as("consent-service saw the officer, not only identity-service")
                .contains("consul.kl")
                .contains("KBRI-KUALALUMPUR");
        Answer log = api.get(urls.audit() + "/api/audit-log/verification", tokens.user("security.auditor"));
        assertThat(log.body().path("status").asText()).isEqualTo("INTACT");
    }

    @Test
    void shouldMakeARevocationVisibleToTheVeryNextReadThroughIdentityService() {
        String worker = registerWorker();
        String grant = grantConsent(worker);
        List<Answer> beforeRevocation = List.of(readPlacement("consul.kl", worker), readPlacement("consul.kl", worker));

        revoke(grant);
        Answer next = readPlacement("consul.kl", worker);

        assertThat(beforeRevocation).allSatisfy(read -> {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().path("basis").asText()).isEqualTo("CONSENT");
            assertThat(read.body().path("grantId").asText()).isEqualTo(grant);
        });
        assertThat(next.status())
                .as("the first read after the revocation answered")
                .isEqualTo(403);
        assertThat(next.problemSlug()).isEqualTo("consent-denied");
        assertThat(next.body().path("reason").asText()).isEqualTo("GRANT_REVOKED");
        assertThat(next.body().has("employerName")).isFalse();
    }

    @Test
    void shouldDisclosePlacementOnVitalInterestInvokedThroughCaseServiceAndListItForReview() {
        String worker = registerWorker();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("workerId", worker);
        report.put("missionId", ProtectionScenario.KL);
        report.put("categoryCode", "PERDAGANGAN_ORANG");
        report.put("description", "Keluarga melapor pekerja dijual ke perusahaan lain dan tidak bisa pulang.");
        report.put("channel", "FAMILY");
        report.put("phase", "ABROAD");
        report.put(
                "reporter", Map.of("relation", "FAMILY", "name", "Kakak pekerja", "relationship", "kakak (sibling)"));
        JsonNode reported = api.post(urls.cases() + "/api/cases", tokens.user("consul.kl"), report)
                .body();
        String caseId = reported.path("id").asText();
        Answer withoutConsent = readPlacement("consul.kl", worker);

        Answer invoked = api.post(
                urls.cases() + "/api/cases/" + caseId + "/vital-interest",
                tokens.user("consul.kl"),
                Map.of("reason", "Dugaan TPPO: pekerja ditahan penyalur, lokasi harus dicari lewat data penempatan."),
                Map.of("If-Match", "\"" + reported.path("version").asLong() + "\""));
        String authorisation =
                invoked.body().path("vitalInterest").path("authorisationId").asText();
        Answer byHandlingMission = readPlacement("consul.kl", worker);
        Answer byOtherMission = readPlacement("consul.hk", worker);
        Answer reviewList =
                api.get(urls.consent() + "/api/vital-interest?reviewed=false", tokens.user("security.auditor"));

        assertThat(withoutConsent.status()).isEqualTo(403);
        assertThat(withoutConsent.body().path("reason").asText()).isEqualTo("NO_GRANT");
        assertThat(invoked.status()).as(invoked.body().toString()).isEqualTo(201);
        assertThat(byHandlingMission.status())
                .as(byHandlingMission.body().toString())
                .isEqualTo(200);
        assertThat(byHandlingMission.body().path("basis").asText()).isEqualTo("VITAL_INTEREST");
        assertThat(byHandlingMission.body().has("grantId"))
                .as("no grant was used")
                .isFalse();
        assertThat(byHandlingMission.body().path("employerName").asText()).isEqualTo("Golden Palm Plantation");
        assertThat(byOtherMission.status()).isEqualTo(403);
        assertThat(reviewList.status()).isEqualTo(200);
        assertThat(reviewList.body().findValuesAsText("id")).contains(authorisation);
        JsonNode listed = null;
        for (JsonNode v : reviewList.body()) {
            if (authorisation.equals(v.path("id").asText())) {
                listed = v;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("caseId").asText()).isEqualTo(caseId);
        assertThat(listed.path("workerId").asText()).isEqualTo(worker);
        assertThat(listed.path("caseCategory").asText()).isEqualTo("TRAFFICKING");
        assertThat(listed.path("mission").asText()).isEqualTo(ProtectionScenario.KL);
        JsonNode events = awaitEvents("workerId=" + worker + "&action=case.vital-interest.invoke", 1);
        assertThat(events.toString()).contains(authorisation).doesNotContain("ditahan penyalur");
    }

    @Test
    void shouldCheckAGrantsWorkerInIdentityServiceWithTheCallersTokenAndRefuseAnUnknownOne() {
        String worker = registerWorker();
        String unknown = UUID.randomUUID().toString();

        grantConsent(worker);
        Answer own = api.post(
                urls.consent() + "/api/consents",
                tokens.client("peduli-wni-portal", TokenClient.localSecret("peduli-wni-portal")),
                grantBody(worker));
        Answer refused = api.post(urls.consent() + "/api/consents", tokens.user("p2mi.officer"), grantBody(unknown));
        Answer listed = api.get(urls.consent() + "/api/consents?workerId=" + unknown, tokens.user("p2mi.officer"));

        assertThat(own.status()).as(own.body().toString()).isEqualTo(201);
        assertThat(own.body().path("capture").path("channel").asText()).isEqualTo("SELF_SERVICE");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problemSlug()).isEqualTo("unknown-worker");
        assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("workerId");
        assertThat(listed.body()).as("nothing stored for the unknown worker").isEmpty();
        OtlpReceiver.Span check = awaitServerSpan("identity-service", "/api/workers/" + unknown);
        OtlpReceiver.Span asked =
                awaitSpan("the parent of " + check, s -> s.spanId().equals(check.parentSpanId()));
        assertThat(asked.service()).isEqualTo("consent-service");
        JsonNode reads = awaitEvents("workerId=" + worker + "&action=worker.read", 2);
        assertThat(reads.toString())
                .as("identity-service saw who recorded each grant, not consent-service")
                .contains("p2mi.officer")
                .contains("peduli-wni-portal");
    }

    @Test
    void shouldDenyPlacementOfWorkerWhoNeverConsented() {
        String worker = registerWorker();

        Answer denied = readPlacement("consul.kl", worker);

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body().path("reason").asText()).isEqualTo("NO_GRANT");
        JsonNode events = awaitEvents("workerId=" + worker + "&action=worker.placement.read&outcome=DENIED", 1);
        assertThat(events.toString()).contains("consul.kl");
    }

    @Test
    void shouldAnswer401WithoutTokenOnEveryService() {
        Map<String, String> protectedPaths = Map.of(
                urls.identity(), "/api/workers/00000000-0000-0000-0000-000000000001",
                urls.cases(), "/api/cases",
                urls.consent(), "/api/consents?workerId=00000000-0000-0000-0000-000000000001",
                urls.audit(), "/api/audit-events");

        protectedPaths.forEach((base, path) -> {
            Answer answer = api.get(base + path, null);

            assertThat(answer.status()).as(base + path).isEqualTo(401);
            assertThat(answer.problemSlug()).isEqualTo("unauthenticated");
        });
    }

    @Test
    void shouldAnswer403ForTheWrongRole() {
        String worker = registerWorker();

        Answer platformReadsWorker = api.get(urls.identity() + "/api/workers/" + worker, tokens.user("platform.admin"));
        Answer consulReadsAudit = api.get(urls.audit() + "/api/audit-events", tokens.user("consul.kl"));

        assertThat(platformReadsWorker.status()).isEqualTo(403);
        assertThat(consulReadsAudit.status()).isEqualTo(403);
    }

    @Test
    void shouldKeepEachMissionToItsOwnCases() {
        String worker = registerWorker();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("workerId", worker);
        report.put("missionId", ProtectionScenario.KL);
        report.put("categoryCode", "GAJI_TIDAK_DIBAYAR");
        report.put("description", "Gaji tidak dibayar selama empat bulan.");
        report.put("channel", "MISSION_WALK_IN");
        report.put("phase", "ABROAD");

        Answer byOtherMission = api.post(urls.cases() + "/api/cases", tokens.user("consul.hk"), report);
        Answer byOwnMission = api.post(urls.cases() + "/api/cases", tokens.user("consul.kl"), report);
        String caseId = byOwnMission.body().path("id").asText();
        Answer readByOtherMission = api.get(urls.cases() + "/api/cases/" + caseId, tokens.user("consul.hk"));
        Answer readByHq = api.get(urls.cases() + "/api/cases/" + caseId, tokens.user("pwni.hq"));

        assertThat(byOtherMission.status()).isEqualTo(403);
        assertThat(byOwnMission.status()).isEqualTo(201);
        assertThat(byOwnMission.body().path("workerId").asText()).isEqualTo(worker);
        assertThat(readByOtherMission.status()).isEqualTo(404);
        assertThat(readByHq.status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseControlCharactersTextAsNumbersAndMistypedParametersNamingTheField() {
        String connector = tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector"));
        Map<String, Object> withNul = new LinkedHashMap<>(registration("3171011708950001"));
        withNul.put("fullName", "Siti\u0000Aminah");
        Map<String, Object> nikAsNumber = new LinkedHashMap<>(registration("3171011708950002"));
        nikAsNumber.put("nik", 3171011708950002L);

        Answer nul = api.post(urls.identity() + "/api/workers/registrations", connector, withNul);
        Answer number = api.post(urls.identity() + "/api/workers/registrations", connector, nikAsNumber);
        Answer limit = api.get(urls.cases() + "/api/cases?limit=abc", tokens.user("pwni.hq"));

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().path("errors").path(0).path("field").asText()).isEqualTo("fullName");
        assertThat(nul.body().path("errors").path(0).path("code").asText()).isEqualTo("invalid-text");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.body().path("errors").path(0).path("field").asText()).isEqualTo("nik");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body().path("instance").asText()).isEqualTo("/api/cases");
    }

    @Test
    void shouldRefuseATamperedTokenWithoutAskingKeycloak() throws Exception {
        String token = tokens.user("consul.kl");
        int dot = token.lastIndexOf('.');
        char flipped = token.charAt(dot + 5) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, dot + 5) + flipped + token.substring(dot + 6);

        Answer answer = api.get(urls.cases() + "/api/cases", tampered);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(java.nio.file.Files.readString(suite.service("case-service").logFile()))
                .doesNotContainIgnoringCase("introspect");
    }

    @Test
    void shouldRunTheProtectionScenarioWithEveryCheckHolding() {
        ReferenceData reference = ReferenceData.load();
        ExportGenerator.Exports exports = new ExportGenerator(reference, 4242).generate(60);

        ProtectionScenario.ScenarioReport report = new ProtectionScenario(urls, tokens, reference, 4242).run(exports);

        assertThat(report.failures()).isEmpty();
        assertThat(report.allHeld()).isTrue();
        assertThat(report.linkedAcrossSources()).isEqualTo(exports.expectedCrossSourceLinks());
        assertThat(report.rejections().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(exports.expectedRejections().values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }

    /** Registers a fresh worker from a SiskoP2MI record, with a valid NIK of Gambir (Jakarta Pusat). */
    private String registerWorker() {
        int serial = SERIAL.getAndIncrement();
        Answer answer = api.post(
                urls.identity() + "/api/workers/registrations",
                tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector")),
                registration("317101" + "170895" + String.format("%04d", 1000 + serial)));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().path("workerId").asText();
    }

    private static Map<String, Object> registration(String nik) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", "SISKOP2MI");
        body.put("sourceRecordId", "IT-" + System.nanoTime());
        body.put("nik", nik);
        body.put("fullName", "Pekerja Uji " + nik.substring(12));
        body.put("birthDate", "1995-08-17");
        body.put("sex", "M");
        body.put("destinationCountry", "MY");
        body.put("phase", "ABROAD");
        body.put(
                "placement",
                Map.of(
                        "employerName", "Golden Palm Plantation",
                        "placementAgency", "PT Bina Karya Mandiri",
                        "occupation", "Pekerja perkebunan",
                        "departureDate", "2025-01-10",
                        "contractEndDate", "2027-01-10"));
        return body;
    }

    private String grantConsent(String worker) {
        Answer answer = api.post(urls.consent() + "/api/consents", tokens.user("p2mi.officer"), grantBody(worker));
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        return answer.body().path("id").asText();
    }

    private static Map<String, Object> grantBody(String worker) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workerId", worker);
        body.put("receivingAgency", "KEMLU");
        body.put("purposes", List.of("PROTECTION_CASE_HANDLING"));
        body.put("dataCategories", List.of("PLACEMENT"));
        body.put("validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return body;
    }

    private void revoke(String grant) {
        Answer answer = api.post(
                urls.consent() + "/api/consents/" + grant + "/revocation",
                tokens.user("p2mi.officer"),
                Map.of("reason", "worker withdrew consent"));
        assertThat(answer.status()).isEqualTo(200);
    }

    private Answer readPlacement(String user, String worker) {
        return api.get(
                urls.identity() + "/api/workers/" + worker + "/placement?purpose=PROTECTION_CASE_HANDLING",
                tokens.user(user));
    }

    private static Map<String, Object> reportOf(String worker) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("workerId", worker);
        report.put("missionId", ProtectionScenario.KL);
        report.put("categoryCode", "GAJI_TIDAK_DIBAYAR");
        report.put("description", "Gaji tiga bulan belum dibayar oleh majikan.");
        report.put("channel", "FAMILY");
        report.put("phase", "ABROAD");
        report.put("reporter", Map.of("relation", "FAMILY", "name", "Adik pekerja", "relationship", "adik (sibling)"));
        return report;
    }

    private static List<OtlpReceiver.Span> trace(String traceId) {
        return traces.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    /** Polls the receiver (spans are exported every 200 ms) for the service's server span of a path ending so. */
    private static OtlpReceiver.Span awaitServerSpan(String service, String pathEnd) {
        return awaitSpan(
                service + " serving " + pathEnd,
                s -> s.service().equals(service)
                        && s.kind() == OtlpReceiver.Span.SERVER
                        && s.attributeValues().stream().anyMatch(v -> v.endsWith(pathEnd)));
    }

    /** Polls for a server span of the service whose parent is a client span under {@code above}. */
    private static OtlpReceiver.Span awaitChildServerSpan(String service, OtlpReceiver.Span above) {
        return awaitSpan(service + " called under " + above, s -> {
            if (!s.service().equals(service)
                    || s.kind() != OtlpReceiver.Span.SERVER
                    || !s.traceId().equals(above.traceId())) {
                return false;
            }
            return trace(s.traceId()).stream()
                    .anyMatch(c ->
                            c.spanId().equals(s.parentSpanId()) && c.service().equals(above.service()));
        });
    }

    private static OtlpReceiver.Span awaitSpan(String what, java.util.function.Predicate<OtlpReceiver.Span> match) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            var found = traces.spans().stream().filter(match).findFirst();
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found.orElseThrow(() -> new AssertionError("no span of " + what + " among "
                        + traces.spans().size() + " received (" + traces.rejected() + " exports unreadable)"));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** Polls audit-service until at least {@code count} events match (the outbox relay runs every 500 ms). */
    private JsonNode awaitEvents(String query, int count) {
        Supplier<JsonNode> events =
                () -> api.get(urls.audit() + "/api/audit-events?" + query, tokens.user("security.auditor"))
                        .body()
                        .path("events");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode found = events.get();
        while (found.size() < count && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            found = events.get();
        }
        assertThat(found.size()).as("audit events for " + query).isGreaterThanOrEqualTo(count);
        return found;
    }
}
