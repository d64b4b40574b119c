package id.sinergi.audit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RuleSpecTest {

    @Test
    void criteriaLongerThanTheAlertColumnTakesAreCutToItsLength() {
        // A long list of configured action suffixes or reason markers: an alert whose criteria the database refused
        // would fail the scan's transaction, and every later scan at the same leaves.
        String configured = "distinct-workers>20 window=PT10M actions=*" + ".read|*".repeat(120);

        RuleSpec spec = new RuleSpec(AlertRule.MASS_READ, Duration.ofMinutes(10), 21, true, e -> true, configured);

        assertThat(configured).hasSizeGreaterThan(RuleSpec.MAX_CRITERIA);
        assertThat(spec.criteria())
                .hasSize(RuleSpec.MAX_CRITERIA)
                .isEqualTo(configured.substring(0, RuleSpec.MAX_CRITERIA));
        assertThat(new RuleSpec(AlertRule.DENIAL_BURST, Duration.ofMinutes(1), 5, false, e -> true, "denials>=5")
                        .criteria())
                .isEqualTo("denials>=5");
    }

    @Test
    void anAlertsLogLineNamesAKeycloakSubjectButNotAnOfficerNamedInAnEventsReason() {
        String subject = UUID.randomUUID().toString();

        assertThat(AlertScanner.loggable(subject)).isEqualTo(subject);
        assertThat(AlertScanner.loggable("budi.santoso")).isEqualTo("named-in-reason");
        assertThat(AlertScanner.loggable("3171012345678901")).isEqualTo("named-in-reason");
        assertThat(AlertScanner.loggable("1-2-3-4-5")).isEqualTo("named-in-reason");
    }
}
