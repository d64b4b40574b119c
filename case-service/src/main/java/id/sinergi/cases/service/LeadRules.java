package id.sinergi.cases.service;

import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.security.Agency;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The configured case rules, checked once at start-up: every phase has a lead, every priority its deadlines, and a
 * participant is never the lead itself. A gap stops the service rather than leaving a case without a lead.
 */
@Startup
@Singleton
public class LeadRules {

    private final CaseRules rules;

    public LeadRules(CaseRules rules) {
        for (Phase phase : Phase.values()) {
            CaseRules.Lead lead = rules.lead().get(phase);
            if (lead == null) {
                throw new IllegalStateException("sinergi.cases.lead has no rule for phase " + phase);
            }
            if (lead.participant().filter(p -> p == lead.agency()).isPresent()) {
                throw new IllegalStateException(
                        "sinergi.cases.lead of " + phase + " names " + lead.agency() + " as both lead and participant");
            }
        }
        for (Priority priority : Priority.values()) {
            CaseRules.Deadlines d = rules.deadlines().get(priority);
            if (d == null) {
                throw new IllegalStateException("sinergi.cases.deadlines has no deadlines for priority " + priority);
            }
            if (d.firstResponse().isNegative()
                    || d.firstResponse().isZero()
                    || d.resolution().compareTo(d.firstResponse()) < 0
                    || d.amberAt() <= 0
                    || d.amberAt() >= 1) {
                throw new IllegalStateException("sinergi.cases.deadlines of " + priority
                        + " must have 0 < first-response <= resolution and 0 < amber-at < 1");
            }
        }
        this.rules = rules;
        Log.infof(
                "event=case-rules-loaded abroad=%s before-departure=%s after-return=%s",
                lead(Phase.ABROAD), lead(Phase.BEFORE_DEPARTURE), lead(Phase.AFTER_RETURN));
    }

    /** The agency that leads a case of the phase. */
    public Agency lead(Phase phase) {
        return rules.lead().get(phase).agency();
    }

    /** The agency that takes part in a case of the phase, if the rules name one. */
    public Optional<Agency> participant(Phase phase) {
        return rules.lead().get(phase).participant();
    }

    /** When the first response to a case of the priority reported at {@code reportedAt} is due. */
    public Instant firstResponseDue(Priority priority, Instant reportedAt) {
        return reportedAt.plus(deadlines(priority).firstResponse());
    }

    /** When a case of the priority reported at {@code reportedAt} is due to be resolved. */
    public Instant resolutionDue(Priority priority, Instant reportedAt) {
        return reportedAt.plus(deadlines(priority).resolution());
    }

    /** The share of a deadline's time after which it is amber. */
    public double amberAt(Priority priority) {
        return deadlines(priority).amberAt();
    }

    /** The configured time for the priority's first response. */
    public Duration firstResponseTime(Priority priority) {
        return deadlines(priority).firstResponse();
    }

    private CaseRules.Deadlines deadlines(Priority priority) {
        return rules.deadlines().get(priority);
    }
}
