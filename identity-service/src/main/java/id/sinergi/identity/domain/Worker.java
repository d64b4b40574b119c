package id.sinergi.identity.domain;

import id.sinergi.identity.matching.Sex;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One migrant worker, whatever number of source records are linked to them by matching. The attributes come from
 * the linked records by the precedence of {@link Source}; the flags sum up what every record said. A worker merged
 * into another keeps its row and names the survivor, so that references to it stay valid.
 */
@Entity
@Table(name = "worker")
public class Worker extends PanacheEntityBase {

    @Id
    public UUID id;

    /**
     * Personal data: never log it, never put it in a URL. Null while the worker is provisional: a NIK reaches the
     * worker only by an explicit promotion or from the record that founded the worker.
     */
    @Column(length = 16)
    public String nik;

    /** Whether an officer gave the NIK (promotion), rather than a linked record. */
    @Column(name = "nik_promoted", nullable = false)
    public boolean nikPromoted;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Assurance assurance;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public WorkerStatus status = WorkerStatus.ACTIVE;

    /** The worker this one was merged into; set exactly when {@link #status} is MERGED. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(name = "full_name", nullable = false, length = 150)
    public String fullName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Column(name = "birth_place", length = 100)
    public String birthPlace;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 1)
    public Sex sex;

    @Column(name = "destination_country", nullable = false, length = 2)
    public String destinationCountry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Phase phase;

    @Convert(converter = FlagSetConverter.class)
    @Column(nullable = false, length = 300)
    public Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isProvisional() {
        return assurance != Assurance.NIK_VERIFIED;
    }

    /**
     * Active workers holding this NIK, or linked to a source record that gives it: two indexed look-ups, then the
     * workers by primary key.
     */
    public static Uni<List<Worker>> withNik(String nik) {
        return Worker.<Worker>list("nik", nik)
                .flatMap(holders -> SourceRecord.<SourceRecord>list("nik", nik).flatMap(records -> {
                    List<UUID> ids = java.util.stream.Stream.concat(
                                    holders.stream().map(w -> w.id),
                                    records.stream().map(r -> r.workerId))
                            .distinct()
                            .toList();
                    return ids.isEmpty()
                            ? Uni.createFrom().item(List.<Worker>of())
                            : Worker.<Worker>list(
                                    "id in ?1 and status = ?2 order by createdAt", ids, WorkerStatus.ACTIVE);
                }));
    }
}
