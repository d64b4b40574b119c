package id.sinergi.audit.client;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many audit events wait in the outbox ({@code pending}) and how many the relay set aside as
 * unreadable ({@code unreadable}). Stays UP in both cases: the outbox exists so that the service keeps working
 * while audit-service is away, and one unreadable row must not take every replica out of traffic. An
 * {@code unreadable} above 0 is for the operator, with the WARN line naming each event id: the row stays in
 * {@code audit_outbox} (its {@code last_error} says where it broke) until someone repairs or removes it.
 *
 * <p>Counts through the reactive pool rather than a Hibernate session: health checks do not run on the Vert.x
 * context a reactive session needs.
 */
@Readiness
@ApplicationScoped
public class AuditOutboxHealthCheck implements AsyncHealthCheck {

    private static final String COUNTS = "SELECT count(*) FILTER (WHERE " + AuditOutboxEntry.NOT_SET_ASIDE + "),"
            + " count(*) FILTER (WHERE " + AuditOutboxEntry.SET_ASIDE + ") FROM audit_outbox";

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query(COUNTS)
                .execute()
                .map(rows -> counts(rows.iterator().next()))
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("audit-outbox")
                        .down()
                        .withData("error", e.getClass().getSimpleName())
                        .build());
    }

    private static HealthCheckResponse counts(Row row) {
        return HealthCheckResponse.named("audit-outbox")
                .up()
                .withData("pending", row.getLong(0))
                .withData("unreadable", row.getLong(1))
                .build();
    }
}
