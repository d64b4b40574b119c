package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decideAsConsul;
import static id.sinergi.devstack.testing.MetricsScrape.metric;
import static id.sinergi.devstack.testing.MetricsScrape.scrape;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.client.OutboxMetrics;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** consent-service's own figures on {@code /q/metrics}, scraped as Prometheus would after the decisions they count. */
@QuarkusTest
@ConsentTestResource
class ConsentMetricsTest {

    private static final Map<String, String> DENIED_NO_GRANT =
            Map.of("outcome", "DENY", "reason", "NO_GRANT", "purpose", "INSURANCE_CLAIM", "agency", "KEMLU");

    private static final Map<String, String> PERMITTED_PUBLIC_TASK = Map.of(
            "outcome", "PERMIT", "reason", "LAWFUL_BASIS", "purpose", "PROTECTION_CASE_HANDLING", "agency", "KEMLU");

    @Inject
    OutboxMetrics outbox;

    @Test
    void shouldCountDecisionsByOutcomeReasonPurposeAndAgency() {
        String before = scrape();
        UUID worker = UUID.randomUUID();

        decideAsConsul(worker, "INSURANCE_CLAIM", "HEALTH").statusCode(200);
        decideAsConsul(worker, "INSURANCE_CLAIM", "HEALTH").statusCode(200);
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "IDENTITY").statusCode(200);
        String after = scrape();

        assertThat(count(after, DENIED_NO_GRANT) - count(before, DENIED_NO_GRANT))
                .isEqualTo(2);
        assertThat(count(after, PERMITTED_PUBLIC_TASK) - count(before, PERMITTED_PUBLIC_TASK))
                .isEqualTo(1);
        assertThat(after).doesNotContain(worker.toString());
    }

    @Test
    void shouldCountTheAuditEventsWaitingInTheOutbox() {
        outbox.refresh().await().indefinitely();
        double before = pending(scrape());
        decideAsConsul(UUID.randomUUID(), "INSURANCE_CLAIM", "HEALTH").statusCode(200);

        outbox.refresh().await().indefinitely();

        assertThat(pending(scrape())).isGreaterThan(before);
    }

    private static double count(String scrape, Map<String, String> labels) {
        return metric(scrape, "sinergi_consent_decisions_total", labels).orElse(0);
    }

    private static double pending(String scrape) {
        return metric(scrape, "sinergi_audit_outbox_pending", Map.of("source", "consent-service"))
                .orElseThrow();
    }
}
