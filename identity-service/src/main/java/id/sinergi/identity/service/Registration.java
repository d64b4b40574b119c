package id.sinergi.identity.service;

import id.sinergi.identity.domain.WorkerFlag;
import java.util.Set;
import java.util.UUID;

/**
 * The result of a registration.
 *
 * @param flags the worker's flags after it, summed up over all their source records
 */
public record Registration(UUID workerId, RegistrationOutcome outcome, Set<WorkerFlag> flags) {

    public Registration {
        flags = Set.copyOf(flags);
    }
}
