package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import java.time.Instant;
import java.util.List;

/**
 * What an event must satisfy beyond its Bean Validation constraints, so that PostgreSQL stores it exactly and the
 * row re-reads to the bytes it was hashed from.
 */
final class EventRules {

    /** The canonical form writes four-digit years; PostgreSQL keeps far older and later instants differently. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private EventRules() {}

    /** Throws a 400 problem naming the first offending field; in a batch its path starts with the index. */
    static void check(List<AuditEvent> events, boolean batch) {
        for (int i = 0; i < events.size(); i++) {
            check(events.get(i), batch ? "[" + i + "]." : "");
        }
    }

    private static void check(AuditEvent event, String where) {
        if (event.occurredAt().isBefore(EARLIEST) || event.occurredAt().isAfter(LATEST)) {
            throw ProblemException.invalidField(
                    "occurred-at-out-of-range", where + "occurredAt", "must lie between the years 2000 and 9999");
        }
        text(where, "service", event.service());
        text(where, "action", event.action());
        text(where, "purpose", event.purpose());
        text(where, "resourceType", event.resourceType());
        text(where, "resourceId", event.resourceId());
        text(where, "reason", event.reason());
        AuditActor actor = event.actor();
        text(where, "actor.subject", actor.subject());
        text(where, "actor.username", actor.username());
        text(where, "actor.agency", actor.agency());
        text(where, "actor.mission", actor.mission());
        text(where, "actor.clientId", actor.clientId());
        if (actor.roles() != null) {
            for (String role : actor.roles()) {
                text(where, "actor.roles", role);
            }
        }
    }

    /** PostgreSQL text holds no NUL character, and a lone surrogate has no UTF-8 form: both would not re-read. */
    private static void text(String where, String field, String value) {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (paired) {
                i++;
            } else if (c == 0 || Character.isSurrogate(c)) {
                throw ProblemException.invalidField(
                        "invalid-text", where + field, "must not contain NUL characters or unpaired surrogates");
            }
        }
    }
}
