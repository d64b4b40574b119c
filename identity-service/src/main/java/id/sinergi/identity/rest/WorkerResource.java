package id.sinergi.identity.rest;

import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.rest.WorkerDtos.Match;
import id.sinergi.identity.rest.WorkerDtos.PlacementView;
import id.sinergi.identity.rest.WorkerDtos.SearchRequest;
import id.sinergi.identity.rest.WorkerDtos.SearchResult;
import id.sinergi.identity.rest.WorkerDtos.WorkerView;
import id.sinergi.identity.service.WorkerService;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Workers: read one, search by identifier, read the placement; each shows only what a lawful basis allows. */
@Path("/api/workers")
@Tag(name = "Workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WorkerResource {

    /** The purposes a caller may declare (common's Purpose; consent-service's GET /api/purposes has their bases). */
    private static final String PURPOSES = "The purpose of the read: PROTECTION_CASE_HANDLING, REPATRIATION,"
            + " INSURANCE_CLAIM, STATISTICS, PLACEMENT_SERVICE, BREACH_NOTIFICATION, FRAUD_PREVENTION or REINTEGRATION";

    @Inject
    WorkerService workers;

    @Inject
    Caller caller;

    @GET
    @Path("/" + PathTemplates.UUID_ID)
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(
            summary = "Read a worker with their identifiers, flags and source records, as far as a lawful basis allows",
            description = "The caller's agency sees the records its own system holds whole (KemenP2MI: SISKOP2MI,"
                    + " Kemlu: PEDULI_WNI). The other agency's records show their IDENTITY and PLACEMENT fields only as"
                    + " consent-service permits for the declared purpose, asked once per read; without a purpose they"
                    + " are withheld (NO_PURPOSE). Withheld fields are null; disclosure lists what was released on"
                    + " which basis and grant, and what was withheld and why. A source connector sees only its own"
                    + " agency's records, as in a search (consent-service checks with its token that the worker of"
                    + " a grant the worker's app records exists).")
    @APIResponse(
            responseCode = "200",
            description = "The worker, as far as the caller may see them",
            content = @Content(schema = @Schema(implementation = WorkerView.class)))
    @APIResponse(responseCode = "400", description = "Not a known purpose (invalid-purpose)")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such worker")
    @APIResponse(
            responseCode = "503",
            description = "consent-service gave no decision (consent-unavailable); nothing is disclosed")
    public Uni<WorkerView> find(
            @PathParam("id") UUID id,
            @Parameter(description = PURPOSES + "; without one, only the caller's own agency's records are shown")
                    @QueryParam("purpose")
                    String purpose) {
        return workers.find(id, purpose, caller).map(WorkerView::of);
    }

    @POST
    @Path("/search")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(
            summary = "Find workers by NIK or passport number",
            description = "Exactly one identifier, in the body so that it stays out of URLs and access logs. Each"
                    + " match shows what a worker read would (one consent question per worker found); a source"
                    + " connector sees only its own agency's records.")
    @APIResponse(
            responseCode = "200",
            description = "The matching workers, possibly none",
            content = @Content(schema = @Schema(implementation = SearchResult.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not exactly one identifier, or one of the wrong shape (validation); not a known purpose"
                    + " (invalid-purpose)")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(
            responseCode = "503",
            description = "consent-service gave no decision (consent-unavailable); nothing is disclosed")
    public Uni<SearchResult> search(
            @NotNull @Valid SearchRequest request,
            @Parameter(description = PURPOSES + "; without one, only the caller's own agency's records are shown")
                    @QueryParam("purpose")
                    String purpose) {
        return workers.search(request.nik(), request.passportNumber(), purpose, caller)
                .map(found -> new SearchResult(found.stream().map(Match::of).toList()));
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/placement")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Read a worker's placement for a declared purpose",
            description = "The PLACEMENT category of the latest SiskoP2MI record, released as in a worker read:"
                    + " KemenP2MI callers read by legal obligation, Kemlu callers only when consent-service permits it"
                    + " for the purpose. A merged worker's id reads as the worker it was merged into, on that worker's"
                    + " consent only.")
    @APIResponse(
            responseCode = "200",
            description = "The placement and the basis of its disclosure",
            content = @Content(schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Purpose missing (validation) or not a known purpose (invalid-purpose)")
    @APIResponse(
            responseCode = "403",
            description = "Role not allowed (forbidden), or no consent (consent-denied, with members reason and"
                    + " grantId)")
    @APIResponse(responseCode = "404", description = "No such worker, or no placement recorded")
    @APIResponse(
            responseCode = "409",
            description = "The worker was merged while the placement was asked for (worker-merged); ask again")
    @APIResponse(
            responseCode = "503",
            description = "consent-service gave no decision (consent-unavailable); nothing is disclosed")
    public Uni<PlacementView> placement(
            @PathParam("id") UUID id,
            @Parameter(description = PURPOSES) @QueryParam("purpose") @NotNull String purpose) {
        return workers.placement(id, purpose, caller).map(PlacementView::of);
    }
}
