package id.sinergi.consent.rest;

import id.sinergi.common.rest.PathTemplates;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.rest.ConsentDtos.VersionView;
import id.sinergi.consent.service.ConsentService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A worker's whole consent history (riwayat persetujuan), for the worker's app and for officers. */
@Path("/api/workers/" + PathTemplates.UUID_ID + "/consents")
@Tag(name = "Consent grants")
@Produces(MediaType.APPLICATION_JSON)
public class WorkerConsentResource {

    @Inject
    ConsentService consents;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ, Roles.SOURCE_CONNECTOR})
    @Operation(summary = "Every version of every grant of the worker, in the order they happened")
    @APIResponse(responseCode = "200", description = "The versions; empty when the worker has none")
    @APIResponse(responseCode = "403", description = "Role not allowed, or an internal app other than the worker's")
    public Uni<List<VersionView>> history(@PathParam("id") UUID workerId) {
        return consents.historyOfWorker(workerId, caller);
    }
}
