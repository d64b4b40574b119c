package id.sinergi.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.OpenApiFuzzer;
import id.sinergi.devstack.testing.RawHttp;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
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
                // denial burst), and the record of each verification run (a read that stores its result).
                .watching(
                        dataSource,
                        "audit_entry",
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
    void shouldRefuseABodyOverTheLimitWithA413Problem() throws Exception {
        String body = "[{\"reason\":\"" + "a".repeat(8_500_000) + "\"}]";

        RawHttp.Response response =
                RawHttp.postJson(RestAssured.port, "/api/audit-events/batch", Tokens.client("identity-service"), body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:sinergi:problem:body-too-large\"", "\"status\":413");
    }
}
