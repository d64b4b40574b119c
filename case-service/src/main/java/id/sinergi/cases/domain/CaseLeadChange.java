package id.sinergi.cases.domain;

import id.sinergi.common.security.Agency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A hand-over of a case's lead: from which agency and mission to which, by whom and why. */
@Entity
@Table(name = "case_lead_change")
public class CaseLeadChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_agency", nullable = false, updatable = false)
    public Agency fromAgency;

    @Column(name = "from_mission", updatable = false)
    public String fromMission;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_agency", nullable = false, updatable = false)
    public Agency toAgency;

    @Column(name = "to_mission", updatable = false)
    public String toMission;

    @Column(name = "actor_subject", nullable = false, updatable = false)
    public String actorSubject;

    @Column(name = "actor_username", updatable = false)
    public String actorUsername;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;
}
