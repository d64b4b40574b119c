package id.sinergi.cases.rest;

import id.sinergi.cases.domain.CaseClosureRequest;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.CaseDtos.CaseView;
import id.sinergi.cases.rest.CaseDtos.ClosureDecisionBody;
import id.sinergi.cases.rest.CaseDtos.ClosureRequestBody;
import id.sinergi.cases.rest.CaseDtos.ClosureRequestView;
import id.sinergi.cases.rest.CaseDtos.HandOverRequest;
import id.sinergi.cases.rest.CaseDtos.ReportRequest;
import id.sinergi.cases.rest.CaseDtos.TransitionRequest;
import id.sinergi.cases.rest.CaseDtos.TriageRequest;
import id.sinergi.cases.rest.CaseDtos.Verdict;
import id.sinergi.cases.rest.CaseDtos.VitalInterestRequest;
import id.sinergi.cases.service.CaseFilter;
import id.sinergi.cases.service.CaseService;
import id.sinergi.cases.service.CaseVersions;
import id.sinergi.cases.service.CaseVitalInterests;
import id.sinergi.cases.service.CaseWorkflow;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Agency;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
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

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Inject
    CaseService cases;

    @Inject
    CaseWorkflow workflow;

    @Inject
    CaseVitalInterests vitalInterests;

    @Inject
    ReferenceData reference;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @Inject
    HttpHeaders headers;

    @POST
    @RolesAllowed({Roles.SOURCE_CONNECTOR, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Report a protection case for a worker",
            description = "The worker is named by workerId or nik and checked in identity-service with the caller's"
                    + " token. The phase decides the lead agency (configured rules: abroad the mission of the"
                    + " country, before departure and after return KemenP2MI); the category decides the priority,"
                    + " routing and deadlines. Channels: PEDULI_WNI by Kemlu's Peduli WNI portal only, MISSION_WALK_IN"
                    + " by the mission's consular officers or PWNI headquarters, CRISIS_CENTER by KemenP2MI officers,"
                    + " HOTLINE and FAMILY by any officer; consular officers report for their own mission only. A"
                    + " family member or other proxy is recorded as reporter. With an Idempotency-Key, the same report"
                    + " sent again is answered with the case it made (header Idempotent-Replayed: true).")
    @APIResponse(
            responseCode = "201",
            description = "Reported (or replayed), with its reference",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request: validation, worker-reference, unknown-mission, mission-required,"
                    + " unknown-category, proxy-unnamed, proxy-required, worker-is-reporter, unknown-worker,"
                    + " invalid-nik, ambiguous-worker, invalid-idempotency-key")
    @APIResponse(
            responseCode = "403",
            description = "other-mission, channel-not-yours (member channel), source-not-yours")
    @APIResponse(
            responseCode = "422",
            description = "idempotency-key-reused: the key came with another report; nothing was stored")
    @APIResponse(
            responseCode = "503",
            description = "identity-unavailable: the worker cannot be checked now; nothing was stored")
    public Uni<Response> report(
            @HeaderParam(IDEMPOTENCY_KEY)
                    @Parameter(
                            description = "The sender's key for this report (1 to 128 visible ASCII characters),"
                                    + " sent once")
                    String idempotencyKey,
            @NotNull @Valid ReportRequest request) {
        return cases.report(request, idempotencyKey(), caller).map(r -> {
            Response.ResponseBuilder answer = Response.created(uriInfo.getAbsolutePathBuilder()
                            .path(r.protectionCase().id.toString())
                            .build())
                    .tag(new EntityTag(String.valueOf(r.protectionCase().version)))
                    .entity(CaseView.of(r.protectionCase(), reference));
            if (r.replayed()) {
                answer.header("Idempotent-Replayed", "true");
            }
            return answer.build();
        });
    }

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "List cases, newest first",
            description = "A consular officer sees their own mission's cases in which Kemlu leads or takes part"
                    + " (asking for another mission gives an empty list); a KemenP2MI officer the cases KemenP2MI"
                    + " leads or takes part in; PWNI headquarters every case.")
    @APIResponse(responseCode = "200", description = "The matching cases")
    @APIResponse(
            responseCode = "400",
            description = "invalid-parameter: status, priority, phase, leadAgency or workerId cannot be read;"
                    + " unknown-mission: missionId is not a mission of the reference data; validation: limit is not"
                    + " 1 to 200; errors[].field names the parameter")
    public Uni<List<CaseView>> list(
            @QueryParam("missionId") @Parameter(example = "KBRI-KUALALUMPUR") String missionId,
            @QueryParam("status") @Parameter(description = "One of CaseStatus") String status,
            @QueryParam("workerId") @Parameter(description = "identity-service's worker id") String workerId,
            @QueryParam("priority") @Parameter(description = "CRITICAL, HIGH, MEDIUM or LOW") String priority,
            @QueryParam("phase") @Parameter(description = "BEFORE_DEPARTURE, ABROAD or AFTER_RETURN") String phase,
            @QueryParam("leadAgency") @Parameter(description = "KEMLU or KEMENP2MI") String leadAgency,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        CaseFilter filter = new CaseFilter(
                missionId,
                QueryValues.constant(CaseStatus.class, "status", status),
                QueryValues.uuid("workerId", workerId),
                QueryValues.constant(Priority.class, "priority", priority),
                QueryValues.constant(Phase.class, "phase", phase),
                QueryValues.constant(Agency.class, "leadAgency", leadAgency),
                limit);
        return cases.list(filter, caller)
                .map(list -> list.stream().map(c -> CaseView.of(c, reference)).toList());
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID)
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Read one case",
            description = "Its ETag is the version an update names in If-Match. A case out of the caller's sight is"
                    + " answered as missing, and the attempt is audited.")
    @APIResponse(
            responseCode = "200",
            description = "The case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    public Uni<Response> find(@PathParam("id") UUID id) {
        return cases.find(id, caller).map(this::withTag);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/triage")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Triage a reported or reopened case: its first response",
            description = "Sets the priority (raised, never lowered; a raise brings the deadlines forward) and the"
                    + " desk, and moves the case to TRIAGED. Made by the lead side; names the case's version in"
                    + " If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Triaged",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "not-lead: the caller's side takes part but does not lead")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "illegal-transition, priority-lowered")
    @APIResponse(responseCode = "412", description = "stale-version: the case changed since the version sent")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> triage(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TriageRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return workflow.triage(id, version, request.priority(), request.desk(), request.reason(), caller)
                .map(this::withTag);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/transitions")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Move a case one step along its workflow",
            description = "REPORTED → TRIAGED (by triage) → IN_PROGRESS or REFERRED; IN_PROGRESS → REFERRED or"
                    + " RESOLVED; REFERRED → IN_PROGRESS or RESOLVED; RESOLVED → IN_PROGRESS, or CLOSED by a"
                    + " supervisor's approval of a closure request; CLOSED → REOPENED → TRIAGED or IN_PROGRESS."
                    + " Each step has a reason and names the case's version in If-Match; the lead side makes it.")
    @APIResponse(
            responseCode = "200",
            description = "Moved",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "not-lead: the caller's side takes part but does not lead")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(
            responseCode = "409",
            description = "illegal-transition (members from, to, allowed), use-triage, closure-needs-approval,"
                    + " no-referral (REFERRED needs a referral pending or accepted: refer at .../referrals)")
    @APIResponse(responseCode = "412", description = "stale-version: the case changed since the version sent")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    public Uni<Response> transition(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid TransitionRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return workflow.transition(id, version, request.to(), request.reason(), caller)
                .map(this::withTag);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/closure-requests")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Ask a supervisor to close a resolved case",
            description = "An officer of the lead side asks; a supervisor other than them approves or rejects it."
                    + " Names the case's version in If-Match.")
    @APIResponse(
            responseCode = "201",
            description = "Asked",
            content = @Content(schema = @Schema(implementation = ClosureRequestView.class)))
    @APIResponse(responseCode = "403", description = "not-lead")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "case-not-resolved (member status), closure-pending")
    @APIResponse(responseCode = "412", description = "stale-version")
    @APIResponse(responseCode = "428", description = "precondition-required")
    public Uni<Response> requestClosure(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ClosureRequestBody request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return workflow.requestClosure(id, version, request.reason(), caller)
                .map(v -> Response.created(uriInfo.getAbsolutePathBuilder()
                                .path(v.value().id.toString())
                                .build())
                        .tag(new EntityTag(String.valueOf(v.caseVersion())))
                        .entity(ClosureRequestView.of(v.value()))
                        .build());
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/closure-requests/{requestId: " + PathTemplates.UUID + "}")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "One closure request of the case and its decision", description = CaseDtos.ROW_ETAG)
    @APIResponse(
            responseCode = "200",
            description = "The request",
            content = @Content(schema = @Schema(implementation = ClosureRequestView.class)))
    @APIResponse(responseCode = "404", description = "No such case or request, or not one the caller may see")
    public Uni<Response> closureRequest(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return workflow.closureRequest(id, requestId, caller).map(v -> Response.ok(ClosureRequestView.of(v.value()))
                .tag(new EntityTag(String.valueOf(v.caseVersion())))
                .build());
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/closure-requests")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "The case's closure requests and their decisions, oldest first")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    public Uni<List<ClosureRequestView>> closureRequests(@PathParam("id") UUID id) {
        return workflow.closureRequests(id, caller)
                .map(list -> list.stream().map(ClosureRequestView::of).toList());
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/closure-requests/{requestId: " + PathTemplates.UUID + "}/decision")
    @RolesAllowed({Roles.PROTECTION_SUPERVISOR, Roles.PWNI_HQ})
    @Operation(
            summary = "Approve or reject a closure request",
            description = "By a supervisor of the lead side: the mission's head of protection or PWNI headquarters"
                    + " when Kemlu leads, KemenP2MI's supervisor when it leads; never the officer who asked."
                    + " Approval closes the case. Names the case's version in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Decided; the case as it is now",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "403", description = "not-lead, not-supervisor, own-request")
    @APIResponse(responseCode = "404", description = "No such case or request, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "closure-decided, illegal-transition")
    @APIResponse(responseCode = "412", description = "stale-version")
    @APIResponse(responseCode = "428", description = "precondition-required")
    public Uni<Response> decideClosure(
            @PathParam("id") UUID id,
            @PathParam("requestId") UUID requestId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ClosureDecisionBody request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        CaseClosureRequest.Decision decision = request.decision() == Verdict.APPROVED
                ? CaseClosureRequest.Decision.APPROVED
                : CaseClosureRequest.Decision.REJECTED;
        return workflow.decideClosure(id, version, requestId, decision, request.reason(), caller)
                .map(this::withTag);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/lead")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Hand the lead of an open case to the other agency or another mission",
            description = "By the lead side (or PWNI headquarters for a case Kemlu leads), with a reason; the side"
                    + " giving up the lead takes part from then on. Names the case's version in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Handed over",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @APIResponse(responseCode = "400", description = "validation, unknown-mission, mission-required")
    @APIResponse(responseCode = "403", description = "not-lead")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "case-closed, already-lead")
    @APIResponse(responseCode = "412", description = "stale-version")
    @APIResponse(responseCode = "428", description = "precondition-required")
    public Uni<Response> handOver(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid HandOverRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return workflow.handOver(id, version, request.agency(), request.missionId(), request.reason(), caller)
                .map(this::withTag);
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/vital-interest")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(
            summary = "Invoke vital interest for a critical case",
            description = "The consular officer of the mission handling an open case of a critical category asks"
                    + " consent-service for a vital-interest authorisation: the worker's data may be used for the"
                    + " case without consent for 72 hours unless renewed. The written reason (40 to 2000"
                    + " characters) goes to consent-service and its security review only. Names the case's version"
                    + " in If-Match; the answer's ETag is the case's new version.")
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
    @APIResponse(responseCode = "412", description = "stale-version: the case changed since the version sent")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    @APIResponse(responseCode = "503", description = "consent-unavailable: nothing was invoked; try again")
    public Uni<Response> invokeVitalInterest(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid VitalInterestRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return vitalInterests
                .invoke(id, version, request.strippedReason(), caller)
                .map(c -> Response.status(Response.Status.CREATED)
                        .tag(new EntityTag(String.valueOf(c.version)))
                        .entity(CaseView.of(c, reference))
                        .build());
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/vital-interest/renewal")
    @RolesAllowed(Roles.CONSULAR_OFFICER)
    @Operation(
            summary = "Renew the case's vital-interest authorisation for another 72 hours",
            description = "While it is in force, with a new written reason; it goes back on the security team's"
                    + " review list. Names the case's version in If-Match; the answer's ETag is the case's new"
                    + " version.")
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
    @APIResponse(responseCode = "412", description = "stale-version: the case changed since the version sent")
    @APIResponse(responseCode = "428", description = "precondition-required: If-Match is missing")
    @APIResponse(responseCode = "503", description = "consent-unavailable: nothing was renewed; try again")
    public Uni<Response> renewVitalInterest(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid VitalInterestRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return vitalInterests
                .renew(id, version, request.strippedReason(), caller)
                .map(this::withTag);
    }

    /**
     * The request's Idempotency-Key: none when the header is absent; 400 {@code invalid-idempotency-key} when it
     * is sent more than once, and (by {@code IntakeKeys}) when it is empty or not 1 to 128 visible ASCII characters.
     */
    private Optional<String> idempotencyKey() {
        List<String> keys = headers.getRequestHeader(IDEMPOTENCY_KEY);
        if (keys == null || keys.isEmpty()) {
            return Optional.empty();
        }
        if (keys.size() > 1) {
            throw ProblemException.invalidParameter("invalid-idempotency-key", IDEMPOTENCY_KEY, "must be sent once");
        }
        return Optional.of(keys.get(0));
    }

    /** The case as the API shows it, with its version as the ETag. */
    private Response withTag(ProtectionCase c) {
        return Response.ok(CaseView.of(c, reference))
                .tag(new EntityTag(String.valueOf(c.version)))
                .build();
    }
}
