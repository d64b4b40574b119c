package id.sinergi.cases.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a case's workflow: from which status to which, by whom and why. */
@Entity
@Table(name = "case_status_change")
public class CaseStatusChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false)
    public CaseStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    public CaseStatus toStatus;

    /** Keycloak subject of the officer. */
    @Column(name = "actor_subject", nullable = false, updatable = false)
    public String actorSubject;

    /** Keycloak user name of the officer (an account name, not a person's name). */
    @Column(name = "actor_username", updatable = false)
    public String actorUsername;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;
}
