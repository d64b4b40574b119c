package id.sinergi.consent.domain;

import id.sinergi.common.security.Agency;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A party that received a worker's data under a grant: the agency, the OAuth client and the user that asked.
 * Written by one upsert per decision (see {@code GrantUse}); read when the grant is revoked.
 */
@Entity
@Table(name = "consent_grant_holder")
public class GrantHolder extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Agency agency;

    @Column(name = "client_id", nullable = false)
    public String clientId;

    @Column(nullable = false)
    public String subject;

    public String username;

    @Column(name = "first_used_at", nullable = false)
    public Instant firstUsedAt;

    @Column(name = "last_used_at", nullable = false)
    public Instant lastUsedAt;

    @Column(nullable = false)
    public long uses;

    public static Uni<List<GrantHolder>> ofGrant(UUID grantId) {
        return list("grantId = ?1 order by firstUsedAt", grantId);
    }
}
