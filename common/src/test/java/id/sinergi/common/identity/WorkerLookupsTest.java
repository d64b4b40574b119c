package id.sinergi.common.identity;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class WorkerLookupsTest {

    @Test
    void shouldTurnIdentityNotFoundIntoUnknownWorkerNamingTheField() {
        ProblemException problem = WorkerLookups.failure("worker-by-id", "workerId", new WebApplicationException(404));

        assertThat(problem.problem().getStatus()).isEqualTo(400);
        assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:unknown-worker");
        assertThat(problem.problem().getErrors())
                .extracting(Problem.FieldError::field)
                .containsExactly("workerId");
    }

    @Test
    void shouldTurnUnreachableOrFailingIdentityIntoServiceUnavailable() {
        Throwable refused = new ProcessingException(new ConnectException("Connection refused"));
        Throwable slow = new TimeoutException();
        Throwable failing = new WebApplicationException(502);

        ProblemException[] problems = {
            WorkerLookups.failure("worker-search", "nik", refused),
            WorkerLookups.failure("worker-search", "nik", slow),
            WorkerLookups.failure("worker-by-id", "workerId", failing)
        };

        assertThat(problems).allSatisfy(p -> {
            assertThat(p.problem().getStatus()).isEqualTo(503);
            assertThat(p.problem().getType()).isEqualTo("urn:sinergi:problem:identity-unavailable");
        });
    }

    @Test
    void shouldPassIdentityRefusalOnAsForbidden() {
        ProblemException problem = WorkerLookups.failure("worker-by-id", "workerId", new WebApplicationException(403));

        assertThat(problem.problem().getStatus()).isEqualTo(403);
        assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:worker-lookup-forbidden");
    }
}
