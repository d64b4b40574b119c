package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.testing.LogCapture;
import id.sinergi.devstack.testing.RawHttp;
import id.sinergi.devstack.testing.Tokens;
import id.sinergi.identity.matching.eval.ExportFiles;
import id.sinergi.identity.matching.eval.GeneratorSettings;
import id.sinergi.identity.matching.eval.LabelledExports;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bulk intake of a source export: row by row, every row stored whole or reported, and a resend changes nothing. */
@QuarkusTest
@IdentityTestResource
class BulkIntakeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void shouldStoreValidRowsReportInvalidOnesAndChangeNothingOnResend() throws Exception {
        Map<String, Object> invalidNik = registration("SISKOP2MI", "3171019908450001");
        Map<String, Object> foreignSource = registration("PEDULI_WNI", TestWorkers.nik());
        String file = String.join(
                "\n",
                line(registration("SISKOP2MI", TestWorkers.nik())),
                "{\"source\": \"SISKOP2MI\", \"sourceRecordId\": ",
                line(invalidNik),
                line(registration("SISKOP2MI", TestWorkers.nik())),
                line(foreignSource),
                "");
        long before = count("SELECT count(*) FROM source_record");

        List<JsonNode> first = bulk("application/x-ndjson", file);
        long afterFirst = count("SELECT count(*) FROM source_record");
        List<JsonNode> second = bulk("application/x-ndjson", file);

