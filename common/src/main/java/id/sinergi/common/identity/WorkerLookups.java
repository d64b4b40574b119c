package id.sinergi.common.identity;

import id.sinergi.common.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;

/**
 * What a failed worker lookup in identity-service means for the caller of the service that looked the worker up on
 * their behalf: case-service resolving the worker of a report, consent-service checking the worker of a grant. Each
 * keeps its own small REST client (only the calls it makes); the meaning of identity-service's answers is here, once.
 *
 * <p>An unknown worker is the client's error (400 {@code unknown-worker}); identity-service unreachable, slow or
 * failing is ours (503 {@code identity-unavailable}, logged at WARN with the operation, the status and the cause's
 * class only, never a NIK, a worker or a token). There is no fallback: nothing is stored for a worker nobody could
 * check.
 */
public final class WorkerLookups {

    private WorkerLookups() {}

    /**
     * The problem a failed identity call answers with: 404 → 400 {@code unknown-worker} naming the field; 403 → 403
     * {@code worker-lookup-forbidden} (identity-service does not let the caller's role look workers up that way);
     * 400 on a lookup by NIK → 400 {@code invalid-nik}; anything else, including no answer in time or an open
     * circuit breaker → 503 {@code identity-unavailable}. A {@link ProblemException} passes through unchanged.
     *
     * @param operation what was asked, for the log line (e.g. {@code worker-by-id})
     * @param field the request field that named the worker ({@code workerId}, {@code nik})
     */
    public static ProblemException failure(String operation, String field, Throwable failure) {
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

    /** 400 {@code unknown-worker}: identity-service knows no worker by what the field names. */
    public static ProblemException unknownWorker(String field) {
        return ProblemException.invalidField("unknown-worker", field, "identity-service knows no such worker");
    }
}
