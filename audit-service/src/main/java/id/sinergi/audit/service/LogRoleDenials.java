package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.security.RoleDenials;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Stores a refusal by role on one of audit-service's own operations as one of its own events. */
@ApplicationScoped
public class LogRoleDenials implements RoleDenials {

    @Inject
    AuditLog log;

    @Override
    public Uni<Void> record(AuditActor actor, String operation, Map<String, String> pathIds) {
        return log.recordOwn(RoleDenials.event(AuditLog.SERVICE_NAME, actor, operation, pathIds));
    }
}
