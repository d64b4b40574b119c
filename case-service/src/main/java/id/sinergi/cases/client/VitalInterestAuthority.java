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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks consent-service for vital-interest authorisations and says what its answer means for the officer.
 *
 * <p>A 409 of consent-service (already one in force for the case, or ended) is passed on as 409 with consent's
 * problem type. Another 4xx means consent-service refused case-service's request as such (a body it does not
 * accept, a token it does not take): 502 {@code consent-refused-request}, logged as an error, since trying again
 * cannot help. Anything else that goes wrong — no answer in time, connection refused, the breaker open, a 5xx or
 * 429, an answer without the authorisation — is 503 {@code consent-unavailable}: then no authorisation is known
 * to be in force, and the officer is told to try again. The log names the operation, the status and the cause's
 * class only; never the reason text, which may describe the worker's situation.
 */
@ApplicationScoped
public class VitalInterestAuthority {

    /** What consent-service's 409 on invoking means when its body does not say. */
    static final String IN_FORCE = "vital-interest-in-force";

    /** What consent-service's 409 on renewing means when its body does not say. */
    static final String ENDED = "vital-interest-ended";

    /** Members of consent-service's {@value #IN_FORCE} problem naming the authorisation in force. */
    static final String AUTHORISATION_ID = "authorisationId";

    static final String EXPIRES_AT = "expiresAt";

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
     * consent-service's 409 → 409 with its problem type (or {@code conflictSlug} when the body gives none) and,
     * for {@value #IN_FORCE}, the authorisation it names; another 4xx (other than 429) → 502
     * consent-refused-request, since asking again would be refused again; anything else → 503
     * consent-unavailable.
     */
    static ProblemException translate(String operation, String conflictSlug, Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        int status = failure instanceof WebApplicationException wae
                ? wae.getResponse().getStatus()
                : 0;
        if (status == 409) {
            JsonNode body = problemBody((WebApplicationException) failure);
            String slug = problemSlug(body).orElse(conflictSlug);
            ProblemException conflict = ProblemException.conflict(
                    slug,
                    ENDED.equals(slug) ? "Authorisation ended" : "Refused by consent-service",
                    ENDED.equals(slug)
                            ? "The vital-interest authorisation of this case has ended; invoke a new one"
                            : "consent-service refused (" + slug + "); read the case and try again");
            if (IN_FORCE.equals(slug)) {
                inForce(body).ifPresent(a -> conflict.problem()
                        .with(AUTHORISATION_ID, a.id())
                        .with(EXPIRES_AT, a.expiresAt()));
            }
            return conflict;
        }
        if (status >= 400 && status < 500 && status != 429) {
            Log.errorf(
                    "event=consent-refused-request operation=%s status=%s cause=%s",
                    operation, status, failure.getClass().getName());
            return refusedRequest();
        }
        Log.warnf(
                "event=consent-unavailable operation=%s status=%s cause=%s",
                operation, status == 0 ? "-" : status, failure.getClass().getName());
        return unavailable();
    }

    /**
     * The 502 of a consent-service that refused case-service's request itself (400, 401, 403, 404…): a fault
     * between the two services, not something the officer fixes by trying again. Nothing was recorded.
     */
    public static ProblemException refusedRequest() {
        return new ProblemException(new Problem(
                "consent-refused-request",
                "Refused by consent-service",
                502,
                "consent-service refused case-service's request; nothing was invoked or renewed. Trying again will"
                        + " not help: report it to the platform team",
                null,
                null));
    }

    /**
     * The authorisation a {@value #IN_FORCE} problem names ({@value #AUTHORISATION_ID}, {@value #EXPIRES_AT}),
     * if both are there and readable; consent-service adds them so that an invocation it recorded but whose
     * answer case-service lost can still be recorded on the case.
     */
    public static Optional<Authorisation> inForce(ProblemException problem) {
        Object id = problem.problem().getExtensions().get(AUTHORISATION_ID);
        Object expires = problem.problem().getExtensions().get(EXPIRES_AT);
        if (problem.problem().getStatus() == 409
                && (Problem.TYPE_PREFIX + IN_FORCE).equals(problem.problem().getType())
                && id instanceof UUID authorisation
                && expires instanceof Instant expiresAt) {
            return Optional.of(new Authorisation(authorisation, null, expiresAt, true, 0));
        }
        return Optional.empty();
    }

    private static Optional<Authorisation> inForce(JsonNode body) {
        if (body == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(body.path(AUTHORISATION_ID).asText(""));
            Instant expiresAt = Instant.parse(body.path(EXPIRES_AT).asText(""));
            return Optional.of(new Authorisation(id, null, expiresAt, true, 0));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            Log.debugf(
                    "event=consent-in-force-unreadable cause=%s", e.getClass().getName());
            return Optional.empty();
        }
    }

    /** The 503 of a consent-service that gave no usable answer; the case records nothing. */
    public static ProblemException unavailable() {
        return ProblemException.unavailable(
                "consent-unavailable",
                "consent-service unavailable",
                "Vital interest cannot be invoked or renewed right now; nothing was recorded, try again later");
    }

    /** consent-service's problem body, or null when it cannot be read. */
    private static JsonNode problemBody(WebApplicationException failure) {
        try {
            return failure.getResponse().readEntity(JsonNode.class);
        } catch (RuntimeException e) {
            Log.debugf("event=consent-problem-unreadable cause=%s", e.getClass().getName());
            return null;
        }
    }

    /** The slug of the problem type consent-service answered with, if its body gives one. */
    private static Optional<String> problemSlug(JsonNode body) {
        String type = body == null ? null : body.path("type").asText(null);
        if (type != null && type.startsWith(Problem.TYPE_PREFIX)) {
            String slug = type.substring(Problem.TYPE_PREFIX.length());
            return slug.matches("[a-z][a-z-]{1,60}") ? Optional.of(slug) : Optional.empty();
        }
        return Optional.empty();
    }
}
