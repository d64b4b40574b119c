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

/** An officer's request to close a resolved case, and a supervisor's decision on it (never the asker's own). */
@Entity
@Table(name = "case_closure_request")
public class CaseClosureRequest extends PanacheEntityBase {

    /** A supervisor's answer to a closure request. */
    public enum Decision {
        APPROVED,
        REJECTED,
        /** The case left RESOLVED another way (back to work) while the request waited. */
        WITHDRAWN
    }

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_username", updatable = false)
    public String requestedUsername;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public Instant requestedAt;

    /** Null while undecided. */
    @Enumerated(EnumType.STRING)
    @Column
    public Decision decision;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_username")
    public String decidedUsername;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "decided_at")
    public Instant decidedAt;
}
