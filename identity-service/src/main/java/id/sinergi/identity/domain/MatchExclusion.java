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

    /**
     * What a reviewer ruled out for a record and its worker, both ways: the workers the record is not, and the
     * records that are not its worker (a record unlinked from the worker must not pull the worker's other records
     * after it either).
     */
    public static Uni<Exclusions> around(UUID sourceRecordId, UUID workerId) {
        return MatchExclusion.<MatchExclusion>list("sourceRecordId = ?1 or workerId = ?2", sourceRecordId, workerId)
                .map(list -> new Exclusions(
                        list.stream()
                                .filter(e -> e.sourceRecordId.equals(sourceRecordId))
                                .map(e -> e.workerId)
                                .collect(Collectors.toSet()),
                        list.stream()
                                .filter(e -> e.workerId.equals(workerId))
                                .map(e -> e.sourceRecordId)
                                .collect(Collectors.toSet())));
    }

    /** The workers a record is not, and the records its worker is not. */
    public record Exclusions(Set<UUID> workers, Set<UUID> records) {

        public boolean rulesOut(UUID candidateRecord, UUID candidateWorker) {
            return workers.contains(candidateWorker) || records.contains(candidateRecord);
        }
    }

    /** The composite identifier Jakarta Persistence needs for the two-column key. */
    public record Key(UUID sourceRecordId, UUID workerId) implements Serializable {

        public Key() {
            this(null, null);
        }
    }
}
