package id.sinergi.consent.domain;

import id.sinergi.common.consent.CriticalCaseCategory;
import id.sinergi.common.consent.DataCategory;
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
import java.util.Set;
import java.util.UUID;

/**
 * A vital-interest authorisation: for one critical protection case, the agency of the consular officer handling it
 * may use the named categories of the worker's data without consent until {@code expiresAt}.
 */
@Entity
@Table(name = "vital_interest")
public class VitalInterest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Agency agency;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "case_category", nullable = false)
    public CriticalCaseCategory caseCategory;

    @Convert(converter = EnumSetConverter.Categories.class)
    @Column(name = "data_categories", nullable = false)
    public Set<DataCategory> dataCategories;

    @Column(name = "officer_subject", nullable = false)
    public String officerSubject;

    @Column(name = "officer_username")
    public String officerUsername;

    @Column(name = "officer_mission", nullable = false)
    public String officerMission;

    /** The officer's written reason; it may describe the worker's situation: never logged. */
    @Column(nullable = false)
    public String reason;

    /** The OAuth client that asked (case-service). */
    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(nullable = false)
    public int renewals;

    @Column(name = "last_renewed_at")
    public Instant lastRenewedAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "review_note")
    public String reviewNote;

    @Version
    public long version;

    public boolean inForceAt(Instant instant) {
        return !instant.isBefore(createdAt) && instant.isBefore(expiresAt);
    }

    /** The authorisations of the worker and agency in force at the instant, latest expiry first. */
    public static Uni<java.util.List<VitalInterest>> inForce(UUID workerId, Agency agency, Instant at) {
        return list(
                "workerId = ?1 and agency = ?2 and createdAt <= ?3 and expiresAt > ?3 order by expiresAt desc",
                workerId,
                agency,
                at);
    }
}
