package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.query;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withDetails;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The export of a query: streamed NDJSON and CSV, the same filters, CSV that is safe in a spreadsheet. */
@QuarkusTest
@AuditTestResource
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldExportEveryEventAQueryCoversAsNdjsonAcrossPages() throws Exception {
        UUID worker = UUID.randomUUID();
        List<Object> ids = new ArrayList<>();
        for (int batch = 0; batch < 3; batch++) {
            List<Map<String, Object>> events = new ArrayList<>();
            for (int i = 0; i < 900; i++) {
                events.add(event(worker, "worker.read"));
            }
            events.forEach(e -> ids.add(e.get("id")));
            deliver(events).statusCode(200).body("accepted", equalTo(900));
        }

        Response response = export(Map.of("workerId", worker, "service", "identity-service", "format", "ndjson"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = ndjson(response.asString());
        assertThat(lines).extracting(l -> (Object) l.get("id").asText()).containsExactlyElementsOf(ids);
        assertThat(lines.get(0).get("actor").get("username").asText()).isEqualTo("consul.kl");
        assertThat(lines).extracting(l -> l.get("ingestId").asLong()).isSorted();
    }

    @Test
    void shouldTakeTheQuerysFiltersAndDefaultToNdjson() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> denied = with(event(worker, "worker.placement.read"), "outcome", "DENIED");
        deliver(List.of(event(worker, "worker.read"), denied)).statusCode(200);

        Response response = export(Map.of("workerId", worker, "outcome", "DENIED"));

        assertThat(response.contentType()).startsWith("application/x-ndjson");
        assertThat(ndjson(response.asString()))
                .extracting(l -> (Object) l.get("id").asText())
                .containsExactly(denied.get("id"));
    }

    @Test
    void shouldExportCsvWithAHeaderRowAndQuotingThatReadsBack() throws Exception {
        UUID worker = UUID.randomUUID();
        String reason = "rule=a,b \"quoted\"\nsecond line";
        Map<String, Object> event =
                withDetails(with(event(worker, "worker.read"), "reason", reason), Map.of("said", "hello, \"world\""));
        deliver(List.of(event)).statusCode(200);

        Response response = export(Map.of("workerId", worker, "service", "identity-service", "format", "csv"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/csv");
        assertThat(response.header("Content-Disposition")).contains("audit-events.csv");
        List<List<String>> rows = csv(response.asString());
        assertThat(rows.get(0)).startsWith("ingestId", "recordedAt", "eventId").endsWith("detailsStatus", "details");
        assertThat(rows).hasSize(2);
        Map<String, String> row = named(rows.get(0), rows.get(1));
        assertThat(row.get("eventId")).isEqualTo(event.get("id"));
        assertThat(row.get("reason")).isEqualTo(reason);
        assertThat(row.get("actorRoles")).isEqualTo("[\"consular-officer\"]");
        assertThat(row.get("detailsStatus")).isEqualTo("PRESENT");
        assertThat(JSON.readTree(row.get("details")).get("said").asText()).isEqualTo("hello, \"world\"");
    }

    @Test
    void shouldNeutraliseCellsASpreadsheetWouldRunAsFormulas() throws Exception {
        UUID worker = UUID.randomUUID();
        Map<String, Object> event = with(
                with(
                        with(event(worker, "worker.read"), "reason", "=HYPERLINK(\"http://x\",\"y\")"),
                        "resourceId",
                        "+1+1"),
                "resourceType",
                "@SUM(A1)");
        Map<String, Object> second = with(with(event(worker, "worker.read"), "reason", "-2+3"), "resourceId", "\tx");
        Map<String, Object> third = with(event(worker, "worker.read"), "reason", "\r=1");
        deliver(List.of(event, second, third)).statusCode(200);

        List<List<String>> rows = csv(export(Map.of("workerId", worker, "service", "identity-service", "format", "csv"))
                .asString());

        List<Map<String, String>> named = rows.subList(1, rows.size()).stream()
                .map(r -> named(rows.get(0), r))
                .toList();
        assertThat(named)
                .extracting(r -> r.get("reason"))
                .containsExactly("'=HYPERLINK(\"http://x\",\"y\")", "'-2+3", "'\r=1");
        assertThat(named.get(0).get("resourceId")).isEqualTo("'+1+1");
        assertThat(named.get(0).get("resourceType")).isEqualTo("'@SUM(A1)");
        assertThat(named.get(1).get("resourceId")).isEqualTo("'\tx");
        assertThat(named.get(0).get("action")).isEqualTo("worker.read");
    }

    @Test
    void shouldSendTheHeaderRowOfAnEmptyCsvExport() throws Exception {
        Response response =
                export(Map.of("workerId", UUID.randomUUID(), "service", "identity-service", "format", "csv"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(csv(response.asString())).hasSize(1);
    }

    @Test
    void shouldAuditTheExportWithItsFormatAndFilters() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);

        String csv = export(Map.of("workerId", worker, "format", "csv"))
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(csv).startsWith("ingestId,");
        query(Map.of("workerId", worker, "action", "audit.query.export"))
                .statusCode(200)
                .body("events[0].actor.username", equalTo("security.auditor"))
                .body("events[0].reason", startsWith("workerId=" + worker))
                .body("events[0].reason", org.hamcrest.Matchers.containsString("format=csv"));
    }

    @Test
    void shouldRejectABadFormatOrFilterNamingTheParameter() {
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("format", "xlsx")
                .get("/api/audit-events/export")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("format"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("agency", "nobody")
                .get("/api/audit-events/export")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("agency"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("after", "x")
                .get("/api/audit-events/export")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void shouldLetOnlySecurityAuditorsExport() {
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .get("/api/audit-events/export")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .get("/api/audit-events/export")
                .then()
                .statusCode(403);
        given().get("/api/audit-events/export").then().statusCode(401);
    }

    private static Response export(Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParams(params)
                .when()
                .get("/api/audit-events/export");
    }

    private static List<JsonNode> ndjson(String body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<List<String>> csv(String body) throws Exception {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it =
                mapper.readerForListOf(String.class).readValues(body)) {
            it.forEachRemaining(rows::add);
        }
        return rows;
    }

    private static Map<String, String> named(List<String> header, List<String> row) {
        Map<String, String> named = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            named.put(header.get(i), i < row.size() ? row.get(i) : null);
        }
        return named;
    }
}
