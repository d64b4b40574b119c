package id.sinergi.audit.rest;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import java.util.List;

/**
 * The Bean Validation constraints of {@link AuditEvent} and {@link AuditActor}, written out as plain tests, for the
 * batch intake: an event that passes is valid under those constraints, so Hibernate Validator need not walk its two
 * dozen rules one by one (a fifth of audit-service's work on a batch of a thousand, docs/benchmarks.md). An event
 * that does not pass, or that carries details, is validated by Hibernate Validator, whose violations make the
 * answer, so the rules and their messages have one source. PlainEventCheckTest holds this to the constraints:
 * it lists them from Hibernate Validator's metadata, so a constraint added to the events fails it until it is
 * written here too, and it compares both on events that break each rule.
 */
final class PlainEventCheck {

    private PlainEventCheck() {}

    /** Whether the event certainly satisfies its constraints; false says only that Hibernate Validator must look. */
    static boolean passes(AuditEvent e) {
        return e.id() != null
                && e.occurredAt() != null
                && code(e.service(), 64, false)
                && code(e.action(), 96, true)
                && e.outcome() != null
                && actor(e.actor())
                && atMost(e.purpose(), 64)
                && atMost(e.resourceType(), 64)
                && atMost(e.resourceId(), 128)
                && atMost(e.reason(), 500)
                && e.details() == null;
    }

    private static boolean actor(AuditActor a) {
        return a != null
                && a.subject() != null
                && !a.subject().isBlank()
                && a.subject().length() <= 64
                && atMost(a.username(), 255)
                && atMost(a.agency(), 16)
                && atMost(a.mission(), 64)
                && atMost(a.clientId(), 255)
                && roles(a.roles());
    }

    private static boolean roles(List<String> roles) {
        if (roles == null) {
            return true;
        }
        for (String role : roles) {
            if (!atMost(role, 64)) {
                return false;
            }
        }
        return true;
    }

    private static boolean atMost(String value, int max) {
        return value == null || value.length() <= max;
    }

    /**
     * {@code [a-z][a-z0-9-]*}, or {@code [a-z][a-z0-9.-]*} with dots, of at most {@code max} characters: the service's
     * and the action's pattern, which also makes them not blank.
     */
    private static boolean code(String value, int max, boolean dots) {
        if (value == null || value.isEmpty() || value.length() > max) {
            return false;
        }
        char first = value.charAt(0);
        if (first < 'a' || first > 'z') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || (dots && c == '.'))) {
                return false;
            }
        }
        return true;
    }
}
