package id.sinergi.cases.client;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.cases.client.ConsentDecisionClient.Answer;
import id.sinergi.cases.client.ConsentDecisionClient.CategoryAnswer;
import id.sinergi.cases.client.ConsentDecisionClient.Outcome;
import id.sinergi.cases.client.ConsentDecisions.Verdict;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.problem.ProblemException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;

class ConsentDecisionsTest {

    private static final EnumSet<DataCategory> IDENTITY_AND_PLACEMENT =
            EnumSet.of(DataCategory.IDENTITY, DataCategory.PLACEMENT);

    @Test
    void shouldPermitOnlyWhenEveryAskedCategoryIsPermitted() {
        UUID grant = UUID.randomUUID();
        Answer all = new Answer(
                Outcome.PERMIT,
                LawfulBasis.CONSENT,
                "GRANT_IN_FORCE",
                grant,
                null,
                List.of(DataCategory.IDENTITY, DataCategory.PLACEMENT),
                List.of(),
                List.of());

        Verdict verdict = ConsentDecisions.verdict(all, IDENTITY_AND_PLACEMENT);

        assertThat(verdict.permits()).isTrue();
        assertThat(verdict.reason()).isEqualTo("GRANT_IN_FORCE");
        assertThat(verdict.denied()).isEmpty();
        assertThat(verdict.answer().grantId()).isEqualTo(grant);
    }

    @Test
    void shouldDenyAPermitThatLeavesAnAskedCategoryDeniedNamingItsReason() {
        Answer partial = new Answer(
                Outcome.PERMIT,
                LawfulBasis.PUBLIC_TASK,
                "LAWFUL_BASIS",
                null,
                null,
                List.of(DataCategory.IDENTITY),
                List.of(DataCategory.PLACEMENT),
                List.of(
                        new CategoryAnswer(DataCategory.IDENTITY, Outcome.PERMIT, "LAWFUL_BASIS"),
                        new CategoryAnswer(DataCategory.PLACEMENT, Outcome.DENY, "NO_GRANT")));

        Verdict verdict = ConsentDecisions.verdict(partial, IDENTITY_AND_PLACEMENT);

        assertThat(verdict.permits()).isFalse();
        assertThat(verdict.reason()).isEqualTo("NO_GRANT");
        assertThat(verdict.denied()).containsExactly(DataCategory.PLACEMENT);
    }

    @Test
    void shouldDenyACategoryTheAnswerDoesNotMentionAtAll() {
        Answer silent = new Answer(
                Outcome.PERMIT,
                LawfulBasis.PUBLIC_TASK,
                "LAWFUL_BASIS",
                null,
                null,
                List.of(DataCategory.IDENTITY),
                null,
                null);

        Verdict verdict = ConsentDecisions.verdict(silent, IDENTITY_AND_PLACEMENT);

        assertThat(verdict.permits()).isFalse();
        assertThat(verdict.denied()).containsExactly(DataCategory.PLACEMENT);
        assertThat(verdict.reason()).isEqualTo("CATEGORY_NOT_PERMITTED");
    }

    @Test
    void shouldTurnAnAnswerWithoutDecisionAndEveryFailureToAnswerIntoServiceUnavailable() {
        Throwable[] failures = {
            new ProcessingException(new ConnectException("Connection refused")),
            new TimeoutException(),
            new CircuitBreakerOpenException(),
            new WebApplicationException(500),
            new WebApplicationException(503),
            new WebApplicationException(429),
            new IllegalStateException("consent-service answered without a decision")
        };

        for (Throwable failure : failures) {
            ProblemException problem = ConsentDecisions.translate(failure);

            assertThat(problem.problem().getStatus()).as(failure.toString()).isEqualTo(503);
            assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:consent-unavailable");
        }
        Answer empty = new Answer(null, null, null, null, null, null, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ConsentDecisions.verdict(empty, IDENTITY_AND_PLACEMENT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldTurnConsentServiceRefusingTheRequestItselfIntoBadGateway() {
        for (int status : new int[] {400, 401, 403, 404}) {
            ProblemException problem = ConsentDecisions.translate(new WebApplicationException(status));

            assertThat(problem.problem().getStatus()).as("status %d", status).isEqualTo(502);
            assertThat(problem.problem().getType()).isEqualTo("urn:sinergi:problem:consent-refused-request");
        }
    }
}
