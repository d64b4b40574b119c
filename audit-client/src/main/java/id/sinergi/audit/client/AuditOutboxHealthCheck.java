package id.sinergi.audit.client;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many audit events wait in the outbox. Stays UP while audit-service is away: the outbox exists so
 * that the service keeps working then.
 *
 * <p>Counts through the reactive pool rather than a Hibernate session: health checks do not run on the Vert.x
 * context a reactive session needs.
 */
@Readiness
@ApplicationScoped
public class AuditOutboxHealthCheck implements AsyncHealthCheck {

    @Inject
    Pool pool;

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT count(*) FROM audit_outbox")
                .execute()
                .map(rows -> HealthCheckResponse.named("audit-outbox")
                        .up()
                        .withData("pending", rows.iterator().next().getLong(0))
                        .build())
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("audit-outbox")
                        .down()
                        .withData("error", e.getClass().getSimpleName())
                        .build());
    }
}
