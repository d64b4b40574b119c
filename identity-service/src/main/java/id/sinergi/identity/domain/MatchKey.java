package id.sinergi.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One blocking key of a source record: records that share a key are scored against each other. */
@Entity
@Table(name = "match_key")
@IdClass(MatchKey.Key.class)
public class MatchKey extends PanacheEntityBase {

    /** A 64-bit hash of the readable key, so that the index holds no NIK, passport number or name. */
    @Id
    @Column(name = "key_hash")
    public long keyHash;

    @Id
    @Column(name = "source_record_id")
    public UUID sourceRecordId;

    public MatchKey() {}

    public MatchKey(long keyHash, UUID sourceRecordId) {
        this.keyHash = keyHash;
        this.sourceRecordId = sourceRecordId;
    }

    /** The composite identifier Jakarta Persistence needs for the two-column key. */
    public record Key(long keyHash, UUID sourceRecordId) implements Serializable {

        public Key() {
            this(0, null);
        }
    }
}
