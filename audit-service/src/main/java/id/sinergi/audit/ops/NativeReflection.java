package id.sinergi.audit.ops;

import id.sinergi.audit.log.LogViews;
import id.sinergi.audit.rest.AuditDtos;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson reads or writes outside REST signatures, registered for reflection in a native executable: a
 * verification run's findings as stored JSON (LogVerifier) and the event lines of an NDJSON export (ExportFormat).
 * Native executables are not built or tested on this project's machines; docs/operations.md lists every
 * registration.
 */
@RegisterForReflection(targets = {LogViews.Problem.class, LogViews.Kind.class, AuditDtos.EventView.class})
public final class NativeReflection {

    private NativeReflection() {}
}
