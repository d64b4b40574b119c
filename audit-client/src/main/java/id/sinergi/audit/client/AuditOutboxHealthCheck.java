package id.sinergi.audit.client;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports how many audit events wait in the outbox. Stays UP while audit-service is away: the outbox exists so
 * that the service keeps working then.
 */
@Readiness
@ApplicationScoped
public class AuditOutboxHealthCheck implements AsyncHealthCheck {

    @Override
    public Uni<HealthCheckResponse> call() {
        return Panache.withSession(AuditOutboxEntry::count)
                .map(pending -> HealthCheckResponse.named("audit-outbox")
                        .up()
                        .withData("pending", pending)
                        .build())
                .onFailure()
                .recoverWithItem(e -> HealthCheckResponse.named("audit-outbox")
                        .down()
                        .withData("error", e.getClass().getSimpleName())
                        .build());
    }
}
