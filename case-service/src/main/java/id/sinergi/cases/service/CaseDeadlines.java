package id.sinergi.cases.service;

import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.DeadlineStatus;
import id.sinergi.cases.domain.Priority;
import id.sinergi.cases.domain.ProtectionCase;
import io.quarkus.arc.Arc;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.ToDoubleFunction;

/**
 * The red/amber/green of a case's two deadlines, from its report time, due times, when they were met and the
 * priority's amber share ({@code sinergi.cases.deadlines.<priority>.amber-at}), at the time of the injected clock.
 *
 * <p>A deadline not yet met is GREEN until the amber share of its time (report to due) has passed, AMBER from then
 * up to and including its due time, and RED after it. A met deadline is MET when it was met at or before its due
 * time and MET_LATE when after. The first response is met when the case was first triaged, the resolution when it
 * was last resolved (a reopened case's resolution runs again against the same due time).
 */
@Singleton
public class CaseDeadlines {

    private final Clock clock;
    private final ToDoubleFunction<Priority> amberShare;

    @Inject
    public CaseDeadlines(Clock clock, LeadRules rules) {
        this(clock, rules::amberAt);
    }

    /** With the amber share of each priority given directly, as plain unit tests do. */
    public CaseDeadlines(Clock clock, ToDoubleFunction<Priority> amberShare) {
        this.clock = clock;
        this.amberShare = amberShare;
    }

    /**
     * The bean of the running service, for the case's API view, which is built in static code ({@code CaseView.of}
     * is called from many resources with the case and the reference data only).
     */
    public static CaseDeadlines current() {
        return Arc.container().instance(CaseDeadlines.class).get();
    }

    /** Now, to the microsecond PostgreSQL stores. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Where the deadline of the case stands now. */
    public DeadlineStatus status(ProtectionCase c, Deadline deadline) {
        return status(c, deadline, now());
    }

    /** Where the deadline of the case stands at {@code now}. */
    public DeadlineStatus status(ProtectionCase c, Deadline deadline, Instant now) {
        return status(c.reportedAt, dueAt(c, deadline), metAt(c, deadline), amberShare.applyAsDouble(c.priority), now);
    }

    /** When the deadline turns amber: the amber share of the time from report to due after the report. */
    public Instant amberFrom(ProtectionCase c, Deadline deadline) {
        return amberFrom(c.reportedAt, dueAt(c, deadline), amberShare.applyAsDouble(c.priority));
    }

    /**
     * How late the deadline is or was: from its due time to when it was met, or to {@code now} while it is not;
     * zero when it is not late.
     */
    public static Duration lateness(ProtectionCase c, Deadline deadline, Instant now) {
        Instant met = metAt(c, deadline);
        Duration late = Duration.between(dueAt(c, deadline), met != null ? met : now);
        return late.isNegative() ? Duration.ZERO : late;
    }

    /** When the deadline is due. */
    public static Instant dueAt(ProtectionCase c, Deadline deadline) {
        return deadline == Deadline.FIRST_RESPONSE ? c.firstResponseDue : c.resolutionDue;
    }

    /** When the deadline was met; null while it is not. */
    public static Instant metAt(ProtectionCase c, Deadline deadline) {
        return deadline == Deadline.FIRST_RESPONSE ? c.firstRespondedAt : c.resolvedAt;
    }

    /**
     * The rule itself: where a deadline running from {@code start} to {@code due}, met at {@code metAt} (null while
     * not), stands at {@code now}, when it turns amber after {@code amberShare} of its time.
     */
    static DeadlineStatus status(Instant start, Instant due, Instant metAt, double amberShare, Instant now) {
        if (metAt != null) {
            return metAt.isAfter(due) ? DeadlineStatus.MET_LATE : DeadlineStatus.MET;
        }
        if (now.isAfter(due)) {
            return DeadlineStatus.RED;
        }
        return now.isBefore(amberFrom(start, due, amberShare)) ? DeadlineStatus.GREEN : DeadlineStatus.AMBER;
    }

    static Instant amberFrom(Instant start, Instant due, double amberShare) {
        long micros = ChronoUnit.MICROS.between(start, due);
        return start.plus(Math.round(micros * amberShare), ChronoUnit.MICROS);
    }
}
