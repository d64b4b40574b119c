package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.json.CleanText;
import id.sinergi.common.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a delivered event must satisfy beyond its Bean Validation constraints: it names the service delivering it,
 * it claims no time more than a few minutes ahead, and PostgreSQL stores it exactly, so that the row re-reads to
 * the bytes it was hashed from.
 */
final class EventRules {

    /** The canonical form writes four-digit years; PostgreSQL keeps far older and later instants differently. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    /**
     * How far after now an event may say it happened: room for clocks that run a little ahead. Events from the
     * past have no bound, because outboxes hold them while audit-service is down.
     */
    static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);

    private EventRules() {}

    /**
     * Throws a 403 {@code service-mismatch} when an event names another service than the OAuth client delivering
     * it, else a 400 problem naming the first offending field; in a batch the detail or the field's path names the
     * index.
     *
     * @param checkText whether to check every text field for what PostgreSQL cannot keep as given; false only for
     *     events read from a request body, whose every string the strict JSON reader (common's StrictJsonCustomizer)
     *     already held to the same rule ({@link CleanText}), answering 400 {@code invalid-text}
     */
    static void check(List<AuditEvent> events, boolean batch, String deliverer, Instant now, boolean checkText) {
        for (int i = 0; i < events.size(); i++) {
            String service = events.get(i).service();
            if (!Objects.equals(service, deliverer)) {
                throw ProblemException.forbidden(
                        "service-mismatch",
                        "Event of another service",
                        (batch ? "Event [" + i + "]" : "The event") + " names service '" + service
                                + "', but was delivered by "
                                + (deliverer == null ? "a token naming no client" : "client '" + deliverer + "'")
                                + "; a service delivers only its own events");
            }
        }
        Instant latest = now.plus(MAX_CLOCK_AHEAD);
        for (int i = 0; i < events.size(); i++) {
            check(events.get(i), batch ? "[" + i + "]." : "", latest, checkText);
        }
    }

    private static void check(AuditEvent event, String where, Instant latest, boolean checkText) {
        if (event.occurredAt().isBefore(EARLIEST) || event.occurredAt().isAfter(LATEST)) {
            throw ProblemException.invalidField(
                    "occurred-at-out-of-range", where + "occurredAt", "must lie between the years 2000 and 9999");
        }
        if (event.occurredAt().isAfter(latest)) {
            throw ProblemException.invalidField(
                    "occurred-at-in-future",
                    where + "occurredAt",
                    "must not lie more than " + MAX_CLOCK_AHEAD.toMinutes() + " minutes after the time of delivery");
        }
        if (event.details() != null && event.workerId() == null) {
            throw ProblemException.invalidField(
                    "details-without-worker",
                    where + "details",
                    "are only allowed in an event that names its workerId, whose key encrypts them");
        }
        if (!checkText) {
            return;
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
        if (!CleanText.isClean(value)) {
            throw ProblemException.invalidField(
                    "invalid-text", where + field, "must not contain control characters or unpaired surrogates");
        }
    }
}
