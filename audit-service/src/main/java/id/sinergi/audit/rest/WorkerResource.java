package id.sinergi.audit.rest;

import id.sinergi.audit.service.AccessLogPage;
import id.sinergi.audit.service.ErasureReceipt;
import id.sinergi.audit.service.WorkerRights;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the log holds about one worker: who processed their data and why, and the erasure of their details. */
@Path("/api/workers/" + PathTemplates.UUID_ID)
@Tag(name = "Workers' rights")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerResource {

    @Inject
    WorkerRights rights;

    @Inject
    Caller caller;

    @GET
    @Path("/access-log")
    @RolesAllowed({Roles.SECURITY_AUDITOR, Roles.SOURCE_CONNECTOR})
    @Operation(
            summary = "Who accessed a worker's data and why",
            description = "Every read, change and decision about the worker, newest first: when, which agency and"
                    + " mission, in which role, what kind of processing (category), for which purpose, and how it"
                    + " ended, each code with its Indonesian term and English gloss (UU 27/2022 Pasal 32). For the"
                    + " security team, and for the worker through their own app (the Peduli WNI portal, client"
                    + " peduli-wni-portal), which shows it to the signed-in worker only. The worker's view names"
                    + " the office and the role, never the officer; the security team's adds the acting account."
                    + " The worker's own looks at this log are left out. Audited (action worker.access-log.read).")
    @APIResponse(
            responseCode = "200",
            description = "A page of the access log",
            content = @Content(schema = @Schema(implementation = AccessLogPage.class)))
    @APIResponse(responseCode = "400", description = "A bad period, limit or cursor; errors[].field names it")
    @APIResponse(
            responseCode = "403",
            description = "Neither the security team nor the worker's app; not-worker-portal: another source"
                    + " application")
    public Uni<AccessLogPage> accessLog(
            @PathParam("id") UUID workerId,
            @QueryParam("from") @Parameter(description = "Entries that occurred at or after this instant (ISO 8601)")
                    String from,
            @QueryParam("to") @Parameter(description = "Entries that occurred before this instant (ISO 8601)")
                    String to,
            @QueryParam("limit") @Parameter(description = "Entries per page, 1 to 200; 50 when omitted") String limit,
            @QueryParam("before") @Parameter(description = "Only entries older than this: the previous page's 'next'")
                    String before) {
        boolean auditor = caller.hasRole(Roles.SECURITY_AUDITOR);
        if (!auditor && !WorkerRights.PORTAL_CLIENT.equals(caller.clientId())) {
            throw ProblemException.forbidden(
                    "not-worker-portal",
                    "Not the worker's app",
                    "Of the source applications, only the worker's own app (" + WorkerRights.PORTAL_CLIENT
                            + ") may read a worker's access log");
        }
        Instant[] period = FilterParams.period(from, to);
        int pageSize = FilterParams.intParam("limit", limit, 50, 1, 200);
        Long cursor = FilterParams.optionalLong("before", before);
        return rights.accessLog(
                workerId, period[0], period[1], cursor == null ? Long.MAX_VALUE : cursor, pageSize, !auditor, caller);
    }

    @DELETE
    @Path("/audit-key")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Erase the personal details the log holds about a worker",
            description = "Destroys the worker's data key, under which every event's details about them are"
                    + " encrypted: from then on queries and exports show those details as ERASED. The events, their"
                    + " leaves and the signed checkpoints stay as they are, so the log's verification stays INTACT"
                    + " and inclusion proofs still verify. Details of later events get a new key. Audited (action"
                    + " audit.worker-key.destroy), in the same transaction.")
    @APIResponse(
            responseCode = "200",
            description = "Erased; keyDestroyed is false when there was no key",
            content = @Content(schema = @Schema(implementation = ErasureReceipt.class)))
    @APIResponse(responseCode = "403", description = "Not the security team")
    public Uni<ErasureReceipt> eraseDetails(@PathParam("id") UUID workerId) {
        return rights.eraseDetails(workerId, caller);
    }
}
