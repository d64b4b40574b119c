package id.sinergi.identity.ops;

import id.sinergi.identity.intake.BulkIntake;
import id.sinergi.identity.matching.FieldScore;
import id.sinergi.identity.rest.WorkerDtos;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Types that Jackson reads or writes outside REST signatures, registered for reflection in a native executable:
 * a match's per-field explanation as stored JSON (MatchEngine.explain), the result lines that bulk intake streams
 * back, and the registration each NDJSON or CSV row is read into (BulkRows). The district codes are resources
 * ({@code quarkus.native.resources.includes}). Native executables are not built or tested on this project's
 * machines; docs/operations.md lists every registration.
 */
@RegisterForReflection(
        targets = {
            FieldScore.class,
            BulkIntake.RowResult.class,
            WorkerDtos.RegistrationRequest.class,
            WorkerDtos.PassportDetails.class,
            WorkerDtos.PlacementDetails.class
        })
public final class NativeReflection {

    private NativeReflection() {}
}
