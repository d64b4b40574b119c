package id.sinergi.identity.domain;

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
import java.util.Set;
import java.util.UUID;

/**
 * One migrant worker, whatever number of source records describe them: the NIK is the key that links them. The
 * attributes come from the records by the precedence of {@link Source}; the flags sum up what every source record
 * said.
 */
@Entity
@Table(name = "worker")
public class Worker extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Personal data: never log it, never put it in a URL. */
    @Column(nullable = false, unique = true, length = 16)
    public String nik;

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

    @Convert(converter = FlagSetConverter.class)
    @Column(nullable = false, length = 200)
    public Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static Uni<Worker> findByNik(String nik) {
        return find("nik", nik).firstResult();
    }
}
