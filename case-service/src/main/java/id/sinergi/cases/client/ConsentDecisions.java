package id.sinergi.cases.client;

import id.sinergi.cases.client.ConsentDecisionClient.Answer;
import id.sinergi.cases.client.ConsentDecisionClient.CategoryAnswer;
import id.sinergi.cases.client.ConsentDecisionClient.Outcome;
import id.sinergi.cases.client.ConsentDecisionClient.Question;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Asks consent-service whether an agency may use categories of a worker's data for protection case handling, and
 * reads its answer strictly: a permit holds only when every asked category is permitted (consent-service answers
 * PERMIT when at least one is). Fails closed: no answer in time, connection refused, the breaker open, a 5xx or
 * 429, or an answer that cannot be read is 503 {@code consent-unavailable}; another 4xx means consent-service
 * refused case-service's request as such, 502 {@code consent-refused-request}, logged as an error. The log names
 * the status and the cause's class only.
 */
@ApplicationScoped
public class ConsentDecisions {

    @Inject
    @RestClient
    ConsentDecisionClient consent;

    /** What consent-service decided for the asked categories, all of them together. */
    public record Verdict(boolean permits, Answer answer, String reason, List<DataCategory> denied) {}

    /** Asks for the worker, the receiving agency and the categories, for {@link Purpose#PROTECTION_CASE_HANDLING}. */
    public Uni<Verdict> decide(UUID workerId, Agency agency, Set<DataCategory> categories) {
        Question question =
                new Question(workerId, agency, Purpose.PROTECTION_CASE_HANDLING, EnumSet.copyOf(categories));
        return Uni.createFrom()
                .deferred(() -> consent.decide(question))
                .map(answer -> verdict(answer, categories))
                .onFailure()
                .transform(ConsentDecisions::translate);
    }

    /**
     * The verdict on the answer: a permit when consent-service answered PERMIT and denied none of the asked
     * categories; otherwise a denial naming the denied categories and the reason of the first of them.
     *
     * @throws IllegalStateException when the answer lacks its decision
     */
    static Verdict verdict(Answer answer, Set<DataCategory> asked) {
        if (answer == null || answer.decision() == null) {
            throw new IllegalStateException("consent-service answered without a decision");
        }
        Set<DataCategory> denied = EnumSet.noneOf(DataCategory.class);
        if (answer.deniedCategories() != null) {
            denied.addAll(answer.deniedCategories());
        }
        Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
        if (answer.permittedCategories() != null) {
            permitted.addAll(answer.permittedCategories());
        }
        for (DataCategory category : asked) {
            if (!permitted.contains(category)) {
                denied.add(category);
            }
        }
        boolean permits = answer.decision() == Outcome.PERMIT && denied.isEmpty();
        String reason = permits ? answer.reason() : denialReason(answer, denied);
        return new Verdict(permits, answer, reason == null ? "UNSPECIFIED" : reason, List.copyOf(denied));
    }

    /** The reason consent-service gave for the first denied category, or its overall reason. */
    private static String denialReason(Answer answer, Set<DataCategory> denied) {
        if (answer.categories() != null) {
            for (CategoryAnswer c : answer.categories()) {
                if (c.decision() == Outcome.DENY && denied.contains(c.category()) && c.reason() != null) {
                    return c.reason();
                }
            }
        }
        return answer.decision() == Outcome.DENY ? answer.reason() : "CATEGORY_NOT_PERMITTED";
    }

    /** Another 4xx than 429 → 502 consent-refused-request; anything else → 503 consent-unavailable. */
    static ProblemException translate(Throwable failure) {
        if (failure instanceof ProblemException problem) {
            return problem;
        }
        int status = failure instanceof WebApplicationException wae
                ? wae.getResponse().getStatus()
                : 0;
        if (status >= 400 && status < 500 && status != 429) {
            Log.errorf(
                    "event=consent-refused-request operation=consent-decision status=%s cause=%s",
                    status, failure.getClass().getName());
            return new ProblemException(new Problem(
                    "consent-refused-request",
                    "Refused by consent-service",
                    502,
                    "consent-service refused case-service's decision request; nothing was stored. Trying again will"
                            + " not help: report it to the platform team",
                    null,
                    null));
        }
        Log.warnf(
                "event=consent-unavailable operation=consent-decision status=%s cause=%s",
                status == 0 ? "-" : status, failure.getClass().getName());
        return unavailable();
    }

    /** The 503 of a consent-service that gave no usable answer: sharing is not allowed, nothing was stored. */
    public static ProblemException unavailable() {
        return ProblemException.unavailable(
                "consent-unavailable",
                "consent-service unavailable",
                "Whether the worker's data may be shared cannot be decided right now; nothing was stored, try again"
                        + " later");
    }
}
