package id.sinergi.cases.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * consent-service's decision API, called with case-service's own client-credentials token (role
 * {@code sinergi-service}, which may ask for either agency): may this agency use these categories of this worker's
 * data for this purpose? Same timeout and circuit breaker as {@link ConsentClient}; no retries are needed for a
 * question, but a decision is audited by consent-service each time it is asked, so none are made.
 */
@RegisterRestClient(configKey = "consent-service")
@OidcClientFilter
@Timeout(3000)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = WebApplicationException.class)
@Path("/api/consent-decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentDecisionClient {

    @POST
    Uni<Answer> decide(Question question);

    /** consent-service's {@code DecisionRequest}, naming several categories. */
    record Question(UUID workerId, Agency requestingAgency, Purpose purpose, Set<DataCategory> dataCategories) {}

    /** PERMIT or DENY. */
    enum Outcome {
        PERMIT,
        DENY
    }

    /** The part of consent-service's {@code ConsentDecision} this service reads. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(
            Outcome decision,
            LawfulBasis basis,
            String reason,
            UUID grantId,
            UUID vitalInterestId,
            List<DataCategory> permittedCategories,
            List<DataCategory> deniedCategories,
            List<CategoryAnswer> categories) {}

    /** What was decided for one category. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CategoryAnswer(DataCategory category, Outcome decision, String reason) {}
}
