package id.sinergi.cases.client;

import com.fasterxml.jackson.databind.JsonNode;
import id.sinergi.cases.client.ConsentClient.Authorisation;
import id.sinergi.cases.client.ConsentClient.InvokeRequest;
import id.sinergi.cases.client.ConsentClient.RenewalRequest;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks consent-service for vital-interest authorisations and says what its answer means for the officer.
 *
 * <p>A 409 of consent-service (already one in force for the case, or ended) is passed on as 409 with consent's
 * problem type. Anything else that goes wrong — no answer in time, connection refused, the breaker open, an error
 * status, an answer without the authorisation — is 503 {@code consent-unavailable}: then no authorisation is known
 * to be in force, and the officer is told to try again. The log names the operation, the status and the cause's
 * class only; never the reason text, which may describe the worker's situation.
 */
@ApplicationScoped
public class VitalInterestAuthority {

    /** What consent-service's 409 on invoking means when its body does not say. */
    static final String IN_FORCE = "vital-interest-in-force";

    /** What consent-service's 409 on renewing means when its body does not say. */
    static final String ENDED = "vital-interest-ended";

    @Inject
    @RestClient
    ConsentClient consent;

    public Uni<Authorisation> invoke(InvokeRequest request) {
        return Uni.createFrom()
                .deferred(() -> consent.invoke(request))
                .map(VitalInterestAuthority::complete)
                .onFailure()
                .transform(e -> translate("vital-interest-invoke", IN_FORCE, e));
    }

    public Uni<Authorisation> renew(UUID authorisationId, RenewalRequest request) {
        return Uni.createFrom()
                .deferred(() -> consent.renew(authorisationId, request))
                .map(VitalInterestAuthority::complete)
                .onFailure()
                .transform(e -> translate("vital-interest-renew", ENDED, e));
    }

    private static Authorisation complete(Authorisation a) {
        if (a == null || a.id() == null || a.expiresAt() == null) {
            throw new IllegalStateException("consent-service answered without the authorisation");
        }
        return a;
    }

    /**
     * consent-service's 409 → 409 with its problem type (or {@code conflictSlug} when the body gives none);
     * anything else → 503 consent-unavailable.
     */
    static ProblemException translate(String operation, String conflictSlug, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        int status = failure instanceof WebApplicationException wae
                ? wae.getResponse().getStatus()
                : 0;
        if (status == 409) {
            String slug = problemSlug((WebApplicationException) failure).orElse(conflictSlug);
            return ProblemException.conflict(
                    slug,
                    ENDED.equals(slug) ? "Authorisation ended" : "Refused by consent-service",
                    ENDED.equals(slug)
                            ? "The vital-interest authorisation of this case has ended; invoke a new one"
                            : "consent-service refused (" + slug + "); read the case and try again");
        }
        Log.warnf(
                "event=consent-unavailable operation=%s status=%s cause=%s",
                operation, status == 0 ? "-" : status, failure.getClass().getName());
        return unavailable();
    }

    /** The 503 of a consent-service that gave no usable answer; the case records nothing. */
    public static ProblemException unavailable() {
        return ProblemException.unavailable(
                "consent-unavailable",
                "consent-service unavailable",
                "Vital interest cannot be invoked or renewed right now; nothing was recorded, try again later");
    }

    /** The slug of the problem type consent-service answered with, if its body can be read. */
    private static Optional<String> problemSlug(WebApplicationException failure) {
        try {
            JsonNode body = failure.getResponse().readEntity(JsonNode.class);
            String type = body == null ? null : body.path("type").asText(null);
            if (type != null && type.startsWith(Problem.TYPE_PREFIX)) {
                String slug = type.substring(Problem.TYPE_PREFIX.length());
                return slug.matches("[a-z][a-z-]{1,60}") ? Optional.of(slug) : Optional.empty();
            }
        } catch (RuntimeException e) {
            Log.debugf("event=consent-problem-unreadable cause=%s", e.getClass().getName());
        }
        return Optional.empty();
    }
}
