package id.sinergi.cases.rest;

import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.CaseDtos.CaseView;
import id.sinergi.cases.rest.CaseDtos.ReportRequest;
import id.sinergi.cases.rest.CaseDtos.TransitionRequest;
import id.sinergi.cases.rest.CaseDtos.VitalInterestRequest;
import id.sinergi.cases.service.CaseFilter;
import id.sinergi.cases.service.CaseService;
import id.sinergi.cases.service.CaseVitalInterests;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Protection cases: report, read, list, move through the workflow, and invoke vital interest. */
@Path("/api/cases")
@Tag(name = "Protection cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    @Inject
    CaseService cases;

    @Inject
    CaseVitalInterests vitalInterests;

    @Inject
    ReferenceData reference;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.SOURCE_CONNECTOR, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Report a protection case for a worker",
            description = "The worker is named by workerId or nik and checked in identity-service with the caller's"
                    + " token. Source connectors must be Kemlu's (Peduli WNI); consular officers report for their"
                    + " own mission only.")
    @APIResponse(
            responseCode = "201",
            description = "Reported, with its reference",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request: validation, worker-reference, unknown-mission, unknown-category,"
                    + " unknown-worker, invalid-nik, ambiguous-worker")
    @APIResponse(
            responseCode = "503",
            description = "identity-unavailable: the worker cannot be checked now; nothing was stored")
    public Uni<Response> report(@NotNull @Valid ReportRequest request) {
        return cases.report(request, caller).map(c -> Response.created(
                        uriInfo.getAbsolutePathBuilder().path(c.id.toString()).build())
                .entity(CaseView.of(c, reference))
                .build());
    }

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "List cases, newest first",
            description = "A consular officer sees the cases of their own mission only; asking for another"
                    + " mission gives an empty list.")
    @APIResponse(responseCode = "200", description = "The matching cases")
    @APIResponse(
            responseCode = "400",
            description = "invalid-parameter: status or workerId cannot be read; unknown-mission: missionId is not"
                    + " a mission of the reference data; validation: limit is not 1 to 200; errors[].field names the"
                    + " parameter")
    public Uni<List<CaseView>> list(
            @QueryParam("missionId") @Parameter(example = "KBRI-KUALALUMPUR") String missionId,
            @QueryParam("status") @Parameter(description = "REPORTED, IN_PROGRESS, RESOLVED or CLOSED") String status,
            @QueryParam("workerId") @Parameter(description = "identity-service's worker id") String workerId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        CaseFilter filter = new CaseFilter(missionId, statusOf(status), uuidOf("workerId", workerId), limit);
        return cases.list(filter, caller)
                .map(list -> list.stream().map(c -> CaseView.of(c, reference)).toList());
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "Read one case", description = "A case of another mission is answered as missing.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    public Uni<CaseView> find(@PathParam("id") UUID id) {
        return cases.find(id, caller).map(c -> CaseView.of(c, reference));
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/transitions")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Move a case one step along its workflow",
            description = "REPORTED → IN_PROGRESS → RESOLVED → CLOSED, one step at a time, with a reason. A consular"
                    + " officer moves the cases of their own mission only.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "illegal-transition (members from and to), or concurrent-change")
    public Uni<CaseView> transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return cases.transition(id, request.to(), request.reason(), caller).map(c -> CaseView.of(c, reference));
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/vital-interest")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(
            summary = "Invoke vital interest for a critical case",
            description = "The consular officer of the mission handling an open case of a critical category asks"
                    + " consent-service for a vital-interest authorisation: the worker's data may be used for the"
                    + " case without consent for 72 hours unless renewed. The written reason (40 to 2000"
                    + " characters) goes to consent-service and its security review only.")
    @APIResponse(
            responseCode = "201",
            description = "Invoked; the case shows the authorisation",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "400",
            description = "validation: reason missing, too short (leading and trailing white space not counted) or"
                    + " too long")
    @APIResponse(responseCode = "403", description = "other-mission: the case is another mission's")
    @APIResponse(responseCode = "404", description = "No such case, or one of another mission")
    @APIResponse(
            responseCode = "409",
            description = "case-not-critical (member categoryCode), case-not-open (member status), or"
                    + " vital-interest-in-force (members authorisationId, expiresAt): the case has one in force;"
                    + " renew it. An authorisation consent-service holds for the case but the case had not recorded"
                    + " is recorded instead, answered 201")
    @APIResponse(
            responseCode = "502",
            description = "consent-refused-request: consent-service refused case-service's request; nothing was"
                    + " invoked, and trying again will not help")
    @APIResponse(responseCode = "503", description = "consent-unavailable: nothing was invoked; try again")
    public Uni<Response> invokeVitalInterest(@PathParam("id") UUID id, @NotNull @Valid VitalInterestRequest request) {
        return vitalInterests.invoke(id, request.strippedReason(), caller).map(c -> Response.status(
                        Response.Status.CREATED)
                .entity(CaseView.of(c, reference))
                .build());
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/vital-interest/renewal")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(
            summary = "Renew the case's vital-interest authorisation for another 72 hours",
            description = "While it is in force, with a new written reason; it goes back on the security team's"
                    + " review list.")
    @APIResponse(
            responseCode = "200",
            description = "Renewed",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "400",
            description = "validation: reason missing, too short (leading and trailing white space not counted) or"
                    + " too long")
    @APIResponse(responseCode = "403", description = "other-mission: the case is another mission's")
    @APIResponse(responseCode = "404", description = "No such case, or one of another mission")
    @APIResponse(
            responseCode = "409",
            description = "no-vital-interest: never invoked; vital-interest-ended: it ended, invoke a new one;"
                    + " case-not-critical; case-not-open")
    @APIResponse(
            responseCode = "502",
            description = "consent-refused-request: consent-service refused case-service's request; nothing was"
                    + " renewed, and trying again will not help")
    @APIResponse(responseCode = "503", description = "consent-unavailable: nothing was renewed; try again")
    public Uni<CaseView> renewVitalInterest(@PathParam("id") UUID id, @NotNull @Valid VitalInterestRequest request) {
        return vitalInterests.renew(id, request.strippedReason(), caller).map(c -> CaseView.of(c, reference));
    }

    private static CaseStatus statusOf(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "invalid-parameter", "status", "must be one of " + Arrays.toString(CaseStatus.values()));
        }
    }

    private static UUID uuidOf(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("invalid-parameter", name, "must be a UUID");
        }
    }
}
