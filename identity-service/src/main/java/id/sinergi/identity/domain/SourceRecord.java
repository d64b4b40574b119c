package id.sinergi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

    @Column(nullable = false, length = 16)
    public String nik;

    @Column(name = "passport_number", length = 9)
    public String passportNumber;

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

    public static Uni<List<SourceRecord>> forWorker(UUID workerId) {
        return list("workerId = ?1 order by receivedAt, id", workerId);
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
