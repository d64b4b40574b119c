package id.sinergi.identity.client;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks consent-service for a decision and fails closed: whatever goes wrong on the way (no connection, timeout,
 * an error status, an unreadable answer) ends as {@link ConsentUnavailableException}, never as a permit.
 */
@ApplicationScoped
public class ConsentDecisions {

    @Inject
    @RestClient
    ConsentClient client;

    /**
     * Which of these categories of the worker's data {@code agency} may use for {@code purpose}: one call for all of
     * them, asked with the caller's own token.
     */
    public Uni<ConsentDecision> decide(
            UUID workerId, Agency agency, Purpose purpose, Set<DataCategory> categories, String callerToken) {
        ConsentDecisionRequest request = new ConsentDecisionRequest(
                workerId, agency, purpose, categories.stream().sorted().toList());
        return Uni.createFrom()
                .deferred(() -> client.decide("Bearer " + callerToken, request))
                .onItem()
                .ifNull()
                .failWith(() -> new IllegalStateException("consent-service answered without a body"))
                .onFailure()
                .transform(failure -> unavailable(workerId, failure));
    }

    private static ConsentUnavailableException unavailable(UUID workerId, Throwable failure) {
        String status = failure instanceof WebApplicationException wae
                ? Integer.toString(wae.getResponse().getStatus())
                : "-";
        Log.warnf(
                "event=consent-unavailable worker=%s cause=%s status=%s",
                workerId, failure.getClass().getName(), status);
        return new ConsentUnavailableException(failure.getClass().getName());
    }
}
