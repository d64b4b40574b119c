package id.sinergi.identity.rest;

import static id.sinergi.devstack.testing.MetricsScrape.metric;
import static id.sinergi.devstack.testing.MetricsScrape.scrape;
import static id.sinergi.identity.rest.TestWorkers.register;
import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.client.OutboxMetrics;
import id.sinergi.devstack.testing.Tokens;
import id.sinergi.identity.linking.ReviewQueueMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * identity-service's own figures on {@code /q/metrics}, scraped as Prometheus would after the state they count was
 * made: the match review queue and the audit outbox still to deliver (the relay is off in tests).
 */
@QuarkusTest
@IdentityTestResource
class MetricsTest {

    @Inject
    ReviewQueueMetrics reviewQueue;

    @Inject
    OutboxMetrics outbox;

    @Test
    void shouldCountTheOpenReviewQuestionsAfterADoubtfulRecordArrives() {
        reviewQueue.refresh().await().indefinitely();
        double before =
                metric(scrape(), "sinergi_identity_review_queue", Map.of()).orElseThrow();
        String nik = TestWorkers.nik();
        TestWorkers.registered(registration("SISKOP2MI", nik));
        register(Tokens.client("peduli-wni-portal"), doubtfulRecordOf(nik)).statusCode(201);

        reviewQueue.refresh().await().indefinitely();
        String after = scrape();

        assertThat(metric(after, "sinergi_identity_review_queue", Map.of())).hasValue(before + 1);
        assertThat(metric(after, "sinergi_identity_review_oldest_age_seconds", Map.of())
                        .orElseThrow())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void shouldCountTheAuditEventsWaitingInTheOutboxAndTheOldestsAge() {
        outbox.refresh().await().indefinitely();
        double before = metric(scrape(), "sinergi_audit_outbox_pending", Map.of("source", "identity-service"))
                .orElseThrow();
        TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        outbox.refresh().await().indefinitely();
        String after = scrape();

        assertThat(metric(after, "sinergi_audit_outbox_pending", Map.of("source", "identity-service"))
                        .orElseThrow())
                .isGreaterThan(before);
        assertThat(metric(after, "sinergi_audit_outbox_oldest_age_seconds", Map.of("source", "identity-service"))
                        .orElseThrow())
                .isGreaterThan(0);
    }

    @Test
    void shouldServeTheFrameworksFiguresBesideTheSuitesOwn() {
        given().when().get("/api/reviews").then().statusCode(401);

        String body = scrape();

        assertThat(metric(body, "http_server_requests_seconds_count", Map.of("status", "401")))
                .isPresent();
        assertThat(body).contains("jvm_memory_used_bytes");
    }

    /** A record with the NIK's number but another person's name and birth date: it goes to review. */
    private static Map<String, Object> doubtfulRecordOf(String nik) {
        Map<String, Object> body = registration("PEDULI_WNI", nik);
        String stranger = TestWorkers.nik();
        body.put("fullName", TestWorkers.nameOf(stranger).replace("CONTOH", "PARDEDE"));
        body.put("birthDate", TestWorkers.bornOf(stranger).minusYears(11).toString());
        body.remove("passport");
        return body;
    }
}
