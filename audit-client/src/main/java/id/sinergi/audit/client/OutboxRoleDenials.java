package id.sinergi.audit.client;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.security.RoleDenials;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Writes a refusal by role into the outbox, in a transaction of its own. A refusal met on a worker thread (a
 * blocking endpoint) is written on the request's event loop, where the reactive session lives.
 */
@ApplicationScoped
public class OutboxRoleDenials implements RoleDenials {

    @Inject
    AuditTrail trail;

    @Override
    public Uni<Void> record(AuditActor actor, String operation, Map<String, String> pathIds) {
        Uni<Void> write = Uni.createFrom()
                .deferred(() -> trail.recordAlone(RoleDenials.event(trail.serviceName(), actor, operation, pathIds)));
        Context context = Vertx.currentContext();
        if (Context.isOnEventLoopThread() || context == null) {
            return write;
        }
        return write.runSubscriptionOn(task -> context.runOnContext(v -> task.run()));
    }
}
