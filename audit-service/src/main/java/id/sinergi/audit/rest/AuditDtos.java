package id.sinergi.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.details.DetailsStatus;
import id.sinergi.audit.details.OpenedDetails;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.service.StoredEvent;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Response bodies of the audit API. */
public final class AuditDtos {

    private AuditDtos() {}

    /**
     * A stored event: the event as delivered, with its details opened where the worker's key still exists, and when
     * audit-service accepted it.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "StoredAuditEvent")
    public record EventView(
            @Schema(description = "Order of intake; the cursor of the pagination") long ingestId,
            @Schema(description = "When audit-service accepted the event") Instant recordedAt,
            UUID id,
            Instant occurredAt,
            String service,
            String action,
            AuditOutcome outcome,
            AuditActor actor,
            UUID workerId,
            String purpose,
            String resourceType,
            String resourceId,
            String reason,
            @Schema(
                            description =
                                    "The event's personal details, opened; absent when it has none or they cannot be"
                                            + " read (see detailsStatus)")
                    ObjectNode details,
            @Schema(
                            description = "Absent when the event has no details; ERASED once the worker's key was"
                                    + " destroyed; UNREADABLE when the configured master key does not open them")
                    DetailsStatus detailsStatus) {

        public static EventView of(StoredEvent stored) {
            AuditRecord r = stored.record();
            OpenedDetails opened = stored.details();
            AuditEvent e = r.event(opened == null ? null : opened.value());
            return new EventView(
                    r.ingestId,
                    r.recordedAt,
                    e.id(),
                    e.occurredAt(),
                    e.service(),
                    e.action(),
                    e.outcome(),
                    e.actor(),
                    e.workerId(),
                    e.purpose(),
                    e.resourceType(),
                    e.resourceId(),
                    e.reason(),
                    e.details(),
                    opened == null ? null : opened.status());
        }
    }

    /** One page of a query. */
    @Schema(name = "AuditEventPage")
    public record EventPage(
            List<EventView> events,
            @Schema(description = "Pass as 'after' for the next page; null on the last page", nullable = true)
                    Long next) {}
}
