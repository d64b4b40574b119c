package id.sinergi.consent.rest;

import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.rest.VitalInterestDtos.InvokeRequest;
import id.sinergi.consent.rest.VitalInterestDtos.RenewalRequest;
import id.sinergi.consent.rest.VitalInterestDtos.ReviewRequest;
import id.sinergi.consent.rest.VitalInterestDtos.View;
import id.sinergi.consent.service.ConsentClock;
import id.sinergi.consent.service.VitalInterests;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Vital-interest authorisations (kepentingan vital) of critical protection cases. */
@Path("/api/vital-interest")
@Tag(name = "Vital interest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VitalInterestResource {

    @Inject
    VitalInterests vitalInterests;

    @Inject
    Caller caller;

    @Inject
    ConsentClock clock;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed(Roles.SINERGI_SERVICE)
    @Operation(summary = "case-service invokes vital interest for the consular officer handling a critical case")
    @APIResponse(responseCode = "201", description = "In force for 72 hours")
    @APIResponse(responseCode = "400", description = "Invalid request, a case category that is not critical")
    @APIResponse(responseCode = "403", description = "Not case-service")
    @APIResponse(responseCode = "409", description = "The case has an authorisation in force; renew it")
    public Uni<Response> invoke(@NotNull @Valid InvokeRequest request) {
        return vitalInterests.invoke(request, caller).map(v -> Response.created(
                        uriInfo.getAbsolutePathBuilder().path(v.id.toString()).build())
                .entity(View.of(v, clock.now()))
                .build());
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/renewal")
    @RolesAllowed(Roles.SINERGI_SERVICE)
    @Operation(summary = "case-service renews an authorisation in force for another 72 hours")
    @APIResponse(responseCode = "200", description = "Renewed; back on the review list")
    @APIResponse(responseCode = "403", description = "Not case-service")
    @APIResponse(responseCode = "404", description = "No such authorisation")
    @APIResponse(responseCode = "409", description = "It has ended (vital-interest-ended)")
    public Uni<View> renew(@PathParam("id") UUID id, @NotNull @Valid RenewalRequest request) {
        return vitalInterests.renew(id, request, caller).map(v -> View.of(v, clock.now()));
    }

    @GET
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(summary = "The review list: reviewed=false for what the security team has not reviewed yet")
    @APIResponse(responseCode = "200", description = "Authorisations, oldest first")
    @APIResponse(responseCode = "400", description = "reviewed is neither true nor false (invalid-parameter)")
    public Uni<List<View>> list(@QueryParam("reviewed") String reviewed) {
        Boolean flag = QueryFlags.parse("reviewed", reviewed);
        return vitalInterests.list(flag, caller).map(list -> {
            Instant now = clock.now();
            return list.stream().map(v -> View.of(v, now)).toList();
        });
    }

    @POST
    @Path("/" + PathTemplates.UUID_ID + "/review")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(summary = "The security team marks an authorisation reviewed, with a note")
    @APIResponse(responseCode = "200", description = "Reviewed")
    @APIResponse(responseCode = "404", description = "No such authorisation")
    @APIResponse(responseCode = "409", description = "Already reviewed")
    public Uni<View> review(@PathParam("id") UUID id, @NotNull @Valid ReviewRequest request) {
        return vitalInterests.review(id, request.note(), caller).map(v -> View.of(v, clock.now()));
    }
}
