package id.sinergi.cases.domain;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.security.Agency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A referral or transfer of a case to the other ministry or to a named service: who asked whom for what and why,
 * what worker data it shares and on which permit, and the receiving party's answer with its reason.
 */
@Entity
@Table(name = "case_referral")
public class CaseReferral extends PanacheEntityBase {

    /** How sharing the worker's data was allowed. */
    public enum SharingBasis {
        /** consent-service permitted every shared category. */
        PERMIT,
        /** PWNI headquarters overrode, with a written reason, without asking consent-service. */
        OVERRIDE
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ReferralKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ReferralTarget target;

    /** The mission a referral to Kemlu is addressed to; null for any other target. */
    @Column(name = "to_mission", updatable = false)
    public String toMission;

    /** The named service's provider (e.g. a shelter's or a law firm's name); null for a ministry. */
    @Column(name = "provider_name", updatable = false)
    public String providerName;

    /** Why the case is referred; may describe the worker's situation, so it is never logged or audited. */
    @Column(nullable = false, updatable = false)
    public String reason;

    /** The agency that led the case when it was referred. */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_agency", nullable = false, updatable = false)
    public Agency fromAgency;

    @Column(name = "from_mission", updatable = false)
    public String fromMission;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReferralStatus status;

    @Column(name = "shares_worker_data", nullable = false, updatable = false)
    public boolean sharesWorkerData;

    /** The categories of the worker's data the referral shares; empty when it shares none. */
    @Convert(converter = DataCategoriesConverter.class)
    @Column(name = "data_categories", updatable = false)
    public Set<DataCategory> dataCategories;

    /** How sharing was allowed; null when nothing is shared. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sharing_basis", updatable = false)
    public SharingBasis sharingBasis;

    /** consent-service's lawful basis of the permit, when the permitted categories share one. */
    @Enumerated(EnumType.STRING)
    @Column(name = "consent_basis", updatable = false)
    public LawfulBasis consentBasis;

    /** consent-service's reason code of the permit, e.g. {@code GRANT_IN_FORCE} or {@code LAWFUL_BASIS}. */
    @Column(name = "consent_reason", updatable = false)
    public String consentReason;

    /** The consent grant that decided, when exactly one did. */
    @Column(name = "consent_grant_id", updatable = false)
    public UUID consentGrantId;

    /** The vital-interest authorisation that decided, when one did. */
    @Column(name = "consent_vital_interest_id", updatable = false)
    public UUID consentVitalInterestId;

    /** PWNI headquarters' written reason for sharing without consent-service's permit. */
    @Column(name = "override_reason", updatable = false)
    public String overrideReason;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_username", updatable = false)
    public String createdUsername;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_username")
    public String decidedUsername;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
