package id.sinergi.cases;

import static id.sinergi.devstack.testing.MetricsScrape.metric;
import static id.sinergi.devstack.testing.MetricsScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.client.OutboxMetrics;
import id.sinergi.cases.service.CaseMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * case-service's own figures on {@code /q/metrics}, scraped as Prometheus would after the cases they count were
 * reported and moved into the past. Cases reported by {@link Cases} are of priority HIGH: first response within
 * 24 hours, resolution within 30 days.
 */
@QuarkusTest
@CaseTestResource
class CaseMetricsTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Inject
    CaseMetrics metrics;

    @Inject
    OutboxMetrics outbox;

    @Test
    void shouldCountOpenCasesByPriorityAndTheDeadlinesTheyBreached() {
        String before = refreshedScrape();
        Cases.reported("consul.kl", KL);
        String unanswered = Cases.reported("consul.kl", KL);
        CaseTimes.shiftBack(dataSource, unanswered, Duration.ofHours(30));
        String unresolved = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", unresolved).statusCode(200);
        CaseTimes.shiftBack(dataSource, unresolved, Duration.ofDays(31));

        String after = refreshedScrape();

        assertThat(change(before, after, "sinergi_cases_open", Map.of("priority", "HIGH")))
                .isEqualTo(3);
        assertThat(change(before, after, "sinergi_cases_open", Map.of("priority", "CRITICAL")))
                .isZero();
        assertThat(change(before, after, "sinergi_case_deadline_breaches", Map.of("deadline", "FIRST_RESPONSE")))
                .isEqualTo(1);
        assertThat(change(before, after, "sinergi_case_deadline_breaches", Map.of("deadline", "RESOLUTION")))
                .isEqualTo(1);
    }

    @Test
    void shouldCountTheAuditEventsWaitingInTheOutbox() {
        String before = refreshedScrape();
        Cases.reported("consul.kl", KL);

        String after = refreshedScrape();

        assertThat(change(before, after, "sinergi_audit_outbox_pending", Map.of("source", "case-service")))
                .isPositive();
        assertThat(value(after, "sinergi_audit_outbox_oldest_age_seconds", Map.of("source", "case-service")))
                .isPositive();
    }

    private String refreshedScrape() {
        metrics.refresh().await().indefinitely();
        outbox.refresh().await().indefinitely();
        return scrape();
    }

    private static double change(String before, String after, String name, Map<String, String> labels) {
        return value(after, name, labels) - value(before, name, labels);
    }

    private static double value(String scrape, String name, Map<String, String> labels) {
        return metric(scrape, name, labels)
                .orElseThrow(() -> new AssertionError(name + labels + " is not on /q/metrics"));
    }
}
