package id.sinergi.consent.rest;

import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.rest.ConsentDtos.DecisionRequest;
import id.sinergi.consent.service.Decision;
import id.sinergi.consent.service.DecisionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The decision call: may agency A use categories C of worker W for purpose P? Always 200 with PERMIT or DENY;
 * denying is the callers' job. Answers carry {@code Cache-Control: no-store}: a decision holds for this call only.
 */
@Path("/api/consent-decisions")
@Tag(name = "Consent decisions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    @Inject
    DecisionService decisions;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SINERGI_SERVICE})
    @Operation(summary = "Decide whether an agency may use categories of a worker's data for a purpose")
    @APIResponse(
            responseCode = "200",
            description = "PERMIT or DENY, with the basis, the deciding grant and the permitted and denied categories",
            content = @Content(schema = @Schema(implementation = Decision.class)))
    @APIResponse(responseCode = "400", description = "Invalid request")
    @APIResponse(responseCode = "403", description = "Role not allowed, or asking for another agency")
    public Uni<Response> decide(@NotNull @Valid DecisionRequest request) {
        return decisions.decide(request, caller).map(d -> Response.ok(d)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build());
    }
}
