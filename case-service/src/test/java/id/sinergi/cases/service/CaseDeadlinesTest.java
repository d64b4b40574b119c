package id.sinergi.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.DeadlineStatus;
import id.sinergi.cases.domain.Priority;
import id.sinergi.cases.domain.ProtectionCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/** The red/amber/green rule at every boundary, with the clock fixed where each check needs it. */
class CaseDeadlinesTest {

    private static final Instant REPORTED = Instant.parse("2026-03-02T08:00:00Z");
    private static final Duration ONE_MICRO = Duration.of(1, ChronoUnit.MICROS);

    /** A critical case as intake makes it: first response within 4 hours, resolution within 7 days. */
    private static ProtectionCase critical() {
        ProtectionCase c = new ProtectionCase();
        c.priority = Priority.CRITICAL;
        c.reportedAt = REPORTED;
        c.firstResponseDue = REPORTED.plus(Duration.ofHours(4));
        c.resolutionDue = REPORTED.plus(Duration.ofDays(7));
        return c;
    }

    /** The rules at {@code now}: amber after 75% of the time for CRITICAL, after half of it for the others. */
    private static CaseDeadlines at(Instant now) {
        return new CaseDeadlines(Clock.fixed(now, ZoneOffset.UTC), p -> p == Priority.CRITICAL ? 0.75 : 0.5);
    }

    @Test
    void shouldBeGreenUntilJustBeforeTheAmberShareOfTheTime() {
        ProtectionCase c = critical();

        DeadlineStatus atReport = at(REPORTED).status(c, Deadline.FIRST_RESPONSE);
        DeadlineStatus beforeAmber =
                at(REPORTED.plus(Duration.ofHours(3)).minus(ONE_MICRO)).status(c, Deadline.FIRST_RESPONSE);

        assertThat(atReport).isEqualTo(DeadlineStatus.GREEN);
        assertThat(beforeAmber).isEqualTo(DeadlineStatus.GREEN);
    }

    @Test
    void shouldTurnAmberAtTheAmberShareAndStayAmberUpToTheDueTime() {
        ProtectionCase c = critical();

        DeadlineStatus atAmber = at(REPORTED.plus(Duration.ofHours(3))).status(c, Deadline.FIRST_RESPONSE);
        DeadlineStatus atDue = at(c.firstResponseDue).status(c, Deadline.FIRST_RESPONSE);

        assertThat(at(REPORTED).amberFrom(c, Deadline.FIRST_RESPONSE)).isEqualTo(REPORTED.plus(Duration.ofHours(3)));
        assertThat(atAmber).isEqualTo(DeadlineStatus.AMBER);
        assertThat(atDue).isEqualTo(DeadlineStatus.AMBER);
    }

    @Test
    void shouldTurnRedJustPastTheDueTime() {
        ProtectionCase c = critical();

        DeadlineStatus pastDue = at(c.firstResponseDue.plus(ONE_MICRO)).status(c, Deadline.FIRST_RESPONSE);
        DeadlineStatus longPast =
                at(c.firstResponseDue.plus(Duration.ofDays(30))).status(c, Deadline.FIRST_RESPONSE);

        assertThat(pastDue).isEqualTo(DeadlineStatus.RED);
        assertThat(longPast).isEqualTo(DeadlineStatus.RED);
    }

