package id.sinergi.cases.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One outcome of a case, recorded by the lead side; a case may have several. */
@Entity
@Table(name = "case_outcome")
public class CaseOutcome extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public OutcomeKind kind;

    /** The wages recovered, to two decimal places; WAGES_RECOVERED only. */
    @Column(updatable = false, precision = 14, scale = 2)
    public BigDecimal amount;

    /** ISO 4217 code of {@link #amount}'s currency, e.g. {@code MYR}. */
    @Column(updatable = false)
    public String currency;

    /** When it happened: required for (remains) repatriated, optional for the others. */
    @Column(name = "occurred_on", updatable = false)
    public LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_result", updatable = false)
    public LegalResult legalResult;

    /** The officer's note; may describe the worker's situation, so it is never logged or audited. */
    @Column(updatable = false)
    public String note;

    @Column(name = "actor_subject", nullable = false, updatable = false)
    public String actorSubject;

    @Column(name = "actor_username", updatable = false)
    public String actorUsername;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