        assertThat(first).hasSize(6);
        assertThat(first.subList(0, 5))
                .extracting(n -> n.path("status").asText())
                .containsExactly("STORED", "REJECTED", "REJECTED", "STORED", "REJECTED");
        assertThat(first.get(1).path("problem").path("type").asText()).isEqualTo("urn:sinergi:problem:malformed-json");
        assertThat(first.get(2).path("problem").path("type").asText())
                .isEqualTo("urn:sinergi:problem:invalid-nik-date");
        assertThat(first.get(4).path("problem").path("type").asText())
                .isEqualTo("urn:sinergi:problem:source-not-yours");
        assertThat(first.get(5).path("summary").path("stored").asLong()).isEqualTo(2);
        assertThat(first.get(5).path("summary").path("rejected").asLong()).isEqualTo(3);
        assertThat(afterFirst - before).isEqualTo(2);
        assertThat(second.subList(0, 5))
                .extracting(n -> n.path("outcome").asText(""))
                .containsExactly("UNCHANGED", "", "", "UNCHANGED", "");
        assertThat(count("SELECT count(*) FROM source_record")).isEqualTo(afterFirst);
    }

    @Test
    void shouldMatchRowsOfOnePersonInOneFileAsSeparateRequestsWould() throws Exception {
        String nik = TestWorkers.nik();
        Map<String, Object> first = registration("SISKOP2MI", nik);
        Map<String, Object> again = registration("SISKOP2MI", nik);
        again.put("fullName", TestWorkers.nameOf(nik).toUpperCase(Locale.ROOT));
        String knownNik = TestWorkers.nik();
        String knownWorker = TestWorkers.registered(registration("SISKOP2MI", knownNik));
        String file =
                String.join("\n", line(first), line(again), line(first), line(registration("SISKOP2MI", knownNik)), "");

        List<JsonNode> results = bulk("application/x-ndjson", file);

        assertThat(results.subList(0, 4))
                .extracting(n -> n.path("outcome").asText())
                .containsExactly("CREATED", "LINKED", "UNCHANGED", "LINKED");
        String worker = results.get(0).path("workerId").asText();
        assertThat(results.get(1).path("workerId").asText()).isEqualTo(worker);
        assertThat(results.get(2).path("workerId").asText()).isEqualTo(worker);
        assertThat(results.get(3).path("workerId").asText()).isEqualTo(knownWorker);
        assertThat(count("SELECT count(*) FROM source_record WHERE worker_id = '" + worker + "'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM source_record WHERE worker_id = '" + knownWorker + "'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM link_event WHERE worker_id = '" + knownWorker
                        + "' AND action = 'AUTO_LINKED'"))
                .isEqualTo(1);
    }

    @Test
    void shouldReplayAFailedBatchRowByRowSoThatOneBadRowCostsNoOtherRowItsPlace() throws Exception {
        Map<String, Object> refused = registration("SISKOP2MI", TestWorkers.nik());
        refused.put("placement", Map.of("employerName", REFUSED_EMPLOYER));
        Map<String, Object> before = registration("SISKOP2MI", TestWorkers.nik());
        Map<String, Object> after = registration("SISKOP2MI", TestWorkers.nik());
        String file = String.join("\n", line(before), line(refused), line(after), "");
        long records = count("SELECT count(*) FROM source_record");
        long workers = count("SELECT count(*) FROM worker");
        List<JsonNode> results;
        execute(REFUSE_TRIGGER);
        try {
            results = bulk("application/x-ndjson", file);
        } finally {
            execute("DROP TRIGGER test_refuse_employer ON source_record; DROP FUNCTION test_refuse_employer()");
        }

        assertThat(results.subList(0, 3))
                .extracting(n -> n.path("status").asText())
                .containsExactly("STORED", "REJECTED", "STORED");
        assertThat(results.get(1).path("problem").path("type").asText())
                .isEqualTo("urn:sinergi:problem:internal-error");
        assertThat(results.get(1).path("problem").path("errorId").asText()).isNotEmpty();
        assertThat(results.get(1).toString()).doesNotContain("refused by a test trigger");
        assertThat(count("SELECT count(*) FROM source_record")).isEqualTo(records + 2);
        assertThat(count("SELECT count(*) FROM worker")).isEqualTo(workers + 2);
        assertThat(count("SELECT count(*) FROM source_record WHERE source_record_id = '" + refused.get("sourceRecordId")
                        + "'"))
                .isZero();
    }

    /** A database failure inside a batch, on the one row that names this employer. */
    private static final String REFUSED_EMPLOYER = "Refused By Test Trigger";

    private static final String REFUSE_TRIGGER = "CREATE FUNCTION test_refuse_employer() RETURNS trigger AS $$"
            + " BEGIN IF NEW.employer_name = '" + REFUSED_EMPLOYER + "' THEN"
            + " RAISE EXCEPTION 'refused by a test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
            + " CREATE TRIGGER test_refuse_employer BEFORE INSERT ON source_record"
            + " FOR EACH ROW EXECUTE FUNCTION test_refuse_employer()";

    @Test
    void shouldReadACsvExportWithFlatColumns() throws Exception {
        String nik = TestWorkers.nik();
        String csv = "source,sourceRecordId,nik,passportNumber,passportIssuingState,fullName,birthDate,sex,"
                + "destinationCountry,phase,employerName\n"
                + "SISKOP2MI,sp-csv-" + nik + "," + nik + ",C7654321,IDN,\"" + TestWorkers.nameOf(nik) + "\","
                + TestWorkers.bornOf(nik) + ",M,MY,ABROAD,\"Syarikat Contoh, Sdn Bhd\"\n"
                + "SISKOP2MI,sp-csv-bad-" + nik + "," + nik + ",,,\"\"," + TestWorkers.bornOf(nik) + ",M,MY,ABROAD,\n";

        List<JsonNode> results = bulk("text/csv", csv);

        assertThat(results.get(0).path("status").asText()).isEqualTo("STORED");
        assertThat(results.get(0).path("outcome").asText()).isEqualTo("CREATED");
        assertThat(results.get(1).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(1)
                        .path("problem")
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asText())
                .isEqualTo("fullName");
        assertThat(count("SELECT count(*) FROM source_record WHERE employer_name = 'Syarikat Contoh, Sdn Bhd'"))
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseACsvHeaderWithAnUnknownColumn() {
        given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .contentType("text/csv")
                .body("source,sourceRecordId,nik,religion\nSISKOP2MI,x,3171011708450001,-\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/workers/registrations/bulk")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-column"))
                .body("errors[0].field", equalTo("religion"));
    }

    @Test
    void shouldRejectARowWithTooManyOrTooFewCellsAndReadTheRowsAfterIt() throws Exception {
        String last = TestWorkers.nik();
        String csv = CSV_HEADER + "\n" + csvRow(TestWorkers.nik()) + "\n" + csvRow(TestWorkers.nik()) + ",extra\n"
                + "SISKOP2MI,sp-short-" + last + "," + last + "\n" + csvRow(last) + "\n";

        List<JsonNode> results = bulk("text/csv", csv);

        assertThat(results).hasSize(5);
        assertThat(results.subList(0, 4))
                .extracting(n -> n.path("status").asText())
                .containsExactly("STORED", "REJECTED", "REJECTED", "STORED");
        assertThat(results.subList(1, 3))
                .extracting(n -> n.path("problem").path("type").asText())
                .containsOnly("urn:sinergi:problem:wrong-cell-count");
        assertThat(results.get(4).path("summary").path("rows").asLong()).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM source_record WHERE source_record_id = 'sp-csv-" + last + "'"))
                .isEqualTo(1);
    }

    @Test
    void shouldStopAtAQuoteLeftOpenAndSayWhereReadingStopped() throws Exception {
        String after = TestWorkers.nik();
        String csv = CSV_HEADER + "\n" + csvRow(TestWorkers.nik()) + "\n" + "SISKOP2MI,\"sp-open-quote,"
                + TestWorkers.nik() + ",,,,,,,\n" + csvRow(after) + "\n";

        List<JsonNode> results = bulk("text/csv", csv);

        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("status").asText()).isEqualTo("STORED");
        JsonNode stopped = results.get(1);
        assertThat(stopped.path("row").asLong()).isEqualTo(2);
        assertThat(stopped.path("status").asText()).isEqualTo("REJECTED");
        assertThat(stopped.path("problem").path("type").asText()).isEqualTo("urn:sinergi:problem:malformed-csv");
        assertThat(stopped.path("problem").path("stoppedAtRow").asLong()).isEqualTo(2);
        assertThat(stopped.path("problem").path("detail").asText())
                .contains("Row 2", "line 3", "the rest of the file were not read");
        assertThat(results.get(2).path("summary").path("rows").asLong()).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM source_record WHERE source_record_id = 'sp-csv-" + after + "'"))
                .isZero();
    }

    @Test
    void shouldRejectACsvRowTooLongToReadAndReadTheNext() throws Exception {
        String next = TestWorkers.nik();
        String csv = CSV_HEADER + "\n" + csvRow(TestWorkers.nik()).replace("CONTOH", "A".repeat(17_000)) + "\n"
                + csvRow(next) + "\n";

        List<JsonNode> results = bulk("text/csv", csv);

        assertThat(results.get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(results.get(0).path("problem").path("type").asText()).isEqualTo("urn:sinergi:problem:row-too-long");
        assertThat(results.get(1).path("status").asText()).isEqualTo("STORED");
    }

    @Test
    void shouldRejectAnNdjsonLineTooLongToReadAndReadTheNext() {
        Map<String, Object> tooLong = registration("SISKOP2MI", TestWorkers.nik());
        tooLong.put("fullName", "A".repeat(17_000));
        String file = line(tooLong) + "\n" + line(registration("SISKOP2MI", TestWorkers.nik())) + "\n";

        List<JsonNode> results = bulk("application/x-ndjson", file);

        assertThat(results.get(0).path("problem").path("type").asText()).isEqualTo("urn:sinergi:problem:row-too-long");
        assertThat(results.get(0).path("problem").path("detail").asText())
                .isEqualTo("The row is longer than 16384 characters");
        assertThat(results.get(1).path("status").asText()).isEqualTo("STORED");
    }

    @Test
    void shouldReadCsvWhateverTheCaseOfItsMediaType() {
        String nik = TestWorkers.nik();

        List<JsonNode> results = bulk("TEXT/CSV", CSV_HEADER + "\n" + csvRow(nik) + "\n");

        assertThat(results.get(0).path("status").asText()).isEqualTo("STORED");
        assertThat(results.get(0).path("sourceRecordId").asText()).isEqualTo("sp-csv-" + nik);
    }

    @Test
    void shouldAnswerAnEmptyCsvFileWithASummaryOfNoRows() {
        List<JsonNode> results = bulk("text/csv", "");

        assertThat(results).hasSize(1);
        assertThat(results.get(0).path("summary").path("rows").asLong()).isZero();
    }

    @Test
    void shouldRefuseACsvHeaderNamingAColumnTwice() {
        given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .contentType("text/csv")
                .body("source,sourceRecordId,source\nSISKOP2MI,x,SISKOP2MI\n".getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/workers/registrations/bulk")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:duplicate-column"))
                .body("errors[0].field", equalTo("source"));
    }

    @Test
    void shouldReadTheEvaluationGeneratorsCsvExportAsItIs(@TempDir Path dir) throws IOException {
        ExportFiles.write(LabelledExports.generate(GeneratorSettings.defaults().withPersons(20)), dir);
        Path export = dir.resolve(ExportFiles.SISKOP2MI_CSV);
        long rows = Files.readAllLines(export).stream()
                .skip(1)
                .filter(l -> !l.isBlank())
                .count();

        List<JsonNode> results = bulk("text/csv", Files.readString(export));

        assertThat(results).hasSize((int) rows + 1);
        assertThat(results.subList(0, (int) rows))
                .extracting(n -> n.path("problem").path("type").asText(""))
                .doesNotContain("urn:sinergi:problem:wrong-cell-count", "urn:sinergi:problem:malformed-csv");
    }

    /** The columns of the CSV rows that {@link #csvRow} makes. */
    private static final String CSV_HEADER =
            "source,sourceRecordId,nik,passportNumber,passportIssuingState,fullName,birthDate,sex,"
                    + "destinationCountry,phase";

    /** A valid CSV row of {@link #CSV_HEADER} for the NIK's person, with record id {@code sp-csv-<nik>}. */
    private static String csvRow(String nik) {
        return String.join(
                ",",
                "SISKOP2MI",
                "sp-csv-" + nik,
                nik,
                TestWorkers.passport(),
                "IDN",
                TestWorkers.nameOf(nik),
                TestWorkers.bornOf(nik).toString(),
                "M",
                "MY",
                "ABROAD");
    }

    @Test
    void shouldRefuseALargeSingleRegistrationWithAProblem() throws Exception {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("fullName", "A".repeat(1_100_000));

        RawHttp.Response response = RawHttp.postJson(
                RestAssured.port,
                "/api/workers/registrations",
                Tokens.client("siskop2mi-connector"),
                new ObjectMapper().writeValueAsString(body));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:sinergi:problem:body-too-large\"");
    }

    @Test
    void shouldTakeABulkFileLargerThanASingleRequestMayBe() {
        Map<String, Object> tooLong = registration("SISKOP2MI", TestWorkers.nik());
        tooLong.put("fullName", "A".repeat(17_000));
        String file = (line(tooLong) + "\n").repeat(70) + line(registration("SISKOP2MI", TestWorkers.nik())) + "\n";

        List<JsonNode> results = bulk("application/x-ndjson", file);

        assertThat(file.length()).isGreaterThan(1024 * 1024);
        assertThat(results).hasSize(72);
        assertThat(results.get(69).path("problem").path("type").asText()).isEqualTo("urn:sinergi:problem:row-too-long");
        assertThat(results.get(70).path("status").asText()).isEqualTo("STORED");
        assertThat(results.get(71).path("summary").path("rows").asLong()).isEqualTo(71);
    }

    @Test
    void shouldRefuseALargeSingleRegistrationSentInChunksWithAProblem() throws Exception {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        body.put("fullName", "A".repeat(3 * 1024 * 1024));

        RawHttp.Response response = chunked("/api/workers/registrations", "application/json", line(body));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:sinergi:problem:body-too-large\"", "1048576 bytes");
    }

    @Test
    void shouldReadASingleRegistrationSentInChunks() throws Exception {
        String nik = TestWorkers.nik();

        RawHttp.Response response =
                chunked("/api/workers/registrations", "application/json", line(registration("SISKOP2MI", nik)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.body()).contains("\"workerId\"");
    }

    @Test
    void shouldTakeABulkFileLargerThanASingleRequestMaySentInChunks() throws Exception {
        Map<String, Object> longName = registration("SISKOP2MI", TestWorkers.nik());
        longName.put("fullName", "A".repeat(15_000));
        String file = (line(longName) + "\n").repeat(80) + line(registration("SISKOP2MI", TestWorkers.nik())) + "\n";

        RawHttp.Response response = chunked("/api/workers/registrations/bulk", "application/x-ndjson", file);

        assertThat(file.length()).isGreaterThan(1024 * 1024);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().lines().toList()).hasSize(82);
        assertThat(response.body()).contains("\"rows\":81");
    }

    @Test
    void shouldLeaveABulkFileOverTheServersLimitSentInChunksToTheServersAnswerAndLogNoError() throws Exception {
        String blankLines = "\n".repeat(65 * 1024 * 1024);

        RawHttp.Response response;
        List<String> messages;
        List<String> errors;
        try (LogCapture log = LogCapture.start()) {
            response = chunked("/api/workers/registrations/bulk", "application/x-ndjson", blankLines);
            Thread.sleep(1_000); // time for anything the server logs after it answered
            messages = log.messages();
            errors = log.errors();
        }

        // The server refused it while the file was read, with its own empty 413; nothing is written after it.
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).isEmpty();
        assertThat(errors).isEmpty();
        assertThat(messages).filteredOn(m -> m.contains("event=body-too-large")).hasSize(1);
    }

    /** Sends {@code body} as siskop2mi-connector in 64 KiB chunks, without Content-Length. */
    private static RawHttp.Response chunked(String path, String type, String body) throws IOException {
        return RawHttp.sendChunked(
                RestAssured.port,
                "POST",
                path,
                List.of(
                        Map.entry("Authorization", "Bearer " + Tokens.client("siskop2mi-connector")),
                        Map.entry("Content-Type", type)),
                body.getBytes(StandardCharsets.UTF_8),
                64 * 1024);
    }

    @Test
    void shouldRefuseBulkIntakeToOtherRoles() {
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .contentType("application/x-ndjson")
                .body(new byte[0])
                .when()
                .post("/api/workers/registrations/bulk")
                .then()
                .statusCode(403);
    }

    private static List<JsonNode> bulk(String type, String body) {
        String answer = given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/workers/registrations/bulk")
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : answer.split("\n")) {
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    private static String line(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
