package id.sinergi.cases.rest;

import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.Mission;
import id.sinergi.cases.reference.ReferenceData;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The codes cases refer to: Indonesia's missions abroad and the case categories. Public facts: any token of the
 * realm may read them.
 */
@Path("/api/reference")
@Authenticated
@Tag(name = "Reference data")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {

    @Inject
    ReferenceData reference;

    @GET
    @Path("/missions")
    @Operation(summary = "Indonesian missions abroad (KBRI, KJRI, KRI, PTRI, KDEI), in the order Kemlu lists them")
    @APIResponse(
            responseCode = "200",
            description = "Every mission",
            content = @Content(schema = @Schema(implementation = Mission.class, type = SchemaType.ARRAY)))
    public List<Mission> missions() {
        return reference.missions();
    }

    @GET
    @Path("/case-categories")
    @Operation(summary = "Case categories with their Indonesian terms and English glosses")
    @APIResponse(
            responseCode = "200",
            description = "Every category",
            content = @Content(schema = @Schema(implementation = CaseCategory.class, type = SchemaType.ARRAY)))
    public List<CaseCategory> categories() {
        return reference.categories();
    }
}
