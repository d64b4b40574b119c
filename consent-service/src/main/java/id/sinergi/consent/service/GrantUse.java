package id.sinergi.consent.service;

import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Counts a use of a grant and records the receiving party as a holder of data under it, by one statement in the
 * decision's transaction.
 *
 * <p>The count is taken only while the grant is still ACTIVE and inside its window, so it also serialises with a
 * revocation: a revocation that changed the row first makes the count find nothing ({@link GrantChanged}, and the
 * decision is taken again from the new state); a decision that counted first holds the row until it commits, so the
 * revocation then sees its holder and sends it a stop notice.
 */
@ApplicationScoped
public class GrantUse {

    /**
     * Counts the use and upserts the holder in one statement: the holder row is written only when the count
     * found the grant in force, and the statement's row count says whether it did.
     */
    private static final String COUNT_AND_HOLD = "WITH counted AS (UPDATE consent_grant SET use_count = use_count + 1"
            + " WHERE id = :grant AND status = 'ACTIVE' AND valid_from <= :now AND valid_until > :now RETURNING id)"
            + " INSERT INTO consent_grant_holder"
            + " (id, grant_id, agency, client_id, subject, username, first_used_at, last_used_at, uses)"
            + " SELECT :id, counted.id, :agency, :client, :subject, :username, :now, :now, 1 FROM counted"
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
                .flatMap(s -> s.createNativeQuery(COUNT_AND_HOLD)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("grant", grant)
                        .setParameter("agency", agency.name())
                        .setParameter("client", clientOf(caller))
                        .setParameter("subject", caller.subject())
                        .setParameter("username", caller.username())
                        .setParameter("now", now)
                        .executeUpdate())
                .invoke(written -> {
                    if (written == 0) {
                        throw new GrantChanged(grant);
                    }
                })
                .replaceWithVoid();
    }

    private static String clientOf(Caller caller) {
        String client = caller.clientId();
        return client == null ? "-" : client;
    }
}
