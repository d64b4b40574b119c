package id.sinergi.cases.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The part of identity-service's worker API that case-service uses. Every call carries the end user's own bearer
 * token, so identity-service applies its role rules and audits the caller, not this service.
 *
 * <p>The token is passed as a header parameter because quarkus-rest-client-oidc-token-propagation ({@code
 * @AccessToken}) cannot be resolved from Maven Central in this build; the effect is the same: the incoming access
 * token, unchanged, with no token exchange.
 *
 * <p>A circuit breaker opens after half of ten calls failed to get any answer in time (connection refused, timeout)
 * and lets one call through again after five seconds; while it is open, calls fail at once instead of tying up
 * requests. Error answers (4xx, 5xx) do not trip it: they are answers. There are no retries: each call is an audited
 * read, and a retry could record it twice. The policy is declared once for the interface; each method still has
 * a breaker of its own.
 */
@RegisterRestClient(configKey = "identity-service")
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
@Path("/api/workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface IdentityClient {

    @GET
    @Path("/{id}")
    Uni<WorkerRef> worker(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/search")
    Uni<Matches> search(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NikSearch search);

    /** Only the worker's id: case-service keeps no identity data of its own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record WorkerRef(UUID id) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Matches(List<WorkerRef> matches) {}

    /** The search body; the NIK travels in the body, never in a URL. */
    record NikSearch(String nik) {}
}
