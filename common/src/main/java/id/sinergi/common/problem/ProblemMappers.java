package id.sinergi.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.MissingClaimException;
import id.sinergi.common.security.RoleDenials;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.CompositeException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.SocketException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure a Sinergi API can meet to an RFC 9457 problem response with one status per kind of error.
 *
 * <p>No body carries a stack trace or a Java class name. Security denials are logged as one structured line
 * naming the subject (a Keycloak id) and the path, never the token.
 */
public class ProblemMappers {

    /** The most field errors one problem lists. */
    public static final int MAX_ERRORS = 100;

    private static final Set<Class<?>> INTEGRAL = Set.of(
            Integer.class,
            int.class,
            Long.class,
            long.class,
            Short.class,
            short.class,
            Byte.class,
            byte.class,
            BigInteger.class);

    @Inject
    UriInfo uriInfo;

    @Inject
    SecurityIdentity identity;

    @Inject
    Instance<RoleDenials> roleDenials;

    @Inject
    Caller caller;

    @Inject
    CurrentVertxRequest http;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Problem problem = e.problem().atInstance(path());
        if (problem.getStatus() == 403) {
            logDenial(problem);
        }
        return respond(problem);
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMappers::isReturnValue)) {
            return internalError(e);
        }
        return constraintViolations(e);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e) {
        return respond(violationProblem(e.getConstraintViolations(), path()));
    }

    /** The problem for broken Bean Validation rules, one error per rule; public for bodies read row by row. */
    public static Problem violationProblem(Set<? extends ConstraintViolation<?>> violations, String instance) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            errors.add(fieldError("", v));
        }
        return violationProblem(errors, instance);
    }

    /**
     * The problem for broken Bean Validation rules of the elements of a list body, validated one by one: each field
     * is named from its element's index ({@code [3].actor.subject}), as validation of the list as a whole names it.
     */
    public static Problem elementViolationProblem(
            Map<Integer, ? extends Set<? extends ConstraintViolation<?>>> violationsByIndex, String instance) {
        List<Problem.FieldError> errors = new ArrayList<>();
        violationsByIndex.forEach((index, violations) -> {
            for (ConstraintViolation<?> v : violations) {
                errors.add(fieldError("[" + index + "].", v));
            }
        });
        return violationProblem(errors, instance);
    }

    /** The error of a violation, its field named after {@code prefix} ({@code [3].}: the element itself is [3]). */
    private static Problem.FieldError fieldError(String prefix, ConstraintViolation<?> v) {
        String code =
                v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String field = fieldOf(v);
        if (!prefix.isEmpty() && field.equals(ProblemException.BODY)) {
            field = prefix.substring(0, prefix.length() - 1);
        } else {
            field = prefix + field;
        }
        return new Problem.FieldError(field, kebab(code), v.getMessage());
    }

    private static Problem violationProblem(List<Problem.FieldError> errors, String instance) {
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        int broken = errors.size();
        // A batch of a thousand events, each breaking fifty rules, made an answer of four megabytes.
        return new Problem(
                "validation",
                "Invalid request",
                400,
                "The request breaks " + broken + " rule(s); see errors"
                        + (broken > MAX_ERRORS ? " (the first " + MAX_ERRORS + ", by field)" : ""),
                instance,
                broken > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e) {
        return respond(malformedJsonProblem(e, path()));
    }

    /** The problem for a body that is not well-formed JSON, with where it breaks. */
    public static Problem malformedJsonProblem(JsonParseException e, String instance) {
        return new Problem(
                "malformed-json",
                "Malformed JSON",
                400,
                "The request body is not well-formed JSON (line "
                        + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")",
                instance,
                null);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return jsonMapping(e);
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return respond(jsonValueProblem(e, path()));
    }

    /** The problem for JSON that is well-formed but does not fit the request, naming the field. */
    public static Problem jsonValueProblem(JsonMappingException e, String instance) {
        String field = jsonPath(e);
        String code;
        String message;
        if (e instanceof InvalidFormatException ife
                && ife.getTargetType() == String.class
                && ife.getValue() instanceof String) {
            code = "invalid-text";
            message = "contains a control character or an unpaired surrogate";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() == String.class) {
            code = "invalid-format";
            message = "must be text (a JSON string)";
        } else if (e instanceof InvalidFormatException ife) {
            code = "invalid-format";
            message = "cannot be read as " + describe(ife.getTargetType());
        } else if (e instanceof UnrecognizedPropertyException) {
            code = "unknown-field";
            message = "is not a field of this request";
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            code = "invalid-format";
            message = "cannot be read as " + describe(mie.getTargetType());
        } else {
            code = "invalid-value";
            message = "has a value that cannot be read";
        }
        return new Problem(
                "invalid-json-value",
                "Invalid value in request body",
                400,
                (field.isEmpty() ? "The request body " : "Field '" + field + "' ") + message,
                instance,
                List.of(new Problem.FieldError(field.isEmpty() ? "(body)" : field, code, message)));
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e) {
        return respond(new Problem(
                "malformed-json", "Malformed JSON", 400, "The request body cannot be read as JSON", path(), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthenticated();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MissingClaimException missing) {
                return missingClaim(missing);
            }
        }
        return unauthenticated();
    }

    /** A verified token without a claim its roles require ({@code RequiredClaims}): 401, naming the claim. */
    @ServerExceptionMapper
    public Response missingClaim(MissingClaimException e) {
        Log.infof(
                "event=security-denial status=401 reason=missing-%s subject=%s path=%s",
                e.claim(), e.subject() == null ? "-" : e.subject(), safePath());
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sinergi\", error=\"invalid_token\"")
                .entity(new Problem(
                        "missing-" + e.claim(),
                        "Token lacks a required claim",
                        401,
                        "The access token carries no valid '" + e.claim() + "' claim, which its roles require",
                        path(),
                        null))
                .build();
    }

    /**
     * A refusal by role: 403 {@code forbidden}, logged, and recorded as a DENIED audit event by the service's
     * {@link RoleDenials} (the answer stays 403 if the event cannot be written; that failure is logged at WARN).
     */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, ResourceInfo resource) {
        if (identity == null || identity.isAnonymous()) {
            return Uni.createFrom().item(unauthenticated());
        }
        Problem problem =
                new Problem("forbidden", "Forbidden", 403, "Your role does not allow this operation", path(), null);
        logDenial(problem);
        Response response = respond(problem);
        if (!roleDenials.isResolvable() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return Uni.createFrom().item(response);
        }
        String operation = resource == null
                ? null
                : RoleDenials.operation(resource.getResourceClass(), resource.getResourceMethod());
        Map<String, String> ids = new HashMap<>();
        if (uriInfo != null) {
            uriInfo.getPathParameters().forEach((name, values) -> ids.put(name, values.get(0)));
        }
        return roleDenials
                .get()
                .record(caller.actor(), operation == null ? safePath() : operation, ids)
                .onFailure()
                .invoke(f -> Log.warnf(
                        "event=role-denial-unaudited subject=%s path=%s error=%s",
                        subjectOf(identity), safePath(), f.getClass().getSimpleName()))
                .onFailure()
                .recoverWithNull()
                .replaceWith(response);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ResourceInfo resource, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e);
        }
        Response json = jsonCause(e);
        if (json != null) {
            return json;
        }
        if ((status == 404 || status == 400) && e.getCause() != null) {
            Problem.FieldError unreadable =
                    unreadableParameter(resource == null ? null : resource.getResourceMethod(), headers);
            if (unreadable != null) {
                return respond(new Problem(
                        "invalid-parameter",
                        "Invalid parameter",
                        400,
                        "Parameter '" + unreadable.field() + "' " + unreadable.message(),
                        path(),
                        List.of(unreadable)));
            }
            if (status == 404) {
                return invalidParameter();
            }
        }
        return httpStatus(e.getResponse());
    }

    /**
     * The first query, path or header parameter of the matched method whose value cannot be converted to the
     * parameter's declared type, which is why JAX-RS refused the request; null when none is found.
     */
    private Problem.FieldError unreadableParameter(Method method, HttpHeaders headers) {
        if (method == null || uriInfo == null) {
            return null;
        }
        Annotation[][] annotations = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                String name = null;
                List<String> values = null;
                if (a instanceof QueryParam q) {
                    name = q.value();
                    values = uriInfo.getQueryParameters().get(name);
                } else if (a instanceof PathParam p) {
                    name = p.value();
                    values = uriInfo.getPathParameters().get(name);
                } else if (a instanceof HeaderParam h && headers != null) {
                    name = h.value();
                    values = headers.getRequestHeader(name);
                }
                if (values == null) {
                    continue;
                }
                for (String value : values) {
                    if (!readable(types[i], value)) {
                        return new Problem.FieldError(
                                name, "invalid-parameter", "cannot be read as " + describe(types[i]));
                    }
                }
            }
        }
        return null;
    }

    /** Whether JAX-RS can convert the value to the type; true for a type this does not know how to judge. */
    static boolean readable(Class<?> type, String value) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value);
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(value);
            } else if (type == double.class || type == Double.class) {
                Double.parseDouble(value);
            } else if (type == float.class || type == Float.class) {
                Float.parseFloat(value);
            } else if (type == BigInteger.class) {
                new BigInteger(value);
            } else if (type == UUID.class) {
                UUID.fromString(value);
            } else if (type.isEnum()) {
                readableConstant(type, value);
            } else if (type == LocalDate.class) {
                LocalDate.parse(value);
            } else if (type == Instant.class) {
                Instant.parse(value);
            }
            return true;
        } catch (IllegalArgumentException | DateTimeException e) {
            return false;
        }
    }

    /** Throws as Enum.valueOf does; raw, since the enum type is only known at run time (checked by the caller). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void readableConstant(Class<?> type, String value) {
        Enum.valueOf((Class) type, value);
    }

    /** The JSON problem a body reader's failure carries as its cause, or null when none does. */
    private Response jsonCause(WebApplicationException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonMappingException jme) {
                return jsonMapping(jme);
            }
            if (cause instanceof JsonParseException jpe) {
                return unreadableJson(jpe);
            }
            if (cause instanceof JsonProcessingException jpe) {
                return jsonProcessing(jpe);
            }
        }
        return null;
    }

    /** A 404 with a cause: JAX-RS could not convert a path or query parameter to its declared type. */
    private Response invalidParameter() {
        return respond(new Problem(
                "invalid-parameter",
                "Invalid parameter",
                400,
                "A path or query parameter has a value of the wrong type",
                path(),
                null));
    }

    /** Any other 4xx JAX-RS answered by itself (404, 405, 406, 415 …), keeping the headers it set. */
    private Response httpStatus(Response original) {
        int status = original.getStatus();
        Response.StatusType info = original.getStatusInfo();
        Problem problem = new Problem(
                "http-" + status,
                info.getReasonPhrase(),
                status,
                status == 404 ? "No resource at this path" : info.getReasonPhrase(),
                path(),
                null);
        Response.ResponseBuilder builder =
                Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        copyHeaders(original, builder);
        return builder.build();
    }

    /** Keeps the original answer's headers except those describing its body, which the problem replaces. */
    private static void copyHeaders(Response original, Response.ResponseBuilder builder) {
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)
                    && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                values.forEach(v -> builder.header(name, v));
            }
        });
    }

    /**
     * Every other failure: a 503 for the database out of reach, else a 500 with an error id. A body that grew past
     * the server's limit while it was read (one that {@code BodySizeLimit} leaves to the server) is a 413; the
     * server has answered it already, without a body, so the failure goes back to Quarkus, which logs an
     * {@link IOException} at DEBUG and writes nothing more.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e) throws IOException {
        IOException tooLarge = bodyTooLarge(e);
        if (tooLarge != null) {
            Log.infof("event=body-too-large path=%s", safePath());
            RoutingContext ctx = http == null ? null : http.getCurrent();
            if (ctx == null || ctx.response().headWritten()) {
                throw tooLarge;
            }
            return respond(new Problem(
                    "body-too-large",
                    "Request body too large",
                    413,
                    "The request body is larger than this service takes",
                    path(),
                    null));
        }
        if (databaseUnreachable(e)) {
            Log.warnf(
                    "event=database-unavailable path=%s cause=%s",
                    safePath(), e.getClass().getName());
            return respond(new Problem(
                    "database-unavailable",
                    "Database unavailable",
                    503,
                    "The service cannot reach its database right now; try again later (a report under the same"
                            + " Idempotency-Key is stored once)",
                    path(),
                    null));
        }
        return internalError(e);
    }

    /**
     * Whether the failure is the service's database out of reach rather than a fault: a connection refused, reset
     * or lost, or PostgreSQL shutting down, restarting or starting up (SQLSTATE classes 08 and 57P), on its own or
     * among the failures of a composite. The REST clients to the other services turn their own connection failures
     * into problems of their own before they get here.
     */
    static boolean databaseUnreachable(Throwable e) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            // SocketException: refused (ConnectException) or reset by the server while a statement ran.
            if (t instanceof SocketException || t instanceof ClosedConnectionException) {
                return true;
            }
            String state = t instanceof DatabaseException db
                    ? db.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                return true;
            }
            if (t instanceof CompositeException composite
                    && composite.getCauses().stream().anyMatch(c -> c != composite && databaseUnreachable(c))) {
                return true;
            }
        }
        return false;
    }

    /** The server's refusal of a body over its size limit (Quarkus: "Request too large") among the causes, or null. */
    private static IOException bodyTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io && "Request too large".equals(t.getMessage())) {
                return io;
            }
        }
        return null;
    }

    private Response internalError(Throwable e) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "event=internal-error errorId=%s path=%s", errorId, safePath());
        return respond(new Problem(
                        "internal-error",
                        "Internal error",
                        500,
                        "The server failed to handle the request; quote errorId when reporting it",
                        path(),
                        null)
                .with("errorId", errorId));
    }

    private Response unauthenticated() {
        Log.infof("event=security-denial status=401 path=%s", safePath());
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sinergi\"")
                .entity(new Problem(
                        "unauthenticated",
                        "Unauthenticated",
                        401,
                        "A valid bearer token from the sinergi realm is required",
                        path(),
                        null))
                .build();
    }

    /** One line per refusal, whose reason is the problem's slug (its type without {@link Problem#TYPE_PREFIX}). */
    private void logDenial(Problem problem) {
        Log.infof(
                "event=security-denial status=%d reason=%s subject=%s roles=%s path=%s",
                problem.getStatus(),
                problem.getType().substring(Problem.TYPE_PREFIX.length()),
                subjectOf(identity),
                identity == null ? "[]" : identity.getRoles(),
                safePath());
    }

    /**
     * The caller's Keycloak id ({@code sub}) for logs, or {@code -}: never the user name, which is personal data,
     * and never a principal name that OIDC may take from {@code preferred_username}.
     */
    static String subjectOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "-";
        }
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return "-";
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.getStatus())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private String path() {
        return uriInfo == null ? null : uriInfo.getPath();
    }

    /** The request path for logs: paths hold only ids and codes, never NIKs or passport numbers. */
    private String safePath() {
        String p = path();
        return p == null ? "-" : p;
    }

    private static boolean isReturnValue(ConstraintViolation<?> v) {
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The client's name for a violated element; see {@link #fieldOf(Path, Class)}. */
    static String fieldOf(ConstraintViolation<?> v) {
        return fieldOf(v.getPropertyPath(), v.getRootBeanClass());
    }

    /**
     * The client's name for a violated element: a body field's JSON path without the method and parameter names,
     * the name of a query, path or header parameter as the request gives it, or {@value ProblemException#BODY} for
     * the body as a whole (a missing body): never the name of a Java parameter.
     */
    static String fieldOf(Path path, Class<?> root) {
        List<String> parts = new ArrayList<>();
        String method = null;
        List<Class<?>> types = List.of();
        String parameter = null;
        int index = -1;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case CONSTRUCTOR, CROSS_PARAMETER, RETURN_VALUE -> {}
                case METHOD -> {
                    method = node.getName();
                    types = node.as(Path.MethodNode.class).getParameterTypes();
                }
                case PARAMETER -> {
                    parameter = node.getName();
                    index = node.as(Path.ParameterNode.class).getParameterIndex();
                }
                default -> {
                    String name = node.getName();
                    Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (position != null) {
                        if (parts.isEmpty()) {
                            parts.add("[" + position + "]");
                        } else {
                            int last = parts.size() - 1;
                            parts.set(last, parts.get(last) + "[" + position + "]");
                        }
                    }
                    if (name != null && !name.startsWith("<")) {
                        parts.add(name);
                    }
                }
            }
        }
        if (parts.isEmpty()) {
            return parameter == null ? ProblemException.BODY : requestName(root, method, types, index, parameter);
        }
        return String.join(".", parts).replace(".[", "[").replaceFirst("^\\[", "[");
    }

    /**
     * The name the request gives a method parameter: that of its JAX-RS annotation, or the body's for a parameter
     * without one. The method is looked up from the validated class upwards, as a generated subclass may override
     * it without the annotations; when it cannot be found, the Java name is all there is.
     */
    private static String requestName(Class<?> root, String method, List<Class<?>> types, int index, String name) {
        boolean found = false;
        for (Class<?> c = root; c != null && method != null && index >= 0; c = c.getSuperclass()) {
            Method m;
            try {
                m = c.getDeclaredMethod(method, types.toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                continue;
            }
            found = true;
            for (Annotation a : m.getParameterAnnotations()[index]) {
                String given = parameterName(a);
                if (given != null) {
                    return given.isEmpty() ? name : given;
                }
            }
        }
        return found ? ProblemException.BODY : name;
    }

    /** The request name an annotation gives a parameter, "" for one taken from the Java name, or null for none. */
    private static String parameterName(Annotation a) {
        if (a instanceof QueryParam q) {
            return q.value();
        }
        if (a instanceof PathParam p) {
            return p.value();
        }
        if (a instanceof HeaderParam h) {
            return h.value();
        }
        if (a instanceof CookieParam c) {
            return c.value();
        }
        if (a instanceof FormParam f) {
            return f.value();
        }
        if (a instanceof MatrixParam m) {
            return m.value();
        }
        String type = a.annotationType().getName();
        boolean jaxrs = type.startsWith("jakarta.ws.rs.") && !type.equals(DefaultValue.class.getName());
        return jaxrs || type.startsWith("org.jboss.resteasy.reactive.Rest") ? "" : null;
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * What a value of the target type looks like, in fixed words a client understands: never the name of a Java
     * type, which says nothing to a client and tells an attacker how the service is built.
     */
    static String describe(Class<?> type) {
        if (type == null) {
            return "a value of the expected kind";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a timestamp (ISO 8601 with offset)";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        if (type == Long.class || type == long.class) {
            return "a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
        }
        if (INTEGRAL.contains(type)) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "text";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a JSON object";
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
