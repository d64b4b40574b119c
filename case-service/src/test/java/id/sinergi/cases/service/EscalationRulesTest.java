package id.sinergi.cases.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The escalation rules are checked at start-up: a level off the ladder or a factor that is not positive stops it. */
class EscalationRulesTest {

    private record Rules(int firstResponse, double factor, int longOverdue, int resolution) implements EscalationRules {
        @Override
        public String interval() {
            return "5m";
        }

        @Override
        public int firstResponseOverdueLevel() {
            return firstResponse;
        }

        @Override
        public double firstResponseLongOverdueFactor() {
            return factor;
        }

        @Override
        public int firstResponseLongOverdueLevel() {
            return longOverdue;
        }

        @Override
        public int resolutionOverdueLevel() {
            return resolution;
        }
    }

    @Test
    void shouldAcceptTheShippedRules() {
        assertThatCode(() -> EscalationJob.check(new Rules(1, 1.0, 2, 2))).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseALevelOffTheLadder() {
        assertThatThrownBy(() -> EscalationJob.check(new Rules(0, 1.0, 2, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("levels must be 1 to 2, not 0");
        assertThatThrownBy(() -> EscalationJob.check(new Rules(1, 1.0, 2, 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not 3");
    }

    @Test
    void shouldRefuseAFactorThatIsNotPositive() {
        assertThatThrownBy(() -> EscalationJob.check(new Rules(1, 0, 2, 2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("first-response-long-overdue-factor");
        assertThatThrownBy(() -> EscalationJob.check(new Rules(1, Double.NaN, 2, 2)))
                .isInstanceOf(IllegalStateException.class);
    }
}
