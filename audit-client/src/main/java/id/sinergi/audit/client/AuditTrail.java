package id.sinergi.audit.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.audit.AuditEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Records audit events into the service's outbox.
 *
 * <p>{@link #record} joins the caller's open reactive transaction, so the event commits or rolls back with the
 * read or change it describes. {@link #recordAlone} opens its own, for events with nothing else to write
 * (a denial, a failed check).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    ObjectMapper mapper;

    @Inject
    AuditConfig config;

    /** The name events of this service carry. */
    public String serviceName() {
        return config.serviceName();
    }

    /** Adds the event to the outbox inside the current transaction. */
    public Uni<Void> record(AuditEvent event) {
        AuditOutboxEntry entry = new AuditOutboxEntry();
        entry.eventId = event.id();
        entry.createdAt = Instant.now();
        try {
            entry.payload = payload(event);
        } catch (IllegalStateException e) {
            return Uni.createFrom().failure(e);
        }
        return entry.persist().replaceWithVoid();
    }

    /**
     * The event as the outbox's {@code payload} column holds it, for a service that writes its outbox row in a
     * statement of its own (consent-service's decisions); the row's other columns are its id and creation time.
     */
    public String payload(AuditEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event cannot be serialised", e);
        }
    }

    /** Adds the event to the outbox in a transaction of its own. */
    public Uni<Void> recordAlone(AuditEvent event) {
        return Panache.withTransaction(() -> record(event));
    }
}
