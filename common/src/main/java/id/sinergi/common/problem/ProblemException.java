package id.sinergi.common.problem;

import java.util.List;

/**
 * Thrown by services to answer with a problem response; {@link ProblemMappers} turns it into the HTTP answer.
 *
 * <p>Messages and details must never contain a NIK, a passport number or a name: they reach clients and logs.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.getType() + ": " + problem.getDetail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(
            String slug, String title, String detail, List<Problem.FieldError> errors) {
        return new ProblemException(new Problem(slug, title, 400, detail, null, errors));
    }

    /** A 400 for one field that broke one rule; the rule's code doubles as the problem's slug. */
    public static ProblemException invalidField(String slug, String field, String message) {
        return badRequest(
                slug, "Invalid " + field, field + " " + message, List.of(new Problem.FieldError(field, slug, message)));
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(new Problem("not-found", "Not found", 404, what + " was not found", null, null));
    }

    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(new Problem(slug, title, 409, detail, null, null));
    }

    public static ProblemException forbidden(String slug, String title, String detail) {
        return new ProblemException(new Problem(slug, title, 403, detail, null, null));
    }

    public static ProblemException unavailable(String slug, String title, String detail) {
        return new ProblemException(new Problem(slug, title, 503, detail, null, null));
    }
}
