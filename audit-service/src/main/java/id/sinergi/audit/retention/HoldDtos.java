package id.sinergi.audit.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.validation.NoPersonalIdentifiers;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The wire format of legal holds. */
public final class HoldDtos {

    private HoldDtos() {}

    /** What a hold covers: one case (its events, and its worker's while the hold lasts) or one worker. */
    public enum Scope {
        CASE,
        WORKER
    }

    /** A hold to place. */
    @Schema(name = "LegalHoldRequest")
    public record HoldRequest(
            @NotNull @Schema(description = "CASE or WORKER") Scope scope,
            @NotNull @Schema(description = "The case id or the worker id") UUID targetId,
            @NotBlank
                    @Size(max = 500)
                    @NoPersonalIdentifiers
                    @Schema(description = "Why, e.g. a court's request; no NIK, passport or name")
                    String reason) {}

    /** The release of a hold. */
    @Schema(name = "LegalHoldRelease")
    public record ReleaseRequest(
            @NotBlank
                    @Size(max = 500)
                    @NoPersonalIdentifiers
                    @Schema(description = "Why the hold ends; no NIK, passport or name")
                    String reason) {}

    /** Who did it, when. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Act(String subject, String username, Instant at, String reason) {}

    /** A manual hold; {@code released} is null while it is ACTIVE. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LegalHold")
    public record HoldView(UUID id, Scope scope, UUID targetId, String status, Act placed, Act released) {}

    /** A case whose events the log holds by itself, because the case is open. */
    @Schema(name = "OpenCaseHold")
    public record OpenCase(String caseId, List<UUID> workerIds) {}

    /** Every hold: the manual ones (newest first) and the open cases. */
    @Schema(name = "LegalHolds")
    public record HoldList(
            List<HoldView> holds,
            @Schema(description = "More holds exist than the " + Holds.MAX_LISTED + " newest listed") boolean moreHolds,
            List<OpenCase> openCases,
            @Schema(description = "More cases are open than the " + Holds.MAX_LISTED + " listed")
                    boolean moreOpenCases) {}
}
