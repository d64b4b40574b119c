package id.sinergi.common.problem;

import java.util.List;
import java.util.Set;

/**
 * Thrown by services to answer with a problem response; {@link ProblemMappers} turns it into the HTTP answer.
 *
 * <p>Messages and details must never contain a NIK, a passport number or a name: they reach clients and logs.
 */
public class ProblemException extends RuntimeException {

    /** The field name standing for the request body as a whole. */
    public static final String BODY = "(body)";

    /** The type of a query, path or header parameter that cannot be read or is out of its range. */
    static final String INVALID_PARAMETER = "invalid-parameter";

    /** First words of a message that completes "Field 'x' …" by itself. */
    private static final Set<String> PREDICATES = Set.of("must", "is", "are", "has", "cannot", "contains");

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

    /**
     * A 400 for one field that broke one rule; the rule's code doubles as the problem's slug. The title is a fixed
     * phrase, {@code errors[0].field} names the field ({@value #BODY} for the request body as a whole), and the
     * detail is a sentence made of the two: "Field 'birthDate' must not be in the future." for a message that says
     * what the value must be, "Field 'nik' was refused: digits 13-16 must not be 0000." for any other. A field of
     * slug {@value #INVALID_PARAMETER} is a parameter ({@link #invalidParameter(String, String, String)}).
     */
    public static ProblemException invalidField(String slug, String field, String message) {
        if (INVALID_PARAMETER.equals(slug)) {
            return invalidParameter(slug, field, message);
        }
        return badRequest(
                slug,
                BODY.equals(field) ? "Invalid request body" : "Invalid field",
                sentence(BODY.equals(field) ? "The request body" : "Field '" + field + "'", message),
                List.of(new Problem.FieldError(field, slug, message)));
    }

    /**
     * A 400 for one query, path or header parameter that broke one rule, as {@link #invalidField} words it for a
     * field: "Parameter 'size' must be a tree size from 1 to 42.", titled "Invalid parameter" like the parameters
     * JAX-RS cannot convert ({@code ProblemMappers}).
     */
    public static ProblemException invalidParameter(String slug, String name, String message) {
        return badRequest(
                slug,
                "Invalid parameter",
                sentence("Parameter '" + name + "'", message),
                List.of(new Problem.FieldError(name, slug, message)));
    }

    /** {@link #invalidParameter(String, String, String)} of slug {@value #INVALID_PARAMETER}. */
    public static ProblemException invalidParameter(String name, String message) {
        return invalidParameter(INVALID_PARAMETER, name, message);
    }

    static String sentence(String subject, String message) {
        String firstWord = message.split(" ", 2)[0];
        String sentence =
                PREDICATES.contains(firstWord) ? subject + " " + message : subject + " was refused: " + message;
        return sentence.endsWith(".") ? sentence : sentence + ".";
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
