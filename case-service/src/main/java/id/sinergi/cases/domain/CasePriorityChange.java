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

/** A raise of a case's priority at triage: from which to which, by whom and why. */
@Entity
@Table(name = "case_priority_change")
public class CasePriorityChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_priority", nullable = false, updatable = false)
    public Priority fromPriority;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_priority", nullable = false, updatable = false)
    public Priority toPriority;

    @Column(name = "actor_subject", nullable = false, updatable = false)
    public String actorSubject;

    @Column(name = "actor_username", updatable = false)
    public String actorUsername;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "changed_at", nullable = false, updatable = false)
    public Instant changedAt;
}
