package id.sinergi.cases.client;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class VitalInterestAuthorityTest {

    @Test
    void shouldTurnUnreachableSlowOrFailingConsentServiceIntoServiceUnavailable() {
        Throwable[] failures = {
            new ProcessingException(new ConnectException("Connection refused")),
            new TimeoutException(),
            new CircuitBreakerOpenException(),
            new WebApplicationException(500),
            new WebApplicationException(429),
            new IllegalStateException("consent-service answered without the authorisation")
        };

        for (Throwable failure : failures) {
            ProblemException problem = VitalInterestAuthority.translate("vital-interest-invoke", "x-y", failure);

            assertThat(problem.problem().getStatus()).as(failure.toString()).isEqualTo(503);
            assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:consent-unavailable");
        }
    }

    @Test
    void shouldTurnConsentServiceRefusingTheRequestItselfIntoBadGatewayNotRetryable() {
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            ProblemException problem = VitalInterestAuthority.translate(
                    "vital-interest-invoke", VitalInterestAuthority.IN_FORCE, new WebApplicationException(status));

            assertThat(problem.problem().getStatus()).as("status %d", status).isEqualTo(502);
            assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:consent-refused-request");
        }
    }

    @Test
    void shouldReadTheAuthorisationInForceOnlyFromAnInForceConflictNamingIt() {
        UUID id = UUID.randomUUID();
        Instant expires = Instant.parse("2026-01-02T03:04:05.123456Z");
        ProblemException named = ProblemException.conflict("vital-interest-in-force", "In force", "renew it");
        named.problem().with("authorisationId", id).with("expiresAt", expires);
        ProblemException ended = ProblemException.conflict("vital-interest-ended", "Ended", "invoke a new one");
        ended.problem().with("authorisationId", id).with("expiresAt", expires);
        ProblemException bare = ProblemException.conflict("vital-interest-in-force", "In force", "renew it");

        assertThat(VitalInterestAuthority.inForce(named)).hasValueSatisfying(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.expiresAt()).isEqualTo(expires);
        });
        assertThat(VitalInterestAuthority.inForce(ended)).isEmpty();
        assertThat(VitalInterestAuthority.inForce(bare)).isEmpty();
    }

    @Test
    void shouldPassConsentServiceConflictOnAsConflict() {
        ProblemException invoked = VitalInterestAuthority.translate(
                "vital-interest-invoke", VitalInterestAuthority.IN_FORCE, new WebApplicationException(409));
        ProblemException renewed = VitalInterestAuthority.translate(
                "vital-interest-renew", VitalInterestAuthority.ENDED, new WebApplicationException(409));

        assertThat(invoked.problem().getStatus()).isEqualTo(409);
        assertThat(invoked.problem().getType()).isEqualTo("urn:sinergi:problem:vital-interest-in-force");
        assertThat(renewed.problem().getStatus()).isEqualTo(409);
        assertThat(renewed.problem().getType()).isEqualTo("urn:sinergi:problem:vital-interest-ended");
    }
}
