package id.sinergi.common.security;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records in the service's audit log that a caller was refused an operation by role (403 {@code forbidden}),
 * before any record was looked up. Each service provides one bean: the services with an outbox through
 * sinergi-audit-client, audit-service straight into its own log. The common problem mapper calls it.
 */
public interface RoleDenials {

    /** The action of the DENIED event a refusal by role is recorded as. */
    String ACTION = "operation.forbidden";

    /** The resource type of that event; its resource id is the operation, e.g. {@code POST /api/cases/{id}/lead}. */
    String RESOURCE_TYPE = "operation";

    /** Records the refusal; the answer to the caller does not wait on its outcome beyond this Uni. */
    Uni<Void> record(AuditActor actor, String operation, Map<String, String> pathIds);

    /**
     * The DENIED event of a refusal by role: the operation as its method and path template, and the path's ids
     * (only the values that are UUIDs, so that no free text of a path reaches the log) in the reason.
     */
    static AuditEvent event(String service, AuditActor actor, String operation, Map<String, String> pathIds) {
        StringBuilder reason = new StringBuilder("role-not-allowed");
        new TreeMap<>(pathIds).forEach((name, value) -> {
            if (isUuid(value)) {
                reason.append(' ').append(name).append('=').append(value);
            }
        });
        return AuditEvent.of(service, ACTION, actor)
                .outcome(AuditOutcome.DENIED)
                .resource(RESOURCE_TYPE, operation.length() > 128 ? operation.substring(0, 128) : operation)
                .reason(reason.toString())
                .build();
    }

    /**
     * The operation a resource method serves as its HTTP method and path template, e.g.
     * {@code POST /api/cases/{id}/triage}, with each parameter's regular expression left out as OpenAPI does;
     * null when there is no method.
     */
    static String operation(Class<?> type, Method method) {
        if (type == null || method == null) {
            return null;
        }
        String verb = null;
        for (Annotation a : method.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                verb = http.value();
            }
        }
        jakarta.ws.rs.Path onType = type.getAnnotation(jakarta.ws.rs.Path.class);
        jakarta.ws.rs.Path onMethod = method.getAnnotation(jakarta.ws.rs.Path.class);
        String template = join(onType == null ? "" : onType.value(), onMethod == null ? "" : onMethod.value());
        return (verb == null ? "*" : verb) + " " + withoutExpressions(template);
    }

    private static String join(String a, String b) {
        String left = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String right = b.isEmpty() || b.startsWith("/") ? b : "/" + b;
        String joined = left + right;
        return joined.startsWith("/") ? joined : "/" + joined;
    }

    /** {@code /a/{id: [0-9a-f]{8}}/b} as {@code /a/{id}/b}. */
    static String withoutExpressions(String template) {
        StringBuilder out = new StringBuilder(template.length());
        int depth = 0;
        boolean skipping = false;
        for (char c : template.toCharArray()) {
            if (c == '{') {
                depth++;
                if (depth > 1) {
                    continue;
                }
            } else if (c == '}') {
                depth--;
                if (depth > 0) {
                    continue;
                }
                skipping = false;
            } else if (depth == 1 && c == ':') {
                skipping = true;
                continue;
            } else if (depth > 1 || skipping || (depth == 1 && c == ' ')) {
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isUuid(String value) {
        try {
            return value != null && value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
