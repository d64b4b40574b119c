package id.sinergi.common.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.common.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One audited read, change or decision, as services send it to audit-service.
 *
 * <p>Names workers and officers by ids only, never by NIK, passport number or name. The one place for personal
 * data is {@code details}, which audit-service stores only encrypted under a key of the worker's own, so that
 * destroying that key erases them without touching the log (docs/audit.md).
 *
 * @param id unique per event; audit-service stores each id once, so redelivery is harmless
 * @param occurredAt when the service did the action
 * @param service the emitting service, e.g. {@code identity-service}
 * @param action what was done, {@code <resource>.<verb>} in kebab case, e.g. {@code worker.placement.read}
 * @param outcome how it ended
 * @param actor who did it
 * @param workerId the worker whose data was touched, if any
 * @param purpose the declared purpose of processing, if any (e.g. {@code PROTECTION_CASE_HANDLING})
 * @param resourceType the kind of record touched, e.g. {@code worker}, {@code case}, {@code consent-grant}
 * @param resourceId the id of that record
 * @param reason why the outcome was what it was (a rule, a grant id); no personal data
 * @param details optional personal details of the event, e.g. what a worker reported: a small JSON object
 *     ({@link SmallJsonObject}); only allowed with a {@code workerId}, whose key encrypts it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEvent(
        @NotNull UUID id,
        @NotNull Instant occurredAt,
        @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z][a-z0-9-]*") String service,
        @NotBlank @Size(max = 96) @Pattern(regexp = "[a-z][a-z0-9.-]*") String action,
        @NotNull AuditOutcome outcome,
        @NotNull @Valid AuditActor actor,
        UUID workerId,
        @Size(max = 64) String purpose,
        @Size(max = 64) String resourceType,
        @Size(max = 128) String resourceId,
        @Size(max = 500) String reason,
        @SmallJsonObject(maxBytes = AuditEvent.MAX_DETAILS_BYTES, maxDepth = AuditEvent.MAX_DETAILS_DEPTH)
                ObjectNode details) {

    /** The most bytes the details may take as compact UTF-8 JSON. */
    public static final int MAX_DETAILS_BYTES = 4096;

    /** The deepest nesting the details may have; the object itself is level 1. */
    public static final int MAX_DETAILS_DEPTH = 4;

    /** The event with the details left out as text: they may be personal data and must never reach a log. */
    @Override
    public String toString() {
        return "AuditEvent[id=" + id + ", occurredAt=" + occurredAt + ", service=" + service + ", action=" + action
                + ", outcome=" + outcome + ", actor=" + actor + ", workerId=" + workerId + ", purpose=" + purpose
                + ", resourceType=" + resourceType + ", resourceId=" + resourceId + ", reason=" + reason
                + ", details=" + (details == null ? "none" : "(withheld)") + "]";
    }

    /** Starts an event of this service, action and actor, happening now. */
    public static Builder of(String service, String action, AuditActor actor) {
        return new Builder(service, action, actor);
    }

    /** Fills the optional parts of an event before it is recorded. */
    public static final class Builder {
        private final String service;
        private final String action;
        private final AuditActor actor;
        private AuditOutcome outcome = AuditOutcome.SUCCESS;
        private UUID workerId;
        private String purpose;
        private String resourceType;
        private String resourceId;
        private String reason;
        private ObjectNode details;

        private Builder(String service, String action, AuditActor actor) {
            this.service = service;
            this.action = action;
            this.actor = actor;
        }

        public Builder outcome(AuditOutcome value) {
            this.outcome = value;
            return this;
        }

        public Builder worker(UUID value) {
            this.workerId = value;
            return this;
        }

        public Builder purpose(String value) {
            this.purpose = value;
            return this;
        }

        public Builder resource(String type, Object id) {
            this.resourceType = type;
            this.resourceId = id == null ? null : id.toString();
            return this;
        }

        public Builder reason(String value) {
            this.reason = value;
            return this;
        }

        /** Personal details of the event; audit-service encrypts them under the worker's key. */
        public Builder details(ObjectNode value) {
            this.details = value;
            return this;
        }

        public AuditEvent build() {
            return new AuditEvent(
                    Ids.next(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS),
                    service,
                    action,
                    outcome,
                    actor,
                    workerId,
                    purpose,
                    resourceType,
                    resourceId,
                    reason,
                    details);
        }
    }
}
