package id.sinergi.cases.domain;

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
import org.hibernate.annotations.Formula;

/** A consular protection case of one worker, led by a mission abroad or by KemenP2MI at home. */
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

    /**
     * The mission of the country where the worker is or was: the lead when Kemlu leads, else the participating
     * mission. Null only for a case before departure or after return that concerns no country abroad.
     */
    @Column(name = "mission_id")
    public String missionId;

    /** The worker's phase when the case arose; it decided the lead agency at intake. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Phase phase;

    /** The agency leading the case; when Kemlu, its mission {@link #missionId} leads. */
    @Enumerated(EnumType.STRING)
    @Column(name = "lead_agency", nullable = false)
    public Agency leadAgency;

    /** The other agency taking part in the case, or null when it takes no part. */
    @Enumerated(EnumType.STRING)
    @Column(name = "participant_agency")
    public Agency participantAgency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    /** The desk the case was routed to. */
    @Enumerated(EnumType.STRING)
    @Column(name = "routed_to", nullable = false)
    public Desk routedTo;

    /** Who reported the case: the worker, or a family member or other proxy. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_relation", nullable = false, updatable = false)
    public ReporterRelation reporterRelation;

    /** The proxy's name; null when the worker reported. Personal data: never logged. */
    @Column(name = "reporter_name", updatable = false)
    public String reporterName;

    /** How the proxy is related to the worker, in their words (e.g. "ibu / mother"). */
    @Column(name = "reporter_relationship", updatable = false)
    public String reporterRelationship;

    /** How to reach the proxy (a telephone number or an address). Personal data: never logged. */
    @Column(name = "reporter_contact", updatable = false)
    public String reporterContact;

    /** When the first response is due: reported time plus the priority's first-response time. */
    @Column(name = "first_response_due", nullable = false)
    public Instant firstResponseDue;

    /** When the case is due to be resolved: reported time plus the priority's resolution time. */
    @Column(name = "resolution_due", nullable = false)
    public Instant resolutionDue;

    /** When the case was first triaged (its first response); null until then. */
    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;

    /** When the case was last resolved; null while it is not. */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** When the case was last closed; null while it is open. */
    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "category_code", nullable = false, updatable = false)
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

    /**
     * The highest escalation level the case has reached (0 while none; see {@code EscalationLevel}), read from
     * {@code case_escalation} with the case. Only the escalation job adds to it, never through this entity; it is no
     * change of the case and leaves its version as it is.
     */
    @Formula("(select coalesce(max(e.level), 0) from case_escalation e where e.case_id = id)")
    public int escalationLevel;

    /**
     * Guards every change: it is the case's ETag, an update must name it in If-Match, and of two changes made from
     * the same version only the first commits.
     */
    @Version
    public long version;
}
