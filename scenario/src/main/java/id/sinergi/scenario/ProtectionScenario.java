package id.sinergi.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import id.sinergi.devstack.Suite;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.Api.Answer;
import id.sinergi.scenario.ExportGenerator.Exports;
import id.sinergi.scenario.ExportGenerator.Person;
import id.sinergi.scenario.ExportGenerator.Row;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The protection scenario, end to end through the suite's APIs: both exports ingested by the ministries'
 * connectors, consents recorded at the service point, cases reported at several missions, a consular officer
 * reading a consenting and a non-consenting worker's placement, a revocation, and the security auditor
 * checking the audit chain. Every step's outcome is compared with what it must be; the report says which held.
 */
public final class ProtectionScenario {

    private static final Logger LOG = Logger.getLogger(ProtectionScenario.class.getName());

    /** The mission of the demo consular officer {@code consul.kl}. */
    public static final String KL = "KBRI-KUALALUMPUR";

    /** The purpose the scenario's officers declare for their reads and that its consents are given for. */
    public static final String PURPOSE = "PROTECTION_CASE_HANDLING";

    /** The services whose events the summary's "delivered by the services" counts (their audit service names). */
    private static final List<String> DELIVERING_SERVICES =
            List.of("identity-service", "case-service", "consent-service");

    /** Base URLs of the four services. */
    public record Endpoints(String identity, String cases, String consent, String audit) {

        /** The base URLs of a running suite's services. */
        public static Endpoints of(Suite suite) {
            return new Endpoints(
                    suite.service("identity-service").baseUrl(),
                    suite.service("case-service").baseUrl(),
                    suite.service("consent-service").baseUrl(),
                    suite.service("audit-service").baseUrl());
        }
    }

    private final Api api;
    private final Endpoints urls;
    private final TokenClient tokens;
    private final ReferenceData reference;
    private final Random random;
    private final ScenarioReport report = new ScenarioReport();

    private final Map<Integer, String> workerOfPerson = new HashMap<>();
    private final Map<Integer, String> grantOfPerson = new HashMap<>();

    public ProtectionScenario(Endpoints urls, TokenClient tokens, ReferenceData reference, long seed) {
        this(urls, tokens, reference, seed, new Api());
    }

    /** The scenario sending its requests through {@code api} (one that shows a test its exchanges, say). */
    public ProtectionScenario(Endpoints urls, TokenClient tokens, ReferenceData reference, long seed, Api api) {
        this.api = api;
        this.urls = urls;
        this.tokens = tokens;
        this.reference = reference;
        this.random = new Random(seed);
    }

    public ScenarioReport run(Exports exports) {
        ingest(exports);
        recordConsents(exports);
        Map<String, Integer> casesPerMission = reportCases(exports);
        officerReads(exports);
        awaitAuditDelivery();
        auditorChecks();
        report.casesPerMission.putAll(casesPerMission);
        return report;
    }

    // --- 1. Both exports through identity-service's API, as each ministry's connector sends them. ---

    private void ingest(Exports exports) {
        String sisko = tokens.client("siskop2mi-connector", TokenClient.localSecret("siskop2mi-connector"));
        String peduli = tokens.client("peduli-wni-portal", TokenClient.localSecret("peduli-wni-portal"));
        Map<Integer, String> siskoWorker = new HashMap<>();
        Map<Integer, String> peduliWorker = new HashMap<>();
        int unexpected = registerAll("SISKOP2MI", exports.sisko(), sisko, siskoWorker)
                + registerAll("PEDULI_WNI", exports.peduli(), peduli, peduliWorker);
        report.check(
                "every valid row is stored and every invalid row is rejected with 400",
                unexpected == 0,
                unexpected + " rows answered otherwise");
        checkLinks(exports, siskoWorker, peduliWorker);
        workerOfPerson.putAll(peduliWorker);
        workerOfPerson.putAll(siskoWorker);
        checkResendChangesNothing(exports, sisko);
    }

    /** Sends every row of one source; how many were answered otherwise than the row calls for. */
    private int registerAll(String source, List<Row> rows, String token, Map<Integer, String> workers) {
        int unexpected = 0;
        for (Row row : rows) {
            unexpected += register(registration(source, row.values()), token, row, workers);
        }
        return unexpected;
    }