    @Test
    void shouldBeMetWhenRespondedAtOrBeforeTheDueTimeWhateverTheTimeNow() {
        ProtectionCase early = critical();
        early.firstRespondedAt = REPORTED.plus(Duration.ofMinutes(10));
        ProtectionCase onTheDot = critical();
        onTheDot.firstRespondedAt = onTheDot.firstResponseDue;
        CaseDeadlines muchLater = at(REPORTED.plus(Duration.ofDays(60)));

        assertThat(muchLater.status(early, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.MET);
        assertThat(muchLater.status(onTheDot, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.MET);
        assertThat(CaseDeadlines.lateness(onTheDot, Deadline.FIRST_RESPONSE, REPORTED.plus(Duration.ofDays(60))))
                .isZero();
    }

    @Test
    void shouldBeMetLateWhenRespondedAfterTheDueTimeAndCountTheLatenessToTheResponse() {
        ProtectionCase c = critical();
        c.firstRespondedAt = c.firstResponseDue.plus(ONE_MICRO);
        ProtectionCase hours = critical();
        hours.firstRespondedAt = hours.firstResponseDue.plus(Duration.ofHours(5));
        Instant now = REPORTED.plus(Duration.ofDays(3));

        assertThat(at(now).status(c, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(at(now).status(hours, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(CaseDeadlines.lateness(hours, Deadline.FIRST_RESPONSE, now)).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void shouldCountTheLatenessOfAnOverdueDeadlineToNow() {
        ProtectionCase c = critical();
        Instant now = c.firstResponseDue.plus(Duration.ofMinutes(90));

        Duration late = CaseDeadlines.lateness(c, Deadline.FIRST_RESPONSE, now);
        Duration notYet = CaseDeadlines.lateness(c, Deadline.RESOLUTION, now);

        assertThat(late).isEqualTo(Duration.ofMinutes(90));
        assertThat(notYet).isZero();
    }

    @Test
    void shouldRateTheResolutionOnItsOwnTimeAndBoundaries() {
        ProtectionCase c = critical();
        c.firstRespondedAt = REPORTED.plus(Duration.ofHours(1));
        Instant amber = REPORTED.plus(Duration.ofHours(126));

        assertThat(at(amber.minus(ONE_MICRO)).status(c, Deadline.RESOLUTION)).isEqualTo(DeadlineStatus.GREEN);
        assertThat(at(amber).status(c, Deadline.RESOLUTION)).isEqualTo(DeadlineStatus.AMBER);
        assertThat(at(c.resolutionDue).status(c, Deadline.RESOLUTION)).isEqualTo(DeadlineStatus.AMBER);
        assertThat(at(c.resolutionDue.plus(ONE_MICRO)).status(c, Deadline.RESOLUTION))
                .isEqualTo(DeadlineStatus.RED);
        assertThat(at(amber).status(c, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.MET);
    }

    @Test
    void shouldRateAResolutionMetInTimeOrLateAndAReopenedCaseAgainstItsDueTime() {
        ProtectionCase inTime = critical();
        inTime.resolvedAt = inTime.resolutionDue;
        ProtectionCase late = critical();
        late.resolvedAt = late.resolutionDue.plus(Duration.ofDays(1));
        ProtectionCase reopened = critical();
        reopened.resolvedAt = null;
        CaseDeadlines later = at(REPORTED.plus(Duration.ofDays(20)));

        assertThat(later.status(inTime, Deadline.RESOLUTION)).isEqualTo(DeadlineStatus.MET);
        assertThat(later.status(late, Deadline.RESOLUTION)).isEqualTo(DeadlineStatus.MET_LATE);
        assertThat(later.status(reopened, Deadline.RESOLUTION)).isEqualTo(DeadlineStatus.RED);
    }

    @Test
    void shouldTakeTheAmberShareOfTheCasePriority() {
        ProtectionCase c = critical();
        c.priority = Priority.HIGH;
        Instant half = REPORTED.plus(Duration.ofHours(2));

        assertThat(at(half.minus(ONE_MICRO)).status(c, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.GREEN);
        assertThat(at(half).status(c, Deadline.FIRST_RESPONSE)).isEqualTo(DeadlineStatus.AMBER);
    }

    @Test
    void shouldReadNowFromTheClockToTheMicrosecond() {
        Instant now = Instant.parse("2026-03-02T08:00:00.123456789Z");

        assertThat(at(now).now()).isEqualTo(Instant.parse("2026-03-02T08:00:00.123456Z"));
    }
}
