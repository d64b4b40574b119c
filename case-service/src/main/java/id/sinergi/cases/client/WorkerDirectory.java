package id.sinergi.cases.client;

import id.sinergi.common.identity.WorkerLookups;
import id.sinergi.common.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Resolves the worker a case is about in identity-service, on the caller's behalf.
 *
 * <p>An unknown worker is the client's error (400 {@code unknown-worker}); identity-service unreachable, slow or
 * failing is ours (503 {@code identity-unavailable}, logged at WARN with the cause's class only, never the NIK or
 * the token): {@link WorkerLookups}, shared with consent-service. There is no fallback: a case is never stored for
 * a worker nobody could check.
 */
@ApplicationScoped
public class WorkerDirectory {

    @Inject
    @RestClient
    IdentityClient identity;

    /** The worker's id, once identity-service confirmed it exists and the caller may see it. */
    public Uni<UUID> byId(UUID workerId, String accessToken) {
        return identity.worker(bearer(accessToken), workerId)
                .map(IdentityClient.WorkerRef::id)
                .onFailure()
                .transform(e -> WorkerLookups.failure("worker-by-id", "workerId", e));
    }

    /** The id of the one worker identity-service knows under this NIK. */
    public Uni<UUID> byNik(String nik, String accessToken) {
        return identity.search(bearer(accessToken), new IdentityClient.NikSearch(nik))
                .onFailure()
                .transform(e -> WorkerLookups.failure("worker-search", "nik", e))
                .map(result -> {
                    List<IdentityClient.WorkerRef> matches =
                            result == null || result.matches() == null ? List.of() : result.matches();
                    if (matches.isEmpty()) {
                        throw WorkerLookups.unknownWorker("nik");
                    }
                    if (matches.size() > 1) {
                        throw ProblemException.invalidField(
                                "ambiguous-worker", "nik", "several workers carry this NIK; report by workerId");
                    }
                    return matches.get(0).id();
                });
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }
}