    private void checkLinks(Exports exports, Map<Integer, String> siskoWorker, Map<Integer, String> peduliWorker) {
        long linked = peduliWorker.entrySet().stream()
                .filter(e -> e.getValue().equals(siskoWorker.get(e.getKey())))
                .count();
        report.linkedAcrossSources = linked;
        report.check(
                "every worker in both exports is linked into one worker",
                linked == exports.expectedCrossSourceLinks(),
                linked + " linked, " + exports.expectedCrossSourceLinks() + " expected");
    }

    /** Sends ten SiskoP2MI rows a second time: each must come back UNCHANGED. */
    private void checkResendChangesNothing(Exports exports, String sisko) {
        int unchanged = 0;
        List<Row> resend = exports.sisko().stream()
                .filter(r -> r.personKey() != null)
                .limit(10)
                .toList();
        for (Row row : resend) {
            Answer answer = api.post(
                    urls.identity() + "/api/workers/registrations", sisko, registration("SISKOP2MI", row.values()));
            if (answer.status() == 200
                    && "UNCHANGED".equals(answer.body().path("outcome").asText())) {
                unchanged++;
            }
        }
        report.check(
                "sending the same source records again changes nothing",
                unchanged == resend.size(),
                unchanged + " of " + resend.size() + " unchanged");
    }

    private int register(Map<String, Object> body, String token, Row row, Map<Integer, String> workers) {
        Answer answer = api.post(urls.identity() + "/api/workers/registrations", token, body);
        report.rowsSent++;
        if (answer.ok()) {
            report.rowsIngested++;
            report.registrationOutcomes.merge(answer.body().path("outcome").asText("?"), 1L, Long::sum);
            for (JsonNode flag : answer.body().path("flags")) {
                report.qualityFlags.merge(flag.asText(), 1L, Long::sum);
            }
            if (row.personKey() != null) {
                workers.put(row.personKey(), answer.body().path("workerId").asText());
            }
            return row.invalidBecause() == null ? 0 : 1;
        }
        if (answer.status() == 400) {
            report.rowsRejected++;
            String field = answer.body().path("errors").path(0).path("field").asText("");
            report.rejections.merge(answer.problemSlug() + (field.isEmpty() ? "" : " (" + field + ")"), 1L, Long::sum);
            return row.invalidBecause() == null ? 1 : 0;
        }
        LOG.warning("registration answered HTTP " + answer.status() + " " + answer.problemSlug());
        return 1;
    }

