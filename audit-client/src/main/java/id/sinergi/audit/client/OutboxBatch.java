package id.sinergi.audit.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 */
record OutboxBatch(List<AuditEvent> events, List<Long> deliverable, List<AuditOutboxEntry> setAside) {

    /** Parses each entry's payload; entries that do not parse are marked as set aside and logged once. */
    static OutboxBatch of(List<AuditOutboxEntry> entries, ObjectMapper mapper) {
        List<AuditEvent> events = new ArrayList<>(entries.size());
        List<Long> deliverable = new ArrayList<>(entries.size());
        List<AuditOutboxEntry> setAside = new ArrayList<>();
        for (AuditOutboxEntry entry : entries) {
            try {
                events.add(mapper.readValue(entry.payload, AuditEvent.class));
                deliverable.add(entry.seq);
            } catch (JsonProcessingException e) {
                setAside(entry, e);
                setAside.add(entry);
            }
        }
        return new OutboxBatch(events, deliverable, setAside);
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
