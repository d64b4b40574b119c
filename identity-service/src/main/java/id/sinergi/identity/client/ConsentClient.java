package id.sinergi.identity.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's decision call, made on behalf of the end user: consent-service checks that an officer asks
 * for their own agency only, so it must see the officer's token, not this service's.
 *
 * <p>The token is passed on explicitly as the {@code Authorization} header. The usual way,
 * {@code @AccessToken} of quarkus-rest-client-oidc-token-propagation, cannot be used while that extension's
 * 3.33.2 parent POM is missing from Maven Central; switch to it when it resolves.
 *
 * <p>A circuit breaker opens after half of ten calls failed to get any answer in time (connection refused, timeout)
 * and lets one call through again after five seconds; while it is open, calls fail at once instead of tying up
 * requests. Error answers (4xx, 5xx) do not trip it: they are answers. There are no retries: each call is an audited
 * read, and a retry could record it twice.
 */
@RegisterRestClient(configKey = "consent-service")
@Path("/api/consent-decisions")
public interface ConsentClient {

    /** Asks whether an agency may use a category of a worker's data for a purpose; PERMIT or DENY. */
    @POST
    @Timeout(2000)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            skipOn = WebApplicationException.class)
    Uni<ConsentDecision> decide(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String bearerAuthorization, ConsentDecisionRequest request);
}
