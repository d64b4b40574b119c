package id.sinergi.consent.rest;

import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.fhir.FhirConsent;
import id.sinergi.consent.fhir.FhirConsent.Consent;
import id.sinergi.consent.rest.ConsentDtos.GrantRequest;
import id.sinergi.consent.rest.ConsentDtos.GrantView;
import id.sinergi.consent.rest.ConsentDtos.HolderView;
import id.sinergi.consent.rest.ConsentDtos.RevocationRequest;
import id.sinergi.consent.rest.ConsentDtos.TransitionRequest;
import id.sinergi.consent.rest.ConsentDtos.VersionView;
import id.sinergi.consent.service.ConsentClock;
import id.sinergi.consent.service.ConsentExports;
import id.sinergi.consent.service.ConsentExports.SignedReceipt;
import id.sinergi.consent.service.ConsentService;
import id.sinergi.consent.service.GrantLifecycle;
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
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Consent grants: record, read, list per worker, change status, read the history. */
@Path("/api/consents")
@Tag(name = "Consent grants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @Inject
    GrantLifecycle lifecycle;

    @Inject
    ConsentClock clock;

    @Inject
    ConsentExports exports;

    @POST
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(
            summary = "Record a consent the worker (or a guardian or representative) gave",
            description = "The worker is checked in identity-service with the caller's token before anything is"
                    + " stored; a merged worker's id records the grant for the worker it was merged into.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = GrantView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid request, or a worker identity-service does not know (unknown-worker)")
    @APIResponse(responseCode = "403", description = "Role not allowed, or an officer granting to their own agency")
    @APIResponse(
            responseCode = "503",
            description = "identity-service could not check the worker (identity-unavailable); nothing is stored")
    public Uni<Response> grant(@NotNull @Valid GrantRequest request) {
        return consents.grant(request, caller).map(g -> Response.created(
                        uriInfo.getAbsolutePathBuilder().path(g.id.toString()).build())
                .entity(GrantView.of(g, clock.now()))
                .build());
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID)
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(summary = "Read one consent grant, its status as it reads now")
    @APIResponse(responseCode = "200", description = "The grant")
    @APIResponse(responseCode = "404", description = "No such grant")
    public Uni<GrantView> find(@PathParam("id") UUID id) {
        return consents.find(id, caller).map(g -> GrantView.of(g, clock.now()));
    }

    @GET
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(summary = "List a worker's consent grants, oldest first")
    @APIResponse(responseCode = "200", description = "The worker's grants")
    @APIResponse(responseCode = "400", description = "workerId missing")
    public Uni<List<GrantView>> list(@QueryParam("workerId") @NotNull UUID workerId) {
        return consents.listForWorker(workerId, caller).map(grants -> {
            Instant now = clock.now();
            return grants.stream().map(g -> GrantView.of(g, now)).toList();
        });
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/history")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(summary = "Every version of a grant, oldest first; officers and the worker's app")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "403", description = "Role not allowed, or an internal app other than the worker's")
    @APIResponse(responseCode = "404", description = "No such grant")
    public Uni<List<VersionView>> history(@PathParam("id") UUID id) {
        return consents.historyOfGrant(id, caller);
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/holders")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(summary = "Who received data under the grant, first use first; officers and the worker's app")
    @APIResponse(responseCode = "200", description = "The holders")
    @APIResponse(responseCode = "403", description = "Role not allowed, or an internal app other than the worker's")
    @APIResponse(responseCode = "404", description = "No such grant")
    public Uni<List<HolderView>> holders(@PathParam("id") UUID id) {
        return consents.holdersOfGrant(id, caller)
                .map(holders -> holders.stream().map(HolderView::of).toList());
    }

    /**
     * A consent receipt: the grant as it stands now, signed (JWS, EdDSA) with the key published at
     * {@code GET /api/consent-receipts/keys}, for the worker to keep and anybody to verify.
     */
    @GET
    @Path("/" + PathTemplates.UUID_ID + "/receipt")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(
            summary = "A signed consent receipt of the grant (ISO/IEC TS 27560 shape); officers and the worker's app")
    @APIResponse(
            responseCode = "200",
            description = "The receipt: the JWS in compact serialisation, the key id, and the payload it signs",
            content = @Content(schema = @Schema(implementation = SignedReceipt.class)))
    @APIResponse(responseCode = "403", description = "Role not allowed, or an internal app other than the worker's")
    @APIResponse(responseCode = "404", description = "No such grant")
    public Uni<SignedReceipt> receipt(@PathParam("id") UUID id) {
        return exports.receipt(id, caller);
    }

    @GET
    @Path("/" + PathTemplates.UUID_ID + "/fhir")
    @Produces(FhirConsent.MEDIA_TYPE)
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(summary = "The grant as a FHIR R4 Consent resource; officers and the worker's app")
    @APIResponse(responseCode = "200", description = "The Consent resource")
    @APIResponse(responseCode = "403", description = "Role not allowed, or an internal app other than the worker's")
    @APIResponse(responseCode = "404", description = "No such grant")
    public Uni<Consent> fhir(@PathParam("id") UUID id) {
        return exports.fhir(id, caller);
    }

    /** Open to every role that may record grants: withdrawing consent must be as easy as giving it (UU 27/2022). */
    @POST
    @Path("/" + PathTemplates.UUID_ID + "/revocation")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(summary = "Revoke a grant; decisions deny from the next call on, holders get stop notices")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such grant")
    @APIResponse(responseCode = "409", description = "The grant's status cannot become REVOKED (transition-forbidden)")
    public Uni<GrantView> revoke(@PathParam("id") UUID id, @NotNull @Valid RevocationRequest request) {
        return lifecycle
                .change(id, GrantStatus.REVOKED, request.reason(), caller)
                .map(g -> GrantView.of(g, clock.now()));
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/transitions")
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(summary = "Change a grant's status: activate, pause, resume, reject or revoke it")
    @APIResponse(responseCode = "200", description = "Changed; a new version is in the history")
    @APIResponse(responseCode = "400", description = "Invalid request, or a status only the clock sets")
    @APIResponse(responseCode = "403", description = "Role not allowed, or the receiving agency activating")
    @APIResponse(responseCode = "404", description = "No such grant")
    @APIResponse(responseCode = "409", description = "Not allowed from the current status (transition-forbidden)")
    public Uni<GrantView> transition(@PathParam("id") UUID id, @NotNull @Valid TransitionRequest request) {
        return lifecycle.change(id, request.status(), request.reason(), caller).map(g -> GrantView.of(g, clock.now()));
    }
}
