package id.sinergi.consent.domain;

import id.sinergi.common.security.Agency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * The notice to a holder of a grant's data to stop processing it, due 3x24 hours after the grant was revoked or
 * paused. A pause's notice ends when the grant is resumed or revoked; an ended notice waits for no confirmation.
 */
@Entity
@Table(name = "stop_notice")
public class StopNotice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Column(name = "holder_id", nullable = false)
    public UUID holderId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Agency agency;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String subject;

    public String username;

    /** Why processing must stop: the grant was REVOKED, or PAUSED. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus cause;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    @Column(name = "confirmation_note")
    public String confirmationNote;

    /** When a pause's notice stopped applying: the grant was resumed or revoked. */
    @Column(name = "ended_at")
    public Instant endedAt;

    /** What ended it: ACTIVE (resumed) or REVOKED (replaced by the revocation's notice). */
    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public GrantStatus endedBy;

    @Version
    public long version;

    public boolean overdueAt(Instant instant) {
        return confirmedAt == null && endedAt == null && !instant.isBefore(dueAt);
    }
}
