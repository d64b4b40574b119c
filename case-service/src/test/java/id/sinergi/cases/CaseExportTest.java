package id.sinergi.cases;

import static id.sinergi.cases.CaseSetup.KL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import id.sinergi.cases.CaseSetup.Made;
import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cases exported for a party: each party of a violence case and of a wage case receives exactly the fields its rule
 * shares, names the others as withheld, and every export is audited; CSV cannot carry a spreadsheet formula.
 */
@QuarkusTest
@CaseTestResource
class CaseExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SISTER = "Siti Aminah";
    private static final String SISTER_PHONE = "+62 812 0000 1111";
    private static final String ASSAULT = "Dipukul majikan tiap malam; sekarang tinggal di shelter KBRI.";
    private static final String WAGES = "Gaji enam bulan ditahan majikan.";

    /** Every field of a case as its API shows it, which a ministry's export holds in full. */
    private static final List<String> WHOLE_CASE = List.of(
            "id",
            "reference",
            "workerId",
            "missionId",
            "missionName",
            "category",
            "description",
            "channel",
            "phase",
            "leadAgency",
            "participantAgency",
            "priority",
            "routedTo",
            "reporter",
            "status",
            "reportedAt",
            "updatedAt",
            "deadlines",
            "version",
            "vitalInterest");

    /** What the employer and the agency receive of a violence case: that it exists, who handles it, its status. */
    private static final List<String> VIOLENCE_TO_EMPLOYER =
            List.of("reference", "missionId", "missionName", "phase", "leadAgency", "status");

    private static final List<String> VIOLENCE_TO_INSURER =
            List.of("reference", "missionId", "missionName", "category", "phase", "leadAgency", "status", "reportedAt");

    private static final List<String> WAGES_TO_EMPLOYER = List.of(
            "reference",
            "missionId",
            "missionName",
            "category",
            "description",
            "phase",
            "leadAgency",
            "status",
            "reportedAt");

    private static final List<String> WAGES_TO_INSURER = VIOLENCE_TO_INSURER;

    private static Made violence;
    private static Made wages;

    @Inject
    DataSource dataSource;

    /** A violence case a sister reported, with vital interest invoked: every field of the case has a value. */
    private static synchronized Made violence() {
        if (violence == null) {
            Map<String, Object> body =
                    CaseSetup.byFamily(CaseSetup.abroad(KL, "KEKERASAN_MAJIKAN"), SISTER, SISTER_PHONE);
            body.put("description", ASSAULT);
            violence = CaseSetup.report("consul.kl", body);
            CaseSetup.invokeVitalInterest("consul.kl", violence.id());
        }
        return violence;
    }

    /** A wage case the sister reported. */
    private static synchronized Made wages() {
        if (wages == null) {
            Map<String, Object> body =
                    CaseSetup.byFamily(CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"), SISTER, SISTER_PHONE);
            body.put("description", WAGES);
            wages = CaseSetup.report("consul.kl", body);
        }
        return wages;
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMPLOYER", "PLACEMENT_AGENCY"})
    void shouldGiveTheEmployerAndTheAgencyOfAViolenceCaseOnlyThatItExistsWhoHandlesItAndItsStatus(String party) {
        Made made = violence();

        Map<String, Object> export = export("consul.kl", made.id(), party);

        assertThat(export.keySet()).containsExactlyElementsOf(withMembers(VIOLENCE_TO_EMPLOYER));
        assertThat(export.get("withheld")).isEqualTo(withheld(VIOLENCE_TO_EMPLOYER));
        assertThat(withheldOf(export))
                .contains("category", "description", "reporter", "reportedAt", "vitalInterest", "workerId");
        assertThat(JSON.valueToTree(export).toString())
                .doesNotContain(SISTER, SISTER_PHONE, "shelter", made.workerId(), "KEKERASAN_MAJIKAN");
        assertThat(export.get("party")).isEqualTo(party(party));
        sameAsTheCase(export, made.id());
    }

    @Test
    void shouldGiveTheInsurerOfAViolenceCaseItsKindAndDatesButNeitherTheAccountNorTheReporter() {
        Made made = violence();

        Map<String, Object> export = export("pwni.hq", made.id(), "INSURER");

        assertThat(export.keySet()).containsExactlyElementsOf(withMembers(VIOLENCE_TO_INSURER));
        assertThat(export.get("withheld")).isEqualTo(withheld(VIOLENCE_TO_INSURER));
        assertThat(JSON.valueToTree(export).toString()).doesNotContain(SISTER, SISTER_PHONE, "shelter");
        sameAsTheCase(export, made.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EMPLOYER", "PLACEMENT_AGENCY"})
    void shouldGiveTheEmployerAndTheAgencyOfAWageCaseTheClaimButNotWhoReportedIt(String party) {
        Made made = wages();

        Map<String, Object> export = export("consul.kl", made.id(), party);

        assertThat(export.keySet()).containsExactlyElementsOf(withMembers(WAGES_TO_EMPLOYER));
        assertThat(export.get("description")).isEqualTo(WAGES);
        assertThat(withheldOf(export))
                .as("withheld whether or not the case has a value: this one has no vital interest")
                .contains("reporter", "vitalInterest", "priority", "deadlines");
        assertThat(export.get("withheld")).isEqualTo(withheld(WAGES_TO_EMPLOYER));
        assertThat(JSON.valueToTree(export).toString()).doesNotContain(SISTER, SISTER_PHONE, made.workerId());
        sameAsTheCase(export, made.id());
    }

    @Test
    void shouldGiveTheInsurerOfAWageCaseItsKindAndDatesOnly() {
        Made made = wages();

        Map<String, Object> export = export("p2mi.officer", made.id(), "INSURER");

        assertThat(export.keySet()).containsExactlyElementsOf(withMembers(WAGES_TO_INSURER));
        assertThat(export.get("withheld")).isEqualTo(withheld(WAGES_TO_INSURER));
        assertThat(JSON.valueToTree(export).toString()).doesNotContain(WAGES, SISTER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"KEMLU", "KEMENP2MI"})
    void shouldGiveTheMinistriesTheWholeCase(String party) {
        Made made = violence();

        Map<String, Object> export = export("consul.kl", made.id(), party);

        assertThat(export.keySet()).containsExactlyElementsOf(withMembers(WHOLE_CASE));
        assertThat(export.get("withheld")).isEqualTo(List.of());
        assertThat(export.get("description")).isEqualTo(ASSAULT);
        assertThat(export.get("reporter"))
                .isEqualTo(Map.of(
                        "relation",
                        "FAMILY",
                        "name",
                        SISTER,
                        "relationship",
                        "kakak (sister)",
                        "contact",
                        SISTER_PHONE));
        sameAsTheCase(export, made.id());
    }

    @Test
    void shouldAuditEachExportNamingTheCallerThePartyTheRuleAndTheFieldsShared() {
        Made made = violence();

        export("consul.kl", made.id(), "PLACEMENT_AGENCY");

        assertThat(CaseCalls.EXPORT.audited(dataSource, made.id(), "SUCCESS", "consul.kl"))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"reason\":\"party=PLACEMENT_AGENCY format=json rule=VIOLENCE"
                                + " shared=reference,missionId,missionName,phase,leadAgency,status\"")
                        .contains("\"workerId\":\"" + made.workerId() + "\"")
                        .contains("\"purpose\":\"PROTECTION_CASE_HANDLING\""));
    }

    @Test
    void shouldAnswerAnExportOfACaseOutOfScopeAsAMissingCaseAndAuditTheAttempt() {
        Made made = wages();
        String missing = UUID.randomUUID().toString();

        CaseCalls.Answer onCase = CaseCalls.EXPORT.as("consul.hk", made.id());
        CaseCalls.Answer onMissing = CaseCalls.EXPORT.as("consul.hk", missing);

        assertThat(onCase).isEqualTo(onMissing);
        assertThat(onCase.status()).isEqualTo(404);
        assertThat(CaseCalls.EXPORT.audited(dataSource, made.id(), "DENIED", "consul.hk"))
                .anySatisfy(p -> assertThat(p).contains("out-of-scope party=EMPLOYER format=json rule=*"));
    }

    @Test
    void shouldWriteAPartysCsvWithItsColumnsMarkWithheldCellsAndNeutraliseFormulas() {
        String worker = Workers.register().id();
        List<String> descriptions = List.of(
                "=HYPERLINK(\"http://example.invalid\",\"klik\")", "+62 812 gaji", "-3 bulan gaji", "@SUM(A1:A9)");
        List<String> ids = new ArrayList<>();
        for (String description : descriptions) {
            Map<String, Object> body = CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR");
            body.put("workerId", worker);
            body.put("description", description);
            ids.add(CaseSetup.report("consul.kl", body).id());
        }
        Map<String, Object> assault =
                CaseSetup.byFamily(CaseSetup.abroad(KL, "PELECEHAN_SEKSUAL"), "=cmd|' /C calc'!A0", SISTER_PHONE);
        assault.put("workerId", worker);
        assault.put("description", ASSAULT);
        String assaultId = CaseSetup.report("consul.kl", assault).id();

        String csv = exportList("consul.kl", Map.of("party", "EMPLOYER", "format", "csv", "workerId", worker))
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"cases-employer.csv\"")
                .extract()
                .asString();
        List<Map<String, String>> rows = csvRows(csv);

        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("\"party\",\"withheld\",\"reference\",\"missionId\",\"missionName\",\"category.code\","
                        + "\"category.termId\",\"category.glossEn\",\"description\",\"phase.code\",\"phase.termId\","
                        + "\"phase.glossEn\",\"leadAgency\",\"status.code\",\"status.termId\",\"status.glossEn\","
                        + "\"reportedAt\"");
        assertThat(rows).hasSize(5);
        Map<String, String> assaultRow = rows.get(0);
        assertThat(assaultRow.get("reference"))
                .isEqualTo(Cases.read("consul.kl", assaultId).extract().path("reference"));
        assertThat(assaultRow.get("withheld")).contains("category", "description", "reporter", "reportedAt");
        assertThat(assaultRow.get("category.code")).isEqualTo("[withheld]");
        assertThat(assaultRow.get("description")).isEqualTo("[withheld]");
        assertThat(assaultRow.get("reportedAt")).isEqualTo("[withheld]");
        assertThat(csv).doesNotContain(ASSAULT, SISTER_PHONE, "calc");
        List<String> cells =
                rows.subList(1, 5).stream().map(r -> r.get("description")).toList();
        assertThat(cells)
                .containsExactlyInAnyOrderElementsOf(
                        descriptions.stream().map(d -> "'" + d).toList());
        assertThat(rows.subList(1, 5)).allSatisfy(r -> {
            assertThat(r.get("category.code")).isEqualTo("GAJI_TIDAK_DIBAYAR");
            assertThat(r.get("withheld"))
                    .isEqualTo("id workerId channel participantAgency priority routedTo"
                            + " reporter updatedAt deadlines version vitalInterest");
        });
        for (String id : ids) {
            assertThat(CaseCalls.EXPORT.audited(dataSource, id, "SUCCESS", "consul.kl"))
                    .anySatisfy(p -> assertThat(p).contains("party=EMPLOYER format=csv rule=*"));
        }
    }

    @Test
    void shouldNeutraliseFormulasInEveryColumnOfAMinistrysCsv() {
        Map<String, Object> body = CaseSetup.byFamily(CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"), "@Siti", "=1+2");
        body.put("description", "-gaji");
        String worker = (String) body.get("workerId");
        CaseSetup.report("consul.kl", body);

        String csv = exportList("pwni.hq", Map.of("party", "KEMLU", "format", "csv", "workerId", worker))
                .statusCode(200)
                .extract()
                .asString();
        Map<String, String> row = csvRows(csv).get(0);

        assertThat(row.get("withheld")).isEmpty();
        assertThat(row.get("reporter.name")).isEqualTo("'@Siti");
        assertThat(row.get("reporter.contact")).isEqualTo("'=1+2");
        assertThat(row.get("description")).isEqualTo("'-gaji");
        assertThat(row.get("workerId")).isEqualTo(worker);
        assertThat(row.keySet()).contains("vitalInterest.authorisationId", "deadlines.resolutionDue");
    }

    @Test
    void shouldWriteNdjsonLinesEachAsTheSingleExportGivesIt() {
        Made made = violence();

        String ndjson = exportList(
                        "consul.kl", Map.of("party", "INSURER", "format", "ndjson", "workerId", made.workerId()))
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .extract()
                .asString();

        List<String> lines = ndjson.lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(parse(lines.get(0))).isEqualTo(export("consul.kl", made.id(), "INSURER"));
    }

    @Test
    void shouldExportNothingOfAnotherMissionAndAuditTheAttempt() {
        Made made = wages();

        String csv = exportList("consul.hk", Map.of("party", "INSURER", "format", "csv", "missionId", KL))
                .statusCode(200)
                .extract()
                .asString();
        String own = exportList("consul.hk", Map.of("party", "INSURER", "format", "csv", "workerId", made.workerId()))
                .statusCode(200)
                .extract()
                .asString();

        assertThat(csv.lines()).hasSize(1);
        assertThat(own.lines()).hasSize(1);
        assertThat(AuditOutboxProbe.payloadsMentioning(
                        dataSource, "out-of-scope mission=" + KL + " party=INSURER format=csv"))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.export\"")
                        .contains("\"outcome\":\"DENIED\"")
                        .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldSayWhenMoreCasesMatchedThanTheLimitLetIn() {
        String worker = Workers.register().id();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR");
            body.put("workerId", worker);
            CaseSetup.report("consul.kl", body);
        }

        ValidatableResponse limited = exportList(
                        "consul.kl", Map.of("party", "EMPLOYER", "format", "ndjson", "workerId", worker, "limit", 1))
                .statusCode(200)
                .header("Sinergi-More-Cases", "true");
        ValidatableResponse whole = exportList(
                        "consul.kl", Map.of("party", "EMPLOYER", "format", "ndjson", "workerId", worker, "limit", 2))
                .statusCode(200);

        assertThat(limited.extract().asString().lines()).hasSize(1);
        assertThat(whole.extract().header("Sinergi-More-Cases")).isNull();
        assertThat(whole.extract().asString().lines()).hasSize(2);
    }

    @Test
    void shouldRefuseAMissingOrUnknownPartyOrFormat() {
        String id = wages().id();

        exportOne("consul.kl", id, Map.of())
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("party"));
        exportOne("consul.kl", id, Map.of("party", "LANDLORD"))
                .statusCode(400)
                .body("errors[0].field", equalTo("party"));
        exportList("consul.kl", Map.of("party", "EMPLOYER", "format", "xlsx"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("format"));
        exportList("consul.kl", Map.of("party", "EMPLOYER", "format", "csv", "categoryCode", "NONE"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-category"));
        exportList("consul.kl", Map.of("party", "EMPLOYER", "format", "csv", "limit", 0))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"));
        exportList("consul.kl", Map.of("party", "EMPLOYER", "format", "csv", "limit", "abc"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("limit"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/cases/" + id + "/export?party=KEMLU")
                .then()
                .statusCode(403);
    }

    /** The shared fields hold the case's own values, as a ministry's officer reads them. */
    @SuppressWarnings("unchecked")
    private static void sameAsTheCase(Map<String, Object> export, String caseId) {
        Map<String, Object> read =
                Cases.read("pwni.hq", caseId).statusCode(200).extract().as(Map.class);
        export.forEach((field, value) -> {
            if (!field.equals("party") && !field.equals("withheld")) {
                assertThat(value).as(field).isEqualTo(read.get(field));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<String> withheldOf(Map<String, Object> export) {
        return (List<String>) export.get("withheld");
    }

    private static List<String> withMembers(List<String> fields) {
        List<String> keys = new ArrayList<>(List.of("party", "withheld"));
        keys.addAll(fields);
        return keys;
    }

    private static List<String> withheld(List<String> shared) {
        return WHOLE_CASE.stream().filter(f -> !shared.contains(f)).toList();
    }

    /** The party as an export names it: its code, Indonesian term and English gloss. */
    private static Map<String, String> party(String code) {
        Map<String, List<String>> terms = Map.of(
                "EMPLOYER", List.of("Pemberi kerja (majikan)", "employer"),
                "PLACEMENT_AGENCY",
                        List.of("Perusahaan Penempatan Pekerja Migran Indonesia (P3MI)", "placement agency"));
        return Map.of(
                "code",
                code,
                "termId",
                terms.get(code).get(0),
                "glossEn",
                terms.get(code).get(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> export(String user, String caseId, String party) {
        return exportOne(user, caseId, Map.of("party", party))
                .statusCode(200)
                .contentType(startsWith("application/json"))
                .extract()
                .as(LinkedHashMap.class);
    }

    private static ValidatableResponse exportOne(String user, String caseId, Map<String, ?> query) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParams(query)
                .when()
                .get("/api/cases/" + caseId + "/export")
                .then();
    }

    private static ValidatableResponse exportList(String user, Map<String, ?> query) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParams(query)
                .when()
                .get("/api/cases/export")
                .then();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CSV's rows keyed by its header's columns. */
    private static List<Map<String, String>> csvRows(String csv) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it =
                mapper.readerForListOf(String.class).readValues(csv)) {
            List<List<String>> lines = it.readAll();
            List<String> header = lines.get(0);
            List<Map<String, String>> rows = new ArrayList<>();
            for (List<String> line : lines.subList(1, lines.size())) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), line.get(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
