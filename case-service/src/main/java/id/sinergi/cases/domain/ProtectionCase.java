package id.sinergi.cases.domain;

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

/** A consular protection case of one worker, handled by one mission. */
@Entity
@Table(name = "protection_case")
public class ProtectionCase extends PanacheEntityBase {

    @Id
    public UUID id;

    /** {@code <missionId>/<year>/<number>}, e.g. {@code KBRI-KUALALUMPUR/2026/000042}. */
    @Column(nullable = false, unique = true, updatable = false)
    public String reference;

    /** identity-service's worker id. */
    @Column(name = "worker_id", nullable = false, updatable = false)
    public UUID workerId;

    @Column(name = "mission_id", nullable = false, updatable = false)
    public String missionId;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    /** What was reported, in the reporter's words; may hold personal data, so it is never logged. */
    @Column(nullable = false)
    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CaseStatus status;

    @Column(name = "reported_at", nullable = false, updatable = false)
    public Instant reportedAt;

    /** Keycloak subject of whoever reported the case. */
    @Column(name = "reported_by", nullable = false, updatable = false)
    public String reportedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * consent-service's vital-interest authorisation for this case, the one invoked or renewed last; null when
     * none was ever invoked. It may have ended since: see {@link #vitalInterestExpiresAt}.
     */
    @Column(name = "vital_interest_id")
    public UUID vitalInterestId;

    /** When that authorisation ends unless renewed. */
    @Column(name = "vital_interest_expires_at")
    public Instant vitalInterestExpiresAt;

    /** Guards the workflow: of two changes made from the same version, only the first commits. */
    @Version
    public long version;
}
