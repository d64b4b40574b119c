package id.sinergi.identity.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.linking.Stewardship;
import id.sinergi.identity.rest.LinkingDtos.HistoryView;
import id.sinergi.identity.rest.LinkingDtos.LinkEventView;
import id.sinergi.identity.rest.LinkingDtos.MergeRequest;
import id.sinergi.identity.rest.LinkingDtos.PromotionRequest;
import id.sinergi.identity.rest.LinkingDtos.UnlinkRequest;
import id.sinergi.identity.rest.LinkingDtos.UnlinkedView;
import id.sinergi.identity.rest.LinkingDtos.WorkerListView;
import id.sinergi.identity.rest.LinkingDtos.WorkerSummary;
import id.sinergi.identity.rest.WorkerDtos.WorkerView;
import id.sinergi.identity.service.WorkerDetails;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The data stewards' steps on workers: unlink, merge, promote, and the history and lists behind them. */
@Path("/api/workers")
@Tag(name = "Worker stewardship")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StewardshipResource {

    @Inject
    Stewardship stewardship;

    @Inject
    Caller caller;

    @Inject
    ObjectMapper json;

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/unlink")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Take a source record off a worker",
            description = "The record founds a worker of its own; the pair is never linked automatically again; the"
                    + " worker's view is rebuilt from the records that remain.")
    @APIResponse(
            responseCode = "200",
            description = "The record's new worker",
            content = @Content(schema = @Schema(implementation = UnlinkedView.class)))
    @APIResponse(responseCode = "400", description = "Record or reason missing (validation)")
    @APIResponse(responseCode = "404", description = "No such worker, or the record is not theirs")
    @APIResponse(
            responseCode = "409",
            description = "The worker's only record (last-record), or the worker was merged (worker-merged)")
    public Uni<UnlinkedView> unlink(@PathParam("id") UUID id, @NotNull @Valid UnlinkRequest request) {
        return stewardship
                .unlink(id, request.sourceRecordId(), request.reason(), caller.actor())
                .map(created -> new UnlinkedView(id, request.sourceRecordId(), created.id));
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/merge")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Merge another worker into this one",
            description = "Every record of the other worker moves here; the other worker keeps its id, which from"
                    + " now on reads as this worker.")
    @APIResponse(
            responseCode = "200",
            description = "This worker after the merge",
            content = @Content(schema = @Schema(implementation = WorkerView.class)))
    @APIResponse(responseCode = "400", description = "Worker or reason missing (validation), or self-merge")
    @APIResponse(responseCode = "404", description = "No such worker")
    @APIResponse(
            responseCode = "409",
            description = "Either worker was merged already (worker-merged), or the two have different NIKs"
                    + " (nik-disagrees)")
    public Uni<WorkerView> merge(@PathParam("id") UUID id, @NotNull @Valid MergeRequest request) {
        return stewardship
                .merge(id, request.workerId(), request.reason(), caller.actor())
                .flatMap(StewardshipResource::viewOf);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/promotion")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Promote a provisional worker to NIK-verified",
            description = "With a NIK the officer has checked. The NIK travels in the body, never in the URL.")
    @APIResponse(
            responseCode = "200",
            description = "The worker, now NIK-verified",
            content = @Content(schema = @Schema(implementation = WorkerView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid NIK (invalid-nik-format, unknown-district, invalid-nik-date, invalid-nik-serial) or"
                    + " reason missing (validation)")
    @APIResponse(responseCode = "404", description = "No such worker")
    @APIResponse(
            responseCode = "409",
            description = "Not provisional (not-provisional), NIK of another worker (nik-in-use, with"
                    + " otherWorkerId), or another NIK on a record (nik-disagrees)")
    public Uni<WorkerView> promote(@PathParam("id") UUID id, @NotNull @Valid PromotionRequest request) {
        return stewardship
                .promote(id, request.nik(), request.reason(), caller.actor())
                .flatMap(StewardshipResource::viewOf);
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/history")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(summary = "Read a worker's link history: every automatic and manual decision, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "The history",
            content = @Content(schema = @Schema(implementation = HistoryView.class)))
    @APIResponse(responseCode = "404", description = "No such worker")
    public Uni<HistoryView> history(@PathParam("id") UUID id) {
        return stewardship
                .history(id, caller.actor())
                .map(events -> new HistoryView(
                        id, events.stream().map(e -> LinkEventView.of(e, json)).toList()));
    }

    @GET
    @Path("/provisional")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(summary = "List provisional workers waiting for promotion to NIK-verified, oldest first")
    @APIResponse(
            responseCode = "200",
            description = "A page of provisional workers",
            content = @Content(schema = @Schema(implementation = WorkerListView.class)))
    @APIResponse(responseCode = "400", description = "page or size out of range (validation)")
    public Uni<WorkerListView> provisional(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(LinkingDtos.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return stewardship
                .provisional(page, size, caller.actor())
                .map(list -> new WorkerListView(
                        page, size, list.stream().map(WorkerSummary::of).toList()));
    }

    @GET
    @Path("/flagged")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "List workers with a data-quality flag, oldest first",
            description = "For review of NIKs whose date or sex disagrees with the declared ones, sources that"
                    + " disagree, expired passports, and the like.")
    @APIResponse(
            responseCode = "200",
            description = "A page of flagged workers",
            content = @Content(schema = @Schema(implementation = WorkerListView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown flag (invalid-parameter), or page or size out of range (validation)")
    public Uni<WorkerListView> flagged(
            @QueryParam("flag") @NotNull id.sinergi.identity.domain.WorkerFlag flag,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(LinkingDtos.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return stewardship
                .flagged(flag, page, size, caller.actor())
                .map(list -> new WorkerListView(
                        page, size, list.stream().map(WorkerSummary::of).toList()));
    }

    /** The worker as a steward's step left it, with the records now linked to them. */
    private static Uni<WorkerView> viewOf(Worker worker) {
        return SourceRecord.forWorker(worker.id).map(records -> WorkerView.of(new WorkerDetails(worker, records)));
    }
}
