package id.sinergi.consent.client;

import id.sinergi.common.identity.WorkerLookups;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Checks in identity-service, on the caller's behalf, that the worker a grant names exists, before anything is
 * stored. An unknown worker is 400 {@code unknown-worker} (field {@code workerId}); identity-service unreachable,
 * slow or failing is 503 {@code identity-unavailable}, logged at WARN without the worker or the token
 * ({@link WorkerLookups}). There is no fallback: no grant is recorded for a worker nobody could check.
 */
@ApplicationScoped
public class WorkerCheck {

    @Inject
    @RestClient
    IdentityClient identity;

    /**
     * The id of the worker identity-service knows by {@code workerId}: the same id, or for a worker merged into
     * another the worker it was merged into (identity-service reads a merged worker's id as the survivor).
     */
    public Uni<UUID> existing(UUID workerId, String accessToken) {
        return identity.worker("Bearer " + accessToken, workerId)
                .map(ref -> {
                    if (ref == null || ref.id() == null) {
                        throw new IllegalStateException("identity-service answered a worker without id");
                    }
                    return ref.id();
                })
                .onFailure()
                .transform(e -> WorkerLookups.failure("grant-worker-check", "workerId", e));
    }
}
