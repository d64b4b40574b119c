package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

/**
 * Writes what a decision leaves behind, in one call of the database function {@code record_consent_decision}
 * (migration V6): each grant it rests on counted, its holder recorded, and its audit event in the outbox, all or
 * nothing, in a statement of its own.
 *
 * <p>The count is taken only while the grant is still ACTIVE and inside its window, so it also serialises with a
 * revocation: a revocation that changed the row first makes the call fail and write nothing ({@link GrantChanged},
 * and the decision is taken again from the new state); a call that counted first holds the row until it commits,
 * so the revocation then sees its holder and sends it a stop notice.
 */
@ApplicationScoped
public class GrantUse {

    private static final String RECORD = "SELECT record_consent_decision($1, $2, $3, $4, $5, $6, $7, $8, $9)";

    /** The SQLSTATE the function raises when a grant is no longer in force. */
    private static final String GRANT_CHANGED = "SG001";

    @Inject
    Pool pool;

    @Inject
    AuditTrail audit;

    /** A grant changed between reading it and counting its use. */
    static final class GrantChanged extends RuntimeException {
        GrantChanged(String message) {
            super(message, null, false, false);
        }
    }

    /** Counts the uses of {@code grants} by the caller for {@code agency} and adds the decision's audit event. */
    Uni<Void> record(Set<UUID> grants, Agency agency, Caller caller, Instant now, AuditEvent event) {
        Tuple args = Tuple.tuple()
                .addArrayOfUUID(grants.toArray(UUID[]::new))
                .addOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .addString(agency.name())
                .addString(clientOf(caller))
                .addString(caller.subject())
                .addString(caller.username())
                .addUUID(event.id())
                .addString(audit.payload(event))
                .addOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC));
        return pool.preparedQuery(RECORD)
                .execute(args)
                .onFailure(f -> f instanceof PgException pg && GRANT_CHANGED.equals(pg.getSqlState()))
                .transform(f -> new GrantChanged(f.getMessage()))
                .replaceWithVoid();
    }

    private static String clientOf(Caller caller) {
        String client = caller.clientId();
        return client == null ? "-" : client;
    }
}
