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

/** What one source system said in one of its records about a worker, as last received. */
@Entity
@Table(name = "source_record")
public class SourceRecord extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Source source;

    /** The record's id in the source system; with {@link #source} it names the record. */
    @Column(name = "source_record_id", nullable = false, length = 64)
    public String sourceRecordId;

    /** Null when the source has no NIK for the worker. */
    @Column(length = 16)
    public String nik;

    @Column(name = "passport_number", length = 9)
    public String passportNumber;

    /** ICAO code of the passport's issuing state, e.g. IDN. */
    @Column(name = "passport_issuing_state", length = 3)
    public String passportIssuingState;

    @Column(name = "passport_expiry_date")
    public LocalDate passportExpiryDate;

    @Column(name = "birth_place", length = 100)
    public String birthPlace;

    /** Who reported the worker, for family-reported records; null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column(name = "reported_by", length = 16)
    public Relationship reportedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_kind", nullable = false, length = 8)
    public LinkKind linkKind;

    /** What the checks found about this record alone (NIK mismatches, an expired passport). */
    @Convert(converter = FlagSetConverter.class)
    @Column(nullable = false, length = 300)
    public Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);

    @Column(name = "full_name", nullable = false, length = 150)
    public String fullName;

    @Column(name = "birth_date", nullable = false)
    public LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 1)
    public Sex sex;

    @Column(name = "destination_country", nullable = false, length = 2)
    public String destinationCountry;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Phase phase;

    @Column(name = "employer_name", length = 200)
    public String employerName;

    @Column(name = "placement_agency", length = 200)
    public String placementAgency;

    @Column(length = 100)
    public String occupation;

    @Column(name = "departure_date")
    public LocalDate departureDate;

    @Column(name = "contract_end_date")
    public LocalDate contractEndDate;

    /** SHA-256 (hex) of the content last received, to tell a resend from a change. */
    @Column(name = "content_hash", nullable = false, length = 64)
    public String contentHash;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Whether the record carries any placement detail. */
    public boolean hasPlacement() {
        return employerName != null
                || placementAgency != null
                || occupation != null
                || departureDate != null
                || contractEndDate != null;
    }

    public static Uni<SourceRecord> findByKey(Source source, String sourceRecordId) {
        return find("source = ?1 and sourceRecordId = ?2", source, sourceRecordId)
                .firstResult();
    }

    /** The stored records of this source among these ids. */
    public static Uni<List<SourceRecord>> findByKeys(Source source, List<String> sourceRecordIds) {
        return list("source = ?1 and sourceRecordId in ?2", source, sourceRecordIds);
    }

    public static Uni<List<SourceRecord>> forWorker(UUID workerId) {
        return list("workerId = ?1 order by receivedAt, id", workerId);
    }

    public static Uni<List<SourceRecord>> forWorkers(List<UUID> workerIds) {
        return list("workerId in ?1 order by receivedAt, id", workerIds);
    }

    /** The worker's records carrying this passport number. */
    public static Uni<List<SourceRecord>> withPassport(String passportNumber) {
        return list("passportNumber = ?1 order by receivedAt", passportNumber);
    }

    /** The worker's SiskoP2MI record received or changed last: the placement's source of truth. */
    public static Uni<SourceRecord> latestSiskoP2mi(UUID workerId) {
        return find(
                        "workerId = ?1 and source = ?2 order by updatedAt desc, receivedAt desc",
                        workerId,
                        Source.SISKOP2MI)
                .firstResult();
    }
}
