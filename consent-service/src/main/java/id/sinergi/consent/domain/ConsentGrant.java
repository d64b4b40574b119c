package id.sinergi.consent.domain;

import id.sinergi.common.consent.DataCategory;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "given_by", nullable = false)
    public GrantGiver givenBy;

    /** The guardian's or representative's name; personal data of someone else: never logged. */
    @Column(name = "giver_name")
    public String giverName;

    @Enumerated(EnumType.STRING)
    @Column(name = "giver_relationship")
    public GiverRelationship giverRelationship;

    /** How long the receiver may keep data it got under this grant: an ISO-8601 period such as {@code P1Y}. */
    @Column(nullable = false)
    public String retention;

    @Enumerated(EnumType.STRING)
    @Column(name = "capture_channel", nullable = false)
    public CaptureChannel captureChannel;

    @Enumerated(EnumType.STRING)
    @Column(name = "capture_place")
    public CapturePlace capturePlace;

    /** The mission or service point code. */
    @Column(name = "capture_place_code")
    public String capturePlaceCode;

    /** Keycloak subject of the officer who assisted. */
    @Column(name = "captured_by")
    public String capturedBy;

    @Column(name = "captured_by_username")
    public String capturedByUsername;

    /** BCP-47 tag of the language the consent was explained and given in. */
    @Column(name = "capture_language")
    public String captureLanguage;

    @Column(name = "interpreter_name")
    public String interpreterName;

    @Column(name = "witness_name")
    public String witnessName;

    /** The number of the grant's latest version in its history; 1 when recorded. */
    @Column(nullable = false)
    public int revision;

    /** How many decisions used this grant; counted by a statement of its own, never through this entity. */
    @Column(name = "use_count", insertable = false, updatable = false)
    public long useCount;

    @Version
    public long version;

    public static Uni<List<ConsentGrant>> forWorker(UUID workerId) {
        return list("workerId = ?1 order by grantedAt", workerId);
    }

    /** What a decision reads of this grant. */
    public GrantTerms terms() {
        return new GrantTerms(id, purposes, dataCategories, validFrom, validUntil, status, grantedAt);
    }

    /** Whether the grant is in force at the instant: active and inside [validFrom, validUntil). */
    public boolean inForceAt(Instant instant) {
        return terms().inForceAt(instant);
    }

    /** The status as it reads at the instant: an open grant is EXPIRED from validUntil on, stored so or not yet. */
    public GrantStatus statusAt(Instant instant) {
        return terms().statusAt(instant);
    }

    public boolean covers(Purpose purpose, DataCategory category) {
        return terms().covers(purpose, category);
    }
}
