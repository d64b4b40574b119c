package id.sinergi.audit.retention;

import id.sinergi.audit.rest.FilterParams;
import id.sinergi.audit.retention.HoldDtos.HoldList;
import id.sinergi.audit.retention.HoldDtos.HoldRequest;
import id.sinergi.audit.retention.HoldDtos.HoldView;
import id.sinergi.audit.retention.HoldDtos.ReleaseRequest;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Legal holds (penahanan hukum) on the log's events, and the retention policy, for the security team. */
@Path("/api")
@Tag(name = "Retention and legal hold")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HoldResource {

    @Inject
    Holds holds;

    @Inject
    Retention retention;

    @Inject
    Caller caller;

    @GET
    @Path("/audit-holds")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "List legal holds",
            description = "The manual holds, newest first (ACTIVE only unless status=ALL), and the open cases, whose"
                    + " events and whose workers' events the log holds by itself. Audited (audit.hold.list).")
    @APIResponse(
            responseCode = "200",
            description = "The holds",
            content = @Content(schema = @Schema(implementation = HoldList.class)))
    @APIResponse(responseCode = "400", description = "A bad status; errors[].field names it")
    public Uni<HoldList> list(@QueryParam("status") @Parameter(description = "ACTIVE (default) or ALL") String status) {
        return holds.list(all(status), caller);
    }

    @POST
    @Path("/audit-holds")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Place a legal hold",
            description = "Keeps the events of a case (and of its worker) or of a worker from expiring until the hold"
                    + " is released. Recorded in the log as audit.hold.place.")
    @APIResponse(
            responseCode = "201",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    @APIResponse(responseCode = "400", description = "A bad body; errors[].field names the field")
    public Uni<Response> place(@NotNull @Valid HoldRequest request) {
        return holds.place(request, caller).map(h -> Response.created(URI.create("/api/audit-holds/" + h.id()))
                .entity(h)
                .build());
    }

    @GET
    @Path("/audit-holds/" + PathTemplates.UUID_ID)
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(summary = "Read one legal hold")
    @APIResponse(
            responseCode = "200",
            description = "The hold",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No hold has this id (a segment that is no UUID finds no resource)")
    public Uni<HoldView> get(@PathParam("id") String id) {
        return holds.get(FilterParams.requiredUuid("id", id), caller);
    }

    @POST
    @Path("/audit-holds/" + PathTemplates.UUID_ID + "/release")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Release a legal hold, once",
            description = "The events it held expire at the next purge once their period has passed, unless an open"
                    + " case or another hold still covers them. Recorded in the log as audit.hold.release.")
    @APIResponse(
            responseCode = "200",
            description = "The hold, now RELEASED",
            content = @Content(schema = @Schema(implementation = HoldView.class)))
    @APIResponse(responseCode = "400", description = "A bad body; errors[].field names the field")
    @APIResponse(
            responseCode = "404",
            description = "No hold has this id (a segment that is no UUID finds no resource)")
    @APIResponse(responseCode = "409", description = "already-released: the hold was released already")
    public Uni<HoldView> release(@PathParam("id") String id, @NotNull @Valid ReleaseRequest request) {
        return holds.release(FilterParams.requiredUuid("id", id), request, caller);
    }

    @GET
    @Path("/audit-retention")
    @RolesAllowed({Roles.SECURITY_AUDITOR, Roles.PLATFORM_ADMIN})
    @Operation(
            summary = "The retention policy",
            description = "Each category's code, Indonesian term, English gloss and period (ISO 8601), as every"
                    + " retention statement names them.")
    @APIResponse(responseCode = "200", description = "The policy")
    public Map<String, Object> policy() {
        return Map.of(
                "categories",
                retention.periods().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> Map.of(
                                "code", e.getKey().name(),
                                "term", e.getKey().term(),
                                "gloss", e.getKey().gloss(),
                                "period", e.getValue()))
                        .toList());
    }

    private static boolean all(String status) {
        if (status == null || status.isBlank() || status.strip().equals("ACTIVE")) {
            return false;
        }
        if (status.strip().equals("ALL")) {
            return true;
        }
        throw ProblemException.invalidField("invalid-parameter", "status", "must be ACTIVE or ALL");
    }
}
