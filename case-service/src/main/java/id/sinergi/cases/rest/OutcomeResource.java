package id.sinergi.cases.rest;

import id.sinergi.cases.rest.OutcomeDtos.OutcomeRequest;
import id.sinergi.cases.rest.OutcomeDtos.OutcomeView;
import id.sinergi.cases.service.CaseOutcomes;
import id.sinergi.cases.service.CaseVersions;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a case achieved for the worker: wages recovered, repatriation, a legal result, remains brought home. */
@Path("/api/cases/" + PathTemplates.UUID_ID + "/outcomes")
@Tag(name = "Protection cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutcomeResource {

    @Inject
    CaseOutcomes outcomes;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Record an outcome of a case",
            description = "By the lead side, on a case not closed, naming its version in If-Match; a case may have"
                    + " several. WAGES_RECOVERED: amount (more than 0, at most 2 decimal places, whole for currencies"
                    + " without minor units) and currency (ISO 4217), date optional. REPATRIATED: date."
                    + " LEGAL_RESULT: legalResult and note, date optional. REMAINS_REPATRIATED: date, for a case of"
                    + " death (MENINGGAL_DUNIA) only. No date may be in the future.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(
            responseCode = "400",
            description = "validation (amount not above 0 or with more than 2 places, currency not three capitals),"
                    + " unknown-currency, amount-precision, date-in-future, outcome-field-required,"
                    + " outcome-field-not-allowed; errors[].field names the field")
    @APIResponse(responseCode = "403", description = "not-lead")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "case-closed, not-a-death-case (member categoryCode)")
    @APIResponse(responseCode = "412", description = "stale-version")
    @APIResponse(responseCode = "428", description = "precondition-required")
    public Uni<Response> record(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid OutcomeRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return outcomes.record(id, version, request, caller).map(v -> Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(v.value().id.toString())
                        .build())
                .tag(new EntityTag(String.valueOf(v.caseVersion())))
                .entity(OutcomeView.of(v.value()))
                .build());
    }

    @GET
    @Path("/{outcomeId: " + PathTemplates.UUID + "}")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "One outcome of the case", description = CaseDtos.ROW_ETAG)
    @APIResponse(
            responseCode = "200",
            description = "The outcome",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "404", description = "No such case or outcome, or not one the caller may see")
    public Uni<Response> find(@PathParam("id") UUID id, @PathParam("outcomeId") UUID outcomeId) {
        return outcomes.find(id, outcomeId, caller).map(v -> Response.ok(OutcomeView.of(v.value()))
                .tag(new EntityTag(String.valueOf(v.caseVersion())))
                .build());
    }

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "The case's outcomes, oldest first")
    @APIResponse(responseCode = "200", description = "The outcomes")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    public Uni<List<OutcomeView>> list(@PathParam("id") UUID id) {
        return outcomes.list(id, caller)
                .map(list -> list.stream().map(OutcomeView::of).toList());
    }
}
