package id.sinergi.consent.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * identity-service's worker read, the one call consent-service makes there: does the worker a grant names exist?
 * It carries the caller's own bearer token, so identity-service applies its role rules and audits the officer or
 * the worker's app that recorded the grant, as it does for case-service's lookups (a read without a purpose: no
 * consent question back to this service).
 *
 * <p>The same policy as case-service's identity client: a 3 s timeout; a circuit breaker that opens after half of
 * ten calls got no answer in time (answers, 4xx or 5xx, do not trip it) and lets one call through again after five
 * seconds; no retry, since each call is an audited read. The interface is kept here rather than shared in
 * {@code common}, which would give every service a REST client and fault tolerance; what identity-service's answers
 * mean is shared ({@link id.sinergi.common.identity.WorkerLookups}).
 */
@RegisterRestClient(configKey = "identity-service")
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
@Path("/api/workers")
@Produces(MediaType.APPLICATION_JSON)
public interface IdentityClient {

    @GET
    @Path("/{id}")
    Uni<WorkerRef> worker(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    /** Only the worker's id: consent-service keeps no identity data. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkerRef(UUID id) {}
}
