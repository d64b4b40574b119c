package id.sinergi.audit.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.audit.log.LogVerifier.LastRun;
import id.sinergi.audit.log.LogViews.Status;
import id.sinergi.audit.log.LogViews.Verification;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogVerifierScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static Optional<LastRun> ranAt(Instant at) {
        return Optional.of(new LastRun(new Verification(Status.INTACT, 10, 10, 3, 0, 0, List.of()), at, null));
    }

    @Test
    void aRunIsDueWhenNoneRanOrTheNewestIsHalfAnIntervalOld() {
        Duration hour = Duration.ofHours(1);
        assertThat(LogVerifier.due(Optional.empty(), hour, NOW)).isTrue();
        assertThat(LogVerifier.due(ranAt(NOW.minus(Duration.ofMinutes(29))), hour, NOW))
                .isFalse();
        assertThat(LogVerifier.due(ranAt(NOW.minus(Duration.ofMinutes(30))), hour, NOW))
                .isTrue();
        assertThat(LogVerifier.due(ranAt(NOW.minus(Duration.ofHours(5))), hour, NOW))
                .isTrue();
    }

    @Test
    void theIntervalIsReadAsTheSchedulerReadsItAndOffSkipsNothing() {
        assertThat(LogVerifier.interval("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LogVerifier.interval("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(LogVerifier.interval("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LogVerifier.interval("off")).isZero();
        assertThat(LogVerifier.due(ranAt(NOW), LogVerifier.interval("off"), NOW))
                .isTrue();
        assertThatThrownBy(() -> LogVerifier.interval("hourly")).isInstanceOf(DateTimeParseException.class);
    }
}
