package id.sinergi.audit.client;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An audit event waiting in the service's own database until the relay has delivered it to audit-service.
 *
 * <p>Each service's first migration creates the table {@code audit_outbox}; rows are written in the same
 * transaction as the read or change they describe, so no event is lost and none is invented.
 */
@Entity
@Table(name = "audit_outbox")
public class AuditOutboxEntry extends PanacheEntityBase {

    /** How {@code last_error} of an entry the relay set aside begins: its payload is no audit event. */
    static final String UNREADABLE = "unreadable";

    /** SQL condition of the entries set aside as unreadable: the health check counts them. */
    static final String SET_ASIDE = "last_error LIKE '" + UNREADABLE + "%'";

    /** SQL condition of the entries still to deliver: the relay sends them. */
    static final String NOT_SET_ASIDE = "(last_error IS NULL OR last_error NOT LIKE '" + UNREADABLE + "%')";

    /**
     * Delivery order: the order in which the service recorded its events. Taken from the identity column's
     * sequence 50 at a time (each service's migration sets its increment to 50), so that a transaction writing many
     * events inserts them in one batch instead of one round trip each.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_outbox_seq")
    @SequenceGenerator(name = "audit_outbox_seq", sequenceName = "audit_outbox_seq_seq", allocationSize = 50)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    /** The event as JSON, exactly as it will be sent. */
    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Delivery attempts that failed for this entry itself; today only the one that set it aside. */
    @Column(nullable = false)
    public int attempts;

    /** Why this entry is not delivered; {@link #UNREADABLE} and where parsing broke when it was set aside. */
    @Column(name = "last_error", length = 500)
    public String lastError;
}
