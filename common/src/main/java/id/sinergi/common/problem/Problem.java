package id.sinergi.common.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body, the only error format Sinergi's APIs return.
 *
 * <p>{@code type} is a URN naming the kind of problem ({@code urn:sinergi:problem:<slug>}); clients branch on it,
 * not on {@code title} or {@code detail}, which are for people. {@code errors} lists the offending fields of a
 * request body or parameter; other members extend the problem where a kind of problem documents them. Its
 * OpenAPI schema is written by {@link id.sinergi.common.openapi.ProblemResponsesFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public final class Problem {

    /** Media type of problem bodies. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** Prefix of every problem type URN. */
    public static final String TYPE_PREFIX = "urn:sinergi:problem:";

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private String instance;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public Problem(String slug, String title, int status, String detail, String instance, List<FieldError> errors) {
        this.type = TYPE_PREFIX + slug;
        this.title = title;
        this.status = status;
        this.detail = detail;
        this.instance = instance;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /** Sets {@code instance} (the request path) unless the problem names one already. */
    public Problem atInstance(String path) {
        if (instance == null) {
            instance = path;
        }
        return this;
    }

    /** Adds an extension member, for kinds of problem that document one. */
    public Problem with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public String getInstance() {
        return instance;
    }

    public List<FieldError> getErrors() {
        return errors;
    }

    @JsonAnyGetter
    public Map<String, Object> getExtensions() {
        return extensions;
    }

    /**
     * One offending field: {@code field} is its JSON path in the request ({@code worker.nik}) or the name of the
     * query parameter; {@code code} is a stable machine name of the rule it broke.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, String code, String message) {}
}
