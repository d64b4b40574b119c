package id.sinergi.consent.service;

import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Counts a use of a grant and records the receiving party as a holder of data under it, by two statements in the
 * decision's transaction.
 *
 * <p>The count is taken only while the grant is still ACTIVE and inside its window, so it also serialises with a
 * revocation: a revocation that changed the row first makes the count find nothing ({@link GrantChanged}, and the
 * decision is taken again from the new state); a decision that counted first holds the row until it commits, so the
 * revocation then sees its holder and sends it a stop notice.
 */
@ApplicationScoped
public class GrantUse {

    private static final String COUNT = "UPDATE consent_grant SET use_count = use_count + 1"
            + " WHERE id = :grant AND status = 'ACTIVE' AND valid_from <= :now AND valid_until > :now";

    private static final String HOLDER = "INSERT INTO consent_grant_holder"
            + " (id, grant_id, agency, client_id, subject, username, first_used_at, last_used_at, uses)"
            + " VALUES (:id, :grant, :agency, :client, :subject, :username, :now, :now, 1)"
            + " ON CONFLICT (grant_id, agency, client_id, subject) DO UPDATE SET uses = consent_grant_holder.uses + 1,"
            + " last_used_at = excluded.last_used_at, username = excluded.username";

    /** The grant changed between reading it and counting its use. */
    static final class GrantChanged extends RuntimeException {
        GrantChanged(UUID grant) {
            super("consent grant " + grant + " changed during the decision", null, false, false);
        }
    }

    Uni<Void> record(UUID grant, Agency agency, Caller caller, Instant now) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(COUNT)
                        .setParameter("grant", grant)
                        .setParameter("now", now)
                        .executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        throw new GrantChanged(grant);
                    }
                })
                .flatMap(updated -> Panache.getSession())
                .flatMap(s -> s.createNativeQuery(HOLDER)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("grant", grant)
                        .setParameter("agency", agency.name())
                        .setParameter("client", clientOf(caller))
                        .setParameter("subject", caller.subject())
                        .setParameter("username", caller.username())
                        .setParameter("now", now)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static String clientOf(Caller caller) {
        String client = caller.clientId();
        return client == null ? "-" : client;
    }
}
