package id.sinergi.common.ops;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson reads or writes outside REST signatures, registered for reflection in a native executable
 * (a JVM build needs nothing of this): the audit event as the outbox stores it and the relay reads it back
 * (sinergi-audit-client), and the problem body that bulk intake writes into its result lines. docs/operations.md
 * lists every registration of the suite. Native executables are not built or tested on this project's machines.
 */
@RegisterForReflection(
        targets = {AuditEvent.class, AuditActor.class, AuditOutcome.class, Problem.class, Problem.FieldError.class})
public final class NativeReflection {

    private NativeReflection() {}
}
