package id.sinergi.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.testing.OpenApiFuzzer;
import id.sinergi.devstack.testing.RawHttp;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@AuditTestResource
class AuditFuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryFuzzedRequestBelow500WithProblemsAndNoChangeFromRefusedOnes() {
        UUID worker = UUID.randomUUID();
        AuditEvents.deliver(List.of(AuditEvents.event(worker, "worker.read"))).statusCode(200);

        OpenApiFuzzer.Report report = OpenApiFuzzer.ofTestedService()
                // Tables audit-service writes whatever a request's outcome, as the outbox is elsewhere: its own
                // audit of each request (audit_entry, a refused one too), the Merkle tree and checkpoints its
                // sequencer builds from those entries in the background, the alert scanner's scans with the alerts
                // and alert links it raises from those entries (a burst of the fuzzer's own refused calls is a
                // denial burst), the record of each verification run (a read that stores its result), and the
                // user names of the actors of those entries (the first request of a user name adds it).
                .watching(
                        dataSource,
                        "audit_entry",
                        "audit_actor_name",
                        "merkle_leaf",
                        "merkle_node",
                        "checkpoint",
                        "alert_scan",
                        "audit_alert",
                        "audit_alert_event",
                        "verification_run")
                .knowing("workerId", worker.toString())
                .callingAs("sinergi-service", () -> Tokens.client("identity-service"))
                .withBody("POST /api/audit-events", AuditEvents.event(worker, "worker.read"))
                .withBody("POST /api/audit-events/batch", List.of(AuditEvents.event(worker, "worker.read")))
                .run();

        System.out.println(report);
        assertThat(report.failures()).isEmpty();
        assertThat(report.operations()).isGreaterThan(5);
    }

    @Test
    void shouldRefuseACompressedBodyWithA415ProblemAndStoreNothing() throws Exception {
        UUID worker = UUID.randomUUID();
        byte[] json = new ObjectMapper().writeValueAsBytes(List.of(AuditEvents.event(worker, "worker.read")));
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write(json);
        }

        RestAssured.given()
                .auth()
                .oauth2(Tokens.client("identity-service"))
                .contentType(ContentType.JSON)
                .header("Content-Encoding", "gzip")
                .body(gzipped.toByteArray())
                .when()
                .post("/api/audit-events/batch")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:unsupported-content-encoding"))
                .body("status", equalTo(415));

        AuditEvents.query(Map.of("workerId", worker.toString())).statusCode(200).body("events", hasSize(0));
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithA413Problem() throws Exception {
        String body = "[{\"reason\":\"" + "a".repeat(8_500_000) + "\"}]";

        RawHttp.Response response =
                RawHttp.postJson(RestAssured.port, "/api/audit-events/batch", Tokens.client("identity-service"), body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:sinergi:problem:body-too-large\"", "\"status\":413");
    }
}
