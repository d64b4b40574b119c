package id.sinergi.cases.client;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
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
            new WebApplicationException(403),
            new IllegalStateException("consent-service answered without the authorisation")
        };

        for (Throwable failure : failures) {
            ProblemException problem = VitalInterestAuthority.translate("vital-interest-invoke", "x-y", failure);

            assertThat(problem.problem().getStatus()).as(failure.toString()).isEqualTo(503);
            assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:consent-unavailable");
        }
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
