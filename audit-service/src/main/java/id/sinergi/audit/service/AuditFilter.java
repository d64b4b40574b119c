package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditOutcome;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Which events a query, an export or a summary covers; every member is optional and they combine with "and".
 *
 * @param workerId events about this worker
 * @param actor events by this actor, named by Keycloak subject or by user name
 * @param agency events by an actor of this agency ({@code KEMLU}, {@code KEMENP2MI})
 * @param mission events by an actor of this mission, e.g. {@code KBRI-KUALALUMPUR}
 * @param action events of this action, e.g. {@code worker.placement.read}
 * @param outcome events that ended so
 * @param purpose events declaring this purpose of processing, e.g. {@code PROTECTION_CASE_HANDLING}
 * @param service events emitted by this service
 * @param from events that occurred at or after this instant
 * @param to events that occurred before this instant
 */
public record AuditFilter(
        UUID workerId,
        String actor,
        String agency,
        String mission,
        String action,
        AuditOutcome outcome,
        String purpose,
        String service,
        Instant from,
        Instant to) {

    /** The filter that covers every event. */
    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null, null, null);

    /** Adds this filter's conditions over {@code audit_entry e}, binding their values. */
    void appendConditions(SqlWhere where) {
        if (workerId != null) {
            where.and("e.worker_id = " + where.bind(workerId)).viaBitmaps();
        }
        if (actor != null) {
            // The actor's events are found through the subject's index: the subject named, and those that carried
            // the user name named (audit_actor_name, V12); the second condition keeps only the events that name it.
            String p = where.bind(actor);
            where.and("e.actor_subject = ANY(ARRAY(SELECT CAST(" + p + " AS varchar) UNION SELECT n.subject"
                            + " FROM audit_actor_name n WHERE n.username = " + p + "))")
                    .and("(e.actor_subject = " + p + " OR e.actor_username = " + p + ")")
                    .viaBitmapsFromStart();
        }
        if (agency != null) {
            where.and("e.actor_agency = " + where.bind(agency));
        }
        if (mission != null) {
            where.and("e.actor_mission = " + where.bind(mission));
        }
        if (action != null) {
            where.and("e.action = " + where.bind(action));
        }
        if (outcome != null) {
            where.and("e.outcome = " + where.bind(outcome.name()));
            if (outcome != AuditOutcome.SUCCESS) {
                // Lets the planner use the index of the rare outcomes (V10), which a bound value alone cannot.
                where.and("e.outcome <> 'SUCCESS'");
            }
        }
        if (purpose != null) {
            where.and("e.purpose = " + where.bind(purpose));
        }
        if (service != null) {
            where.and("e.service = " + where.bind(service));
        }
        if (from != null) {
            where.and("e.occurred_at >= " + where.bind(from.atOffset(ZoneOffset.UTC)))
                    .viaBitmapsFromStart();
        }
        if (to != null) {
            where.and("e.occurred_at < " + where.bind(to.atOffset(ZoneOffset.UTC)))
                    .viaBitmapsFromStart();
        }
    }

    /** The filter as the reason of the auditor's own audit event: parameter names and values, ids and codes. */
    String describe() {
        StringJoiner text = new StringJoiner(" ");
        text.setEmptyValue("filters=none");
        add(text, "workerId", workerId);
        add(text, "actor", actor);
        add(text, "agency", agency);
        add(text, "mission", mission);
        add(text, "action", action);
        add(text, "outcome", outcome);
        add(text, "purpose", purpose);
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
