package id.sinergi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A reviewer's "not the same person" for a record and a worker: automatic runs never link or propose the pair. */
@Entity
@Table(name = "match_exclusion")
@IdClass(MatchExclusion.Key.class)
public class MatchExclusion extends PanacheEntityBase {

    @Id
    @Column(name = "source_record_id")
    public UUID sourceRecordId;

    @Id
    @Column(name = "worker_id")
    public UUID workerId;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    public MatchExclusion() {}

    public MatchExclusion(UUID sourceRecordId, UUID workerId, Instant decidedAt) {
        this.sourceRecordId = sourceRecordId;
        this.workerId = workerId;
        this.decidedAt = decidedAt;
    }

    /** The workers a reviewer said this record is not. */
    public static Uni<Set<UUID>> workersExcludedFor(UUID sourceRecordId) {
        return MatchExclusion.<MatchExclusion>list("sourceRecordId", sourceRecordId)
                .map(list -> list.stream().map(e -> e.workerId).collect(Collectors.toSet()));
    }

    public static Uni<List<MatchExclusion>> find(UUID sourceRecordId, UUID workerId) {
        return list("sourceRecordId = ?1 and workerId = ?2", sourceRecordId, workerId);
    }

    /** The composite identifier Jakarta Persistence needs for the two-column key. */
    public record Key(UUID sourceRecordId, UUID workerId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
