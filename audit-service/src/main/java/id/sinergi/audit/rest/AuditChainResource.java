package id.sinergi.audit.rest;

import id.sinergi.audit.service.AuditLog;
import id.sinergi.audit.service.Verification;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The hash chain as a whole: proof that no stored event was edited, removed or re-ordered. */
@Path("/api/audit-chain")
@Tag(name = "Audit chain")
@Produces(MediaType.APPLICATION_JSON)
public class AuditChainResource {

    @Inject
    AuditLog log;

    @Inject
    Caller caller;

    @GET
    @Path("/verification")
    @RolesAllowed(Roles.SECURITY_AUDITOR)
    @Operation(
            summary = "Verify the whole chain",
            description = "Recomputes every event's hash in seq order, checks every link, looks for missing seqs"
                    + " and compares the last event with the chain head. Lists at most 100 problems. The"
                    + " verification itself is audited (action audit.verify).")
    @APIResponse(
            responseCode = "200",
            description = "INTACT, or BROKEN with the problems found",
            content = @Content(schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    public Uni<Verification> verify() {
        return log.verify(caller);
    }
}
