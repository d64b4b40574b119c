package id.sinergi.cases.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.sinergi.common.consent.CriticalCaseCategory;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's vital-interest API, called with case-service's own client-credentials token: consent-service
 * lets only the client {@code case-service} invoke or renew, and takes the officer from the body, where this
 * service puts the officer its own token check verified. The officer's token is not forwarded, so a consular
 * officer cannot create an authorisation by calling consent-service directly.
 *
 * <p>As for identity-service: a three-second timeout and a circuit breaker that opens after half of ten calls got
 * no answer in time and tries one call again after five seconds; error answers do not trip it. No retries: an
 * invocation that reached consent-service but whose answer was lost must not be made twice.
 */
@RegisterRestClient(configKey = "consent-service")
@OidcClientFilter
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
@Path("/api/vital-interest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentClient {

    @POST
    Uni<Authorisation> invoke(InvokeRequest request);

    @POST
    @Path("/{id}/renewal")
    Uni<Authorisation> renew(@PathParam("id") UUID id, RenewalRequest request);

    /** The consular officer the authorisation is for, as their verified token named them. */
    record Officer(String subject, String username, String mission) {}

    /** consent-service's {@code VitalInterestRequest}; the data categories are left out, meaning all. */
    record InvokeRequest(
            UUID workerId, UUID caseId, CriticalCaseCategory caseCategory, Officer officer, String reason) {}

    record RenewalRequest(Officer officer, String reason) {}

    /** The part of consent-service's answer this service keeps: which authorisation, and until when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Authorisation(UUID id, UUID caseId, Instant expiresAt, boolean inForce, int renewals) {}
}
