package id.sinergi.cases.rest;

import id.sinergi.cases.rest.ReferralDtos.DecisionBody;
import id.sinergi.cases.rest.ReferralDtos.ReferralRequest;
import id.sinergi.cases.rest.ReferralDtos.ReferralView;
import id.sinergi.cases.service.CaseReferrals;
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

/** A case's referrals and transfers to the other ministry or a named service, and their answers. */
@Path("/api/cases/" + PathTemplates.UUID_ID + "/referrals")
@Tag(name = "Protection cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReferralResource {

    @Inject
    CaseReferrals referrals;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Refer or transfer a case to the other ministry or a named service",
            description = "By the lead side, naming the case's version in If-Match. A REFERRAL asks the other"
                    + " ministry (KEMLU: the case's mission; KEMENP2MI) or a service (REPATRIATION, INSURANCE_CLAIM,"
                    + " LEGAL_AID, SHELTER, with its provider) to act; a TRANSFER hands the case to the other"
                    + " ministry, which leads it once it accepts. The case moves to REFERRED when its status allows;"
                    + " a ministry referred to takes part in the case. Sharing worker data needs consent-service's"
                    + " permit for every category (for the ministry referred to, or for the lead agency that passes"
                    + " the data to a service), or PWNI headquarters' override with a written reason, audited as"
                    + " case.referral-override.")
    @APIResponse(
            responseCode = "201",
            description = "Referred",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(
            responseCode = "400",
            description = "validation, transfer-to-service, provider-required, provider-not-for-ministry,"
                    + " mission-not-for-target, unknown-mission, mission-required, categories-required,"
                    + " categories-without-sharing, override-without-sharing")
    @APIResponse(
            responseCode = "403",
            description = "not-lead; override-not-allowed (audited); consent-denied (members consentReason,"
                    + " deniedCategories): consent-service does not permit the sharing, nothing was stored")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    @APIResponse(
            responseCode = "409",
            description = "case-closed, not-other-ministry (the ministry leads the case), other-mission (member"
                    + " missionId: a referral to Kemlu goes to the case's mission), transfer-pending")
    @APIResponse(responseCode = "412", description = "stale-version")
    @APIResponse(responseCode = "428", description = "precondition-required")
    @APIResponse(
            responseCode = "502",
            description = "consent-refused-request: consent-service refused case-service's request; nothing stored")
    @APIResponse(
            responseCode = "503",
            description = "consent-unavailable: sharing cannot be decided now; nothing was stored")
    public Uni<Response> refer(
            @PathParam("id") UUID id,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid ReferralRequest request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return referrals.refer(id, version, request, caller).map(v -> Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(v.value().id.toString())
                        .build())
                .tag(new EntityTag(String.valueOf(v.caseVersion())))
                .entity(ReferralView.of(v.value()))
                .build());
    }

    @GET
    @Path("/{referralId: " + PathTemplates.UUID + "}")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "One referral or transfer of the case with its answer", description = CaseDtos.ROW_ETAG)
    @APIResponse(
            responseCode = "200",
            description = "The referral",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "404", description = "No such case or referral, or not one the caller may see")
    public Uni<Response> find(@PathParam("id") UUID id, @PathParam("referralId") UUID referralId) {
        return referrals.find(id, referralId, caller).map(v -> Response.ok(ReferralView.of(v.value()))
                .tag(new EntityTag(String.valueOf(v.caseVersion())))
                .build());
    }

    @GET
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(summary = "The case's referrals and transfers with their answers, oldest first")
    @APIResponse(responseCode = "200", description = "The referrals")
    @APIResponse(responseCode = "404", description = "No such case, or not one the caller may see")
    public Uni<List<ReferralView>> list(@PathParam("id") UUID id) {
        return referrals
                .list(id, caller)
                .map(list -> list.stream().map(ReferralView::of).toList());
    }

    @POST
    @Path("/{referralId: " + PathTemplates.UUID + "}/decision")
    @RolesAllowed({Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.P2MI_OFFICER})
    @Operation(
            summary = "Accept or reject a referral, with a reason",
            description = "A referral to a ministry is answered by its side: KemenP2MI's officers, or for Kemlu the"
                    + " consular officers of the mission it is addressed to or PWNI headquarters. A service's answer"
                    + " is recorded by the case's lead side. An accepted transfer hands the lead to the ministry"
                    + " referred to; the former lead takes part from then on. Names the case's version in If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "Answered",
            content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "validation")
    @APIResponse(responseCode = "403", description = "not-receiving-side, not-lead (a service's answer)")
    @APIResponse(responseCode = "404", description = "No such case or referral, or not one the caller may see")
    @APIResponse(
            responseCode = "409",
            description = "referral-decided (member status), case-closed, lead-changed (a transfer whose case"
                    + " changed lead meanwhile can only be rejected), already-lead")
    @APIResponse(responseCode = "412", description = "stale-version")
    @APIResponse(responseCode = "428", description = "precondition-required")
    public Uni<Response> decide(
            @PathParam("id") UUID id,
            @PathParam("referralId") UUID referralId,
            @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid DecisionBody request) {
        long version = CaseVersions.fromIfMatch(ifMatch);
        return referrals
                .decide(id, version, referralId, request.decision(), request.reason(), caller)
                .map(v -> Response.ok(ReferralView.of(v.value()))
                        .tag(new EntityTag(String.valueOf(v.caseVersion())))
                        .build());
    }
}
