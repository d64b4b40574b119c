package id.sinergi.cases.client;

import id.sinergi.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Resolves the worker a case is about in identity-service, on the caller's behalf.
 *
 * <p>An unknown worker is the client's error (400 {@code unknown-worker}); identity-service unreachable, slow or
 * failing is ours (503 {@code identity-unavailable}, logged at WARN with the cause's class only, never the NIK or
 * the token). There is no fallback: a case is never stored for a worker nobody could check.
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
                .transform(e -> translate("worker-by-id", "workerId", e));
    }

    /** The id of the one worker identity-service knows under this NIK. */
    public Uni<UUID> byNik(String nik, String accessToken) {
        return identity.search(bearer(accessToken), new IdentityClient.NikSearch(nik))
                .onFailure()
                .transform(e -> translate("worker-search", "nik", e))
                .map(result -> {
                    List<IdentityClient.WorkerRef> matches =
                            result == null || result.matches() == null ? List.of() : result.matches();
                    if (matches.isEmpty()) {
                        throw unknownWorker("nik");
                    }
                    if (matches.size() > 1) {
                        throw ProblemException.invalidField(
                                "ambiguous-worker", "nik", "several workers carry this NIK; report by workerId");
                    }
                    return matches.get(0).id();
                });
    }

    /**
     * What a failed identity call means for the caller: 404 → 400 unknown-worker naming the field; 403 → 403
     * (identity-service does not let this role look workers up); 400 on a search → the NIK is not one; anything
     * else, including no answer in time → 503.
     */
    static ProblemException translate(String operation, String field, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        int status = failure instanceof WebApplicationException wae
                ? wae.getResponse().getStatus()
                : 0;
        if (status == 404) {
            return unknownWorker(field);
        }
        if (status == 403) {
            return ProblemException.forbidden(
                    "worker-lookup-forbidden",
                    "Worker lookup not allowed",
                    "identity-service does not let your role look up this worker by " + field);
        }
        if (status == 400 && field.equals("nik")) {
            return ProblemException.invalidField("invalid-nik", "nik", "identity-service does not accept this NIK");
        }
        Log.warnf(
                "event=identity-unavailable operation=%s status=%s cause=%s",
                operation, status == 0 ? "-" : status, failure.getClass().getName());
        return ProblemException.unavailable(
                "identity-unavailable",
                "identity-service unavailable",
                "The worker cannot be checked right now; nothing was stored, try again later");
    }

    private static ProblemException unknownWorker(String field) {
        return ProblemException.invalidField("unknown-worker", field, "identity-service knows no such worker");
    }

    private static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }
}
