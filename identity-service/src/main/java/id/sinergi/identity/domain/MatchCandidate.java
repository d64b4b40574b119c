package id.sinergi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A question in the review queue: is this source record the same person as this worker? */
@Entity
@Table(name = "match_candidate")
public class MatchCandidate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_record_id", nullable = false)
    public UUID sourceRecordId;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Column(nullable = false)
    public double score;

    /** The per-field scores as JSON, as the matcher gave them when the question was opened. */
    @Column(nullable = false)
    public String explanation;

    @Column(name = "rules_version", nullable = false, length = 40)
    public String rulesVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public CandidateStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    /** The deciding officer's id (token subject), or {@code system} when a decision elsewhere closed it. */
    @Column(name = "decided_by", length = 100)
    public String decidedBy;

    @Column(name = "decision_reason", length = 500)
    public String decisionReason;

    @Version
    public long version;

    public static Uni<List<MatchCandidate>> openForRecord(UUID sourceRecordId) {
        return list("sourceRecordId = ?1 and status = ?2", sourceRecordId, CandidateStatus.OPEN);
    }

    public static Uni<List<MatchCandidate>> openForWorker(UUID workerId) {
        return list("workerId = ?1 and status = ?2", workerId, CandidateStatus.OPEN);
    }

    public static Uni<Long> openCount(UUID sourceRecordId, UUID workerId) {
        return count(
                "sourceRecordId = ?1 and workerId = ?2 and status = ?3",
                sourceRecordId,
                workerId,
                CandidateStatus.OPEN);
    }
}
