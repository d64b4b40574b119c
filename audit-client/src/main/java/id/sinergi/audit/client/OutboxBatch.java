package id.sinergi.audit.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import id.sinergi.common.audit.AuditEvent;
import io.quarkus.logging.Log;
import java.util.ArrayList;
import java.util.List;

/**
 * One relay round's outbox entries, split into the events to deliver and the entries no retry could ever read.
 *
 * <p>An unreadable entry is set aside (its {@code attempts} counted, {@code last_error} marked) instead of failing
 * the round: otherwise one bad row would stop every later event from reaching audit-service. The relay skips set
 * aside entries from then on and the outbox health check counts them for the operator.
 *
 * <p>The relay sends each payload as it was written ({@code payloads}), not as this replica reads it: during a
 * rolling upgrade or a rollback, replicas of two releases share one outbox, and an older one must neither drop a
 * field a newer one wrote nor set its event aside. The payload is read as an {@link AuditEvent} only to know that it
 * is one, leniently about fields this release does not know; audit-service, which refuses unknown fields, decides.
 */
record OutboxBatch(
        List<AuditEvent> events, List<JsonNode> payloads, List<Long> deliverable, List<AuditOutboxEntry> setAside) {

    /** Parses each entry's payload; entries that do not parse are marked as set aside and logged once. */
    static OutboxBatch of(List<AuditOutboxEntry> entries, ObjectMapper mapper) {
        ObjectReader lenient =
                mapper.readerFor(AuditEvent.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<AuditEvent> events = new ArrayList<>(entries.size());
        List<JsonNode> payloads = new ArrayList<>(entries.size());
        List<Long> deliverable = new ArrayList<>(entries.size());
        List<AuditOutboxEntry> setAside = new ArrayList<>();
        for (AuditOutboxEntry entry : entries) {
            try {
                JsonNode payload = mapper.readTree(entry.payload);
                AuditEvent event = payload.isObject() ? lenient.treeToValue(payload, AuditEvent.class) : null;
                if (event == null) {
                    throw new JsonMappingException(null, "not a JSON object");
                }
                events.add(event);
                payloads.add(payload);
                deliverable.add(entry.seq);
            } catch (JsonProcessingException e) {
                setAside(entry, e);
                setAside.add(entry);
            }
        }
        return new OutboxBatch(events, payloads, deliverable, setAside);
    }

    /** Marks the entry unreadable, naming where parsing broke but nothing of the payload itself. */
    private static void setAside(AuditOutboxEntry entry, JsonProcessingException cause) {
        JsonLocation at = cause.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        entry.attempts++;
        entry.lastError = AuditOutboxEntry.UNREADABLE + ": not an audit event" + where;
        Log.warnf("event=audit-outbox-unreadable eventId=%s", entry.eventId);
    }
}
