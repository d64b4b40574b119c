package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Which events a query or a summary covers; every member is optional and they combine with "and".
 *
 * @param workerId events about this worker
 * @param actor events by this actor, named by Keycloak subject or by user name
 * @param action events of this action, e.g. {@code worker.placement.read}
 * @param outcome events that ended so
 * @param service events emitted by this service
 * @param from events that occurred at or after this instant
 * @param to events that occurred before this instant
 */
public record AuditFilter(
        UUID workerId, String actor, String action, AuditOutcome outcome, String service, Instant from, Instant to) {

    /** Adds this filter's conditions to an HQL where clause over {@code AuditRecord}, binding their values. */
    void appendConditions(StringJoiner where, Map<String, Object> params) {
        if (workerId != null) {
            where.add("workerId = :workerId");
            params.put("workerId", workerId);
        }
        if (actor != null) {
            where.add("(actorSubject = :actor or actorUsername = :actor)");
            params.put("actor", actor);
        }
        if (action != null) {
            where.add("action = :action");
            params.put("action", action);
        }
        if (outcome != null) {
            where.add("outcome = :outcome");
            params.put("outcome", outcome);
        }
        if (service != null) {
            where.add("service = :service");
            params.put("service", service);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params.put("to", to);
        }
    }

    /** The filter as the reason of the auditor's own audit event: parameter names and values, ids and codes. */
    String describe() {
        StringJoiner text = new StringJoiner(" ");
        text.setEmptyValue("filters=none");
        add(text, "workerId", workerId);
        add(text, "actor", actor);
        add(text, "action", action);
        add(text, "outcome", outcome);
        add(text, "service", service);
        add(text, "from", from);
        add(text, "to", to);
        return text.toString();
    }

    private static void add(StringJoiner text, String name, Object value) {
        if (value != null) {
            text.add(name + "=" + value);
        }
    }
}
