package id.sinergi.audit.alert;

import id.sinergi.audit.alert.AlertDtos.AlertView;
import id.sinergi.audit.alert.AlertDtos.SampleRequest;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Random samples of the sealed log, drawn into review tasks signed off like alerts. */
@Path("/api/audit-reviews/samples")
@Tag(name = "Audit alerts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SampleResource {

    @Inject
    AlertService alerts;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Draw random sealed events into a review task",
            description = "The task (rule 'sample') is read and signed off at /api/audit-alerts/{id}. Audited"
                    + " (audit.review.sample).")
    @APIResponse(
            responseCode = "201",
            description = "The task; Location names it",
            content = @Content(schema = @Schema(implementation = AlertView.class)))
    @APIResponse(responseCode = "400", description = "A bad body; errors[].field names the field")
    @APIResponse(responseCode = "409", description = "empty-sample: no sealed event matches the filter")
    public Uni<Response> draw(@NotNull @Valid SampleRequest request) {
        return alerts.sample(request, caller).map(view -> Response.created(URI.create("/api/audit-alerts/" + view.id()))
                .entity(view)
                .build());
    }
}