    /** Maps an export row (Indonesian column names and codes) to identity-service's registration request. */
    public static Map<String, Object> registration(String source, Map<String, String> row) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean sisko = source.equals("SISKOP2MI");
        body.put("source", source);
        body.put("sourceRecordId", blankToNull(row.get(sisko ? "id_pmi" : "id_lapor_diri")));
        body.put("nik", blankToNull(row.get("nik")));
        String passport = blankToNull(row.get("nomor_paspor"));
        body.put("passport", passport == null ? null : Map.of("number", passport, "issuingState", "IDN"));
        body.put("fullName", blankToNull(row.get(sisko ? "nama_lengkap" : "nama")));
        body.put("birthDate", blankToNull(row.get("tanggal_lahir")));
        body.put(
                "sex",
                switch (row.get("jenis_kelamin")) {
                    case "L" -> "M";
                    case "P" -> "F";
                    default -> blankToNull(row.get("jenis_kelamin"));
                });
        body.put("destinationCountry", blankToNull(row.get(sisko ? "negara_tujuan" : "negara")));
        body.put("phase", sisko ? phase(row.get("status_penempatan")) : "ABROAD");
        if (sisko) {
            Map<String, Object> placement = new LinkedHashMap<>();
            placement.put("employerName", blankToNull(row.get("pemberi_kerja")));
            placement.put("placementAgency", blankToNull(row.get("p3mi")));
            placement.put("occupation", blankToNull(row.get("jabatan")));
            placement.put("departureDate", blankToNull(row.get("tanggal_keberangkatan")));
            placement.put("contractEndDate", blankToNull(row.get("tanggal_akhir_kontrak")));
            body.put("placement", placement);
        }
        return body;
    }

    private static String phase(String status) {
        return switch (status) {
            case "PRA_PENEMPATAN" -> "PRE_DEPARTURE";
            case "PENEMPATAN" -> "ABROAD";
            case "PURNA" -> "RETURNED";
            default -> status;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // --- 2. Consents given at the one-roof service point (LTSA) before departure. ---

    private void recordConsents(Exports exports) {
        String officer = tokens.user("p2mi.officer");
        int failed = 0;
        for (Row row : exports.sisko()) {
            if (row.personKey() == null || random.nextDouble() >= 0.8) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("workerId", workerOfPerson.get(row.personKey()));
            body.put("receivingAgency", "KEMLU");
            body.put("purposes", List.of(PURPOSE, "REPATRIATION"));
            body.put("dataCategories", List.of("IDENTITY", "PLACEMENT", "CASE_DETAILS"));
            body.put("validUntil", Instant.now().plus(730, ChronoUnit.DAYS).toString());
            Answer answer = api.post(urls.consent() + "/api/consents", officer, body);
            if (answer.status() == 201) {
                grantOfPerson.put(row.personKey(), answer.body().path("id").asText());
            } else {
                failed++;
            }
        }
        report.consentsGiven = grantOfPerson.size();
        report.check("every consent is recorded", failed == 0, failed + " consents refused");
        checkUnknownWorkerRefused(officer);
    }

    /** A mistyped worker id: consent-service asks identity-service, which knows no such worker, and stores nothing. */
    private void checkUnknownWorkerRefused(String officer) {
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("workerId", unknown);
        body.put("receivingAgency", "KEMLU");
        body.put("purposes", List.of(PURPOSE));
        body.put("dataCategories", List.of("PLACEMENT"));
        body.put("validUntil", Instant.now().plus(730, ChronoUnit.DAYS).toString());
        Answer answer = api.post(urls.consent() + "/api/consents", officer, body);
        Answer stored = api.get(urls.consent() + "/api/consents?workerId=" + unknown, officer);
        report.check(
                "a consent for a worker identity-service does not know is refused (unknown-worker) and not stored",
                answer.status() == 400
                        && "unknown-worker".equals(answer.problemSlug())
                        && stored.body().isEmpty(),
                "HTTP " + answer.status() + " " + answer.problemSlug() + ", "
                        + stored.body().size() + " stored");
    }

    // --- 3. Cases reported through Peduli WNI (which knows the worker by NIK) at the mission of their country. ---

    private Map<String, Integer> reportCases(Exports exports) {
        String portal = tokens.client("peduli-wni-portal", TokenClient.localSecret("peduli-wni-portal"));
        int failed = 0;
        for (Person p : exports.people()) {
            if (!workerOfPerson.containsKey(p.key()) || p.siskoPhase().equals("PRA_PENEMPATAN")) {
                continue;
            }
            String mission = missionOf(p.country());
            if (mission == null || random.nextDouble() >= 0.15) {
                continue;
            }
            Map<String, Object> body = caseBody(mission, "PEDULI_WNI");
            body.put("nik", p.nik());
            failed += api.post(urls.cases() + "/api/cases", portal, body).status() == 201 ? 0 : 1;
        }
        report.check("every case report is accepted", failed == 0, failed + " reports refused");
        return casesPerMission();
    }

    private String missionOf(String country) {
        List<String> consulates = reference.otherMissionsIn(country);
        if (!consulates.isEmpty() && random.nextDouble() < 0.3) {
            return consulates.get(random.nextInt(consulates.size()));
        }
        return reference.missionFor(country);
    }

    private Map<String, Object> caseBody(String mission, String channel) {
        List<String> categories = reference.categories();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("missionId", mission);
        body.put("categoryCode", categories.get(random.nextInt(categories.size())));
        body.put("description", "Laporan dari " + channel + ": pekerja meminta bantuan perwakilan.");
        body.put("channel", channel);
        body.put("phase", "ABROAD");
        return body;
    }

    private Map<String, Integer> casesPerMission() {
        Answer list = api.get(urls.cases() + "/api/cases?limit=200", tokens.user("pwni.hq"));
        Map<String, Integer> perMission = new TreeMap<>();
        JsonNode items = list.body().isArray() ? list.body() : list.body().path("cases");
        for (JsonNode c : items) {
            perMission.merge(c.path("missionId").asText(), 1, Integer::sum);
        }
        return perMission;
    }

    // --- 4. A consular officer at KBRI Kuala Lumpur reads placement data. ---

    private void officerReads(Exports exports) {
        Optional<Person> consenting = exports.people().stream()
                .filter(p -> grantOfPerson.containsKey(p.key()) && p.country().equals("MY"))
                .findFirst();
        Optional<Person> refusing = exports.people().stream()
                .filter(p -> workerOfPerson.containsKey(p.key()) && !grantOfPerson.containsKey(p.key()))
                .findFirst();
        if (consenting.isEmpty() || refusing.isEmpty()) {
            report.check("the exports hold a consenting worker in Malaysia and a non-consenting one", false, "none");
            return;
        }
        String consul = tokens.user("consul.kl");
        String workerA = workerOfPerson.get(consenting.get().key());
        String workerB = workerOfPerson.get(refusing.get().key());
        String caseA = walkIn(consul, workerA);
        walkIn(consul, workerB);

        checkPlacementReads(consul, workerA, workerB);
        checkRevocation(consul, workerA, grantOfPerson.get(consenting.get().key()));
        checkOtherMission(caseA);
        caseLife(workerB);
    }

    private void checkPlacementReads(String consul, String consentingWorker, String refusingWorker) {
        Answer permitted = readPlacement(consul, consentingWorker);
        report.check(
                "the officer reads a consenting worker's placement",
                permitted.status() == 200,
                "HTTP " + permitted.status());
        Answer denied = readPlacement(consul, refusingWorker);
        report.check(
                "the officer is refused a non-consenting worker's placement",
                denied.status() == 403 && "consent-denied".equals(denied.problemSlug()),
                "HTTP " + denied.status() + " " + denied.problemSlug() + " "
                        + denied.body().path("reason").asText(""));
    }

    /** Revokes the worker's grant; the officer's next read of that worker's placement must be refused. */
    private void checkRevocation(String consul, String workerId, String grantId) {
        Answer revoked = api.post(
                urls.consent() + "/api/consents/" + grantId + "/revocation",
                tokens.user("p2mi.officer"),
                Map.of("reason", "worker withdrew consent through the Crisis Center"));
        Answer afterRevocation = readPlacement(consul, workerId);
        report.check(
                "after the revocation the next read is refused",
                revoked.status() == 200 && afterRevocation.status() == 403,
                "revocation HTTP " + revoked.status() + ", then HTTP " + afterRevocation.status() + " "
                        + afterRevocation.problemSlug() + " "
                        + afterRevocation.body().path("reason").asText(""));
    }

    private void checkOtherMission(String caseId) {
        Answer otherMission = api.get(urls.cases() + "/api/cases/" + caseId, tokens.user("consul.hk"));
        report.check(
                "an officer of another mission cannot see the case",
                otherMission.status() == 404,
                "HTTP " + otherMission.status());
    }

    private String walkIn(String consul, String workerId) {
        Map<String, Object> body = caseBody(KL, "MISSION_WALK_IN");
        body.put("workerId", workerId);
        Answer answer = api.post(urls.cases() + "/api/cases", consul, body);
        if (answer.status() != 201) {
            report.check("the officer records a walk-in case", false, "HTTP " + answer.status());
            return UUID.randomUUID().toString();
        }
        String id = answer.body().path("id").asText();
        Answer triaged = update(consul, id, "/triage", answer, Map.of("reason", "officer called the worker back"));
        update(
                consul,
                id,
                "/transitions",
                triaged,
                Map.of("to", "IN_PROGRESS", "reason", "officer contacted the worker"));
        return id;
    }

    /** POSTs a change of the case, naming the version of {@code last} (the case as last answered) in If-Match. */
    private Answer update(String token, String caseId, String path, Answer last, Map<String, ?> body) {
        return api.post(
                urls.cases() + "/api/cases/" + caseId + path,
                token,
                body,
                Map.of("If-Match", "\"" + last.body().path("version").asLong() + "\""));
    }

    /**
     * One case through its whole life, as a mission and the ministry at home share it: reported twice under one
     * Idempotency-Key (one case), triaged with a raised priority, handled, resolved, closing asked by the officer and
     * approved by the mission's head of protection; and a case after return reported at KemenP2MI's crisis centre by a
     * family member, which KemenP2MI leads and the mission cannot see.
     */
    private void caseLife(String workerId) {
        String consul = tokens.user("consul.kl");
        Map<String, Object> body = caseBody(KL, "HOTLINE");
        body.put("categoryCode", "GAJI_TIDAK_DIBAYAR");
        body.put("workerId", workerId);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Answer first = api.post(urls.cases() + "/api/cases", consul, body, key);
        Answer again = api.post(urls.cases() + "/api/cases", consul, body, key);
        String id = first.body().path("id").asText();
        report.check(
                "a report sent twice with one Idempotency-Key makes one case",
                first.status() == 201
                        && again.status() == 201
                        && id.equals(again.body().path("id").asText()),
                "HTTP " + first.status() + "/" + again.status());
        Answer step = update(
                consul,
                id,
                "/triage",
                first,
                Map.of("priority", "CRITICAL", "reason", "employer threatens the worker"));
        step = update(consul, id, "/transitions", step, Map.of("to", "IN_PROGRESS", "reason", "labour attache called"));
        step = update(consul, id, "/transitions", step, Map.of("to", "RESOLVED", "reason", "wages paid in full"));
        Answer asked = update(consul, id, "/closure-requests", step, Map.of("reason", "worker confirms payment"));
        Answer current = api.get(urls.cases() + "/api/cases/" + id, consul);
        Answer closed = update(
                tokens.user("head.kl"),
                id,
                "/closure-requests/" + asked.body().path("id").asText() + "/decision",
                current,
                Map.of("decision", "APPROVED", "reason", "receipt seen"));
        report.check(
                "a case is triaged, handled, resolved and closed on a supervisor's approval",
                closed.status() == 200
                        && "CLOSED"
                                .equals(closed.body()
                                        .path("status")
                                        .path("code")
                                        .asText()),
                "HTTP " + closed.status() + " "
                        + closed.body().path("status").path("code").asText());

        Map<String, Object> afterReturn = caseBody(KL, "CRISIS_CENTER");
        afterReturn.remove("missionId");
        afterReturn.put("phase", "AFTER_RETURN");
        afterReturn.put("workerId", workerId);
        afterReturn.put("categoryCode", "JAMINAN_SOSIAL");
        afterReturn.put("reporter", Map.of("relation", "FAMILY", "name", "Keluarga pekerja", "relationship", "suami"));
        Answer home = api.post(urls.cases() + "/api/cases", tokens.user("p2mi.officer"), afterReturn);
        Answer byMission =
                api.get(urls.cases() + "/api/cases/" + home.body().path("id").asText(), consul);
        report.check(
                "KemenP2MI leads a case after return, which no mission sees",
                home.status() == 201
                        && "KEMENP2MI".equals(home.body().path("leadAgency").asText())
                        && byMission.status() == 404,
                "HTTP " + home.status() + " lead "
                        + home.body().path("leadAgency").asText() + ", mission read HTTP " + byMission.status());
    }

    private Answer readPlacement(String token, String workerId) {
        Answer answer = api.get(urls.identity() + "/api/workers/" + workerId + "/placement?purpose=" + PURPOSE, token);
        if (answer.status() == 200) {
            report.placementReadsPermitted++;
        } else if (answer.status() == 403) {
            report.placementReadsDenied++;
        }
        return answer;
    }

    // --- 5. Audit delivery and the security auditor's checks. ---

    private void awaitAuditDelivery() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        long pending = -1;
        while (Instant.now().isBefore(deadline)) {
            pending = pendingAuditEvents(api, urls);
            if (pending == 0) {
                break;
            }
            sleep();
        }
        report.check("every audit event is delivered to audit-service", pending == 0, pending + " still pending");
    }

    /** How many audit events the three delivering services' outboxes still hold, from their readiness checks. */
    public static long pendingAuditEvents(Api api, Endpoints urls) {
        long pending = 0;
        for (String base : List.of(urls.identity(), urls.cases(), urls.consent())) {
            Answer health = api.get(base + "/q/health/ready", null);
            for (JsonNode check : health.body().path("checks")) {
                if ("audit-outbox".equals(check.path("name").asText())) {
                    pending += check.path("data").path("pending").asLong();
                }
            }
        }
        return pending;
    }

    private void auditorChecks() {
        String auditor = tokens.user("security.auditor");
        // Only what the services delivered: not audit-service's own events (the auditor's queries) nor Keycloak's.
        for (String service : DELIVERING_SERVICES) {
            Answer summary = api.get(urls.audit() + "/api/audit-events/summary?service=" + service, auditor);
            report.auditEvents += summary.body().path("total").asLong();
            summary.body()
                    .path("byOutcome")
                    .fields()
                    .forEachRemaining(e ->
                            report.auditByOutcome.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        }
        Answer decisions = api.get(urls.audit() + "/api/audit-events?action=consent.decision&limit=500", auditor);
        for (JsonNode e : decisions.body().path("events")) {
            report.consentDecisions.merge(e.path("outcome").asText(), 1L, Long::sum);
        }
        Answer denials = api.get(
                urls.audit() + "/api/audit-events?action=worker.placement.read&outcome=DENIED&limit=100", auditor);
        int deniedReads = denials.body().path("events").size();
        report.check(
                "each refused placement read is in the audit log",
                deniedReads >= report.placementReadsDenied && report.placementReadsDenied > 0,
                deniedReads + " denial events for " + report.placementReadsDenied + " refused reads");
        Answer log = api.get(urls.audit() + "/api/audit-log/verification", auditor);
        report.logStatus = log.body().path("status").asText("UNKNOWN");
        report.logLeaves = log.body().path("checkedLeaves").asLong();
        report.check(
                "the audit log's Merkle tree verifies intact",
                "INTACT".equals(report.logStatus),
                report.logStatus + " over " + report.logLeaves + " leaves and "
                        + log.body().path("checkedCheckpoints").asLong() + " checkpoints");
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the scenario saw, and which of its checks held. */
    public static final class ScenarioReport {
        long rowsSent;
        long rowsIngested;
        long rowsRejected;
        long linkedAcrossSources;
        long consentsGiven;
        long placementReadsPermitted;
        long placementReadsDenied;
        long auditEvents;
        long logLeaves;
        String logStatus = "UNKNOWN";
        final Map<String, Long> registrationOutcomes = new TreeMap<>();
        final Map<String, Long> qualityFlags = new TreeMap<>();
        final Map<String, Long> rejections = new TreeMap<>();
        final Map<String, Integer> casesPerMission = new TreeMap<>();
        final Map<String, Long> consentDecisions = new TreeMap<>();
        final Map<String, Long> auditByOutcome = new TreeMap<>();
        final List<String[]> checks = new ArrayList<>();

        void check(String what, boolean held, String detail) {
            checks.add(new String[] {held ? "ok" : "FAILED", what, detail});
        }

        public boolean allHeld() {
            return !checks.isEmpty() && checks.stream().allMatch(c -> c[0].equals("ok"));
        }

        public List<String> failures() {
            return checks.stream()
                    .filter(c -> !c[0].equals("ok"))
                    .map(c -> c[1] + ": " + c[2])
                    .toList();
        }

        public long linkedAcrossSources() {
            return linkedAcrossSources;
        }

        public Map<String, Long> rejections() {
            return rejections;
        }

        /** The summary the main job prints. */
        public String render() {
            StringBuilder sb = new StringBuilder();
            sb.append("\n== Sinergi protection scenario ==\n");
            sb.append(String.format("Rows sent %d: ingested %d, rejected %d%n", rowsSent, rowsIngested, rowsRejected));
            sb.append("  registration outcomes: ").append(registrationOutcomes).append('\n');
            sb.append("  quality flags for review, per answer (NIK date or sex against the declared ones, sources that")
                    .append(" disagree): ")
                    .append(qualityFlags)
                    .append('\n');
            sb.append("  rejected, by reason:\n");
            rejections.forEach((k, v) -> sb.append(String.format("    %-45s %d%n", k, v)));
            sb.append(String.format("Workers linked across SiskoP2MI and Peduli WNI: %d%n", linkedAcrossSources));
            sb.append(String.format("Consents given: %d%n", consentsGiven));
            sb.append("Cases per mission:\n");
            casesPerMission.forEach((k, v) -> sb.append(String.format("    %-28s %d%n", k, v)));
            sb.append(String.format(
                    "Placement reads: %d permitted, %d denied; consent decisions: %s%n",
                    placementReadsPermitted, placementReadsDenied, consentDecisions));
            sb.append(String.format("Audit events delivered by the services: %d %s%n", auditEvents, auditByOutcome));
            sb.append(String.format(
                    "Audit log: %s over the %d leaves sealed when the auditor verified it (the auditor's own events"
                            + " included; events delivered after it are sealed later)%n",
                    logStatus, logLeaves));
            sb.append("Checks:\n");
            checks.forEach(c -> sb.append(String.format("  [%s] %s (%s)%n", c[0], c[1], c[2])));
            return sb.toString();
        }
    }
}
