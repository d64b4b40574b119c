package id.sinergi.consent.rest;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Who consent-service takes the caller to be, read from the verified token and nothing else: lets an internal
 * app check its token's agency, mission and roles before it asks for decisions. It touches no database, so the
 * decision benchmark also uses it as the floor an authenticated call costs (docs/benchmarks.md).
 */
@Path("/api/caller")
@Tag(name = "Caller")
@Produces(MediaType.APPLICATION_JSON)
public class CallerResource {

    @Inject
    Caller caller;

    @GET
    @Authenticated
    @Operation(summary = "The caller as the access token names them: subject, user, agency, mission, client, roles")
    @APIResponse(responseCode = "200", description = "The caller")
    @APIResponse(responseCode = "401", description = "No valid access token")
    public AuditActor whoAmI() {
        return caller.actor();
    }
}
