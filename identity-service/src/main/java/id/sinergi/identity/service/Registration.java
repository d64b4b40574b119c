package id.sinergi.identity.service;

import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.matching.MatchClass;
import java.util.Set;
import java.util.UUID;

/**
 * The result of a registration.
 *
 * @param match what the matcher said of a new record; null for a resend or an update, which are not re-matched
 * @param inReview whether the record waits in the review queue for a reviewer's link or not-link
 * @param flags the worker's flags after it, summed up over all their source records
 */
public record Registration(
        UUID workerId,
        UUID sourceRecordId,
        RegistrationOutcome outcome,
        MatchClass match,
        boolean inReview,
        Assurance assurance,
        Set<WorkerFlag> flags) {

    public Registration {
        flags = Set.copyOf(flags);
    }
}
