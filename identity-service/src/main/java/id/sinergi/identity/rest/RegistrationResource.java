package id.sinergi.identity.rest;

import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import id.sinergi.identity.rest.WorkerDtos.RegistrationView;
import id.sinergi.identity.service.RegistrationOutcome;
import id.sinergi.identity.service.RegistrationService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Source systems (and officers on their behalf) register their records of workers. */
@Path("/api/workers/registrations")
@Tag(name = "Worker registrations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    @Inject
    RegistrationService registrations;

    @Inject
    Caller caller;

    @Inject
    UriInfo uriInfo;

    @POST
    @RolesAllowed({Roles.SOURCE_CONNECTOR, Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ})
    @Operation(
            summary = "Register a source record of a worker",
            description = "Links the record by NIK to the worker it describes, creating the worker when the NIK is"
                    + " new. A resend with identical content changes nothing. A NIK that disagrees with the"
                    + " declared birth date or sex is kept and flagged. The worker's attributes come from the"
                    + " highest-ranked source (SISKOP2MI above PEDULI_WNI), from its latest record; a lower-ranked"
                    + " record that disagrees on name, birth date or sex is kept and flagged SOURCE_DISAGREEMENT.")
    @APIResponse(
            responseCode = "201",
            description = "CREATED: a new worker",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(
            responseCode = "200",
            description = "LINKED to a known worker, UNCHANGED resend, or UPDATED record",
            content = @Content(schema = @Schema(implementation = RegistrationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid record: invalid-nik-format, unknown-district, invalid-nik-date,"
                    + " invalid-nik-serial, future-birth-date, unknown-country, invalid-placement-dates,"
                    + " validation, malformed-json, invalid-json-value")
    @APIResponse(
            responseCode = "403",
            description = "Role not allowed (forbidden), or a source of another agency (source-not-yours)")
    @APIResponse(
            responseCode = "409",
            description = "The source record is registered with another NIK (source-record-conflict)")
    public Uni<Response> register(@NotNull @Valid RegistrationRequest request) {
        return registrations.register(request, caller).map(r -> {
            RegistrationView view = RegistrationView.of(r);
            if (r.outcome() != RegistrationOutcome.CREATED) {
                return Response.ok(view).build();
            }
            return Response.created(uriInfo.getBaseUriBuilder()
                            .path("api/workers")
                            .path(r.workerId().toString())
                            .build())
                    .entity(view)
                    .build();
        });
    }
}
