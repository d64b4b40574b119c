package id.sinergi.consent.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of a grant: the status it changed to, who changed it, when and why, and the grant after it. */
@Entity
@Table(name = "consent_grant_version")
public class GrantVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id", nullable = false, updatable = false)
    public UUID grantId;

    @Column(name = "worker_id", nullable = false, updatable = false)
    public UUID workerId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public GrantStatus status;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;

    /** Keycloak subject of whoever made the change, or the service's name for the clock's changes. */
    @Column(name = "changed_by", nullable = false, updatable = false)
    public String changedBy;

    @Column(name = "changed_by_username", updatable = false)
    public String changedByUsername;

    @Column(updatable = false)
    public String reason;

    /** The grant after this change, as JSON. */
    @Column(nullable = false, updatable = false)
    public String snapshot;

    public static Uni<List<GrantVersion>> ofGrant(UUID grantId) {
        return list("grantId = ?1 order by revision", grantId);
    }

    public static Uni<List<GrantVersion>> ofWorker(UUID workerId) {
        return list("workerId = ?1 order by changedAt, grantId, revision", workerId);
    }
}
