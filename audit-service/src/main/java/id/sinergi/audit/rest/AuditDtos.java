package id.sinergi.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.audit.domain.AuditRecord;
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

    /** A stored event: the event as delivered, and when audit-service accepted it. */
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
            String reason) {

        static EventView of(AuditRecord r) {
            AuditEvent e = r.event();
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
                    e.reason());
        }
    }

    /** One page of a query. */
    @Schema(name = "AuditEventPage")
    public record EventPage(
            List<EventView> events,
            @Schema(description = "Pass as 'after' for the next page; null on the last page", nullable = true)
                    Long next) {}
}
