package id.sinergi.consent.domain;

import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A worker's consent for one receiving agency to use some categories of their data for some purposes. */
@Entity
@Table(name = "consent_grant")
public class ConsentGrant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "receiving_agency", nullable = false)
    public Agency receivingAgency;

    @Convert(converter = EnumSetConverter.Purposes.class)
    @Column(nullable = false)
    public Set<Purpose> purposes;

    @Convert(converter = EnumSetConverter.Categories.class)
    @Column(name = "data_categories", nullable = false)
    public Set<DataCategory> dataCategories;

    @Column(name = "valid_from", nullable = false)
    public Instant validFrom;

    @Column(name = "valid_until", nullable = false)
    public Instant validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GrantStatus status;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    /** Keycloak subject of whoever recorded the grant. */
    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Version
    public long version;

    public static Uni<List<ConsentGrant>> forWorker(UUID workerId) {
        return list("workerId = ?1 order by grantedAt", workerId);
    }

    public static Uni<List<ConsentGrant>> forWorkerAndAgency(UUID workerId, Agency agency) {
        return list("workerId = ?1 and receivingAgency = ?2 order by grantedAt desc", workerId, agency);
    }

    /** Whether the grant is in force at the instant: active and inside [validFrom, validUntil). */
    public boolean inForceAt(Instant instant) {
        return status == GrantStatus.ACTIVE && !instant.isBefore(validFrom) && instant.isBefore(validUntil);
    }
}
