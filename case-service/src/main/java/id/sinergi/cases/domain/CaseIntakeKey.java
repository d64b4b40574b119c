package id.sinergi.cases.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** An Idempotency-Key a caller sent with a report, the digest of that report and the case it made. */
@Entity
@Table(name = "case_intake_key")
public class CaseIntakeKey extends PanacheEntityBase {

    /** The caller (Keycloak subject) and the key they chose: keys of different callers never meet. */
    @Embeddable
    public static class Id implements Serializable {

        @Column(name = "caller", nullable = false)
        public String caller;

        @Column(name = "idempotency_key", nullable = false)
        public String idempotencyKey;

        public Id() {}

        public Id(String caller, String idempotencyKey) {
            this.caller = caller;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Id other
                    && Objects.equals(caller, other.caller)
                    && Objects.equals(idempotencyKey, other.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(caller, idempotencyKey);
        }
    }

    @EmbeddedId
    public Id id;

    /** SHA-256 of the report's canonical JSON. */
    @Column(name = "request_sha256", nullable = false, updatable = false)
    public byte[] requestSha256;

    @Column(name = "case_id", nullable = false, updatable = false)
    public UUID caseId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
