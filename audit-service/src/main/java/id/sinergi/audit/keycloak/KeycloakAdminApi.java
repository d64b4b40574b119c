package id.sinergi.audit.keycloak;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The two reads of Keycloak's Admin REST API the puller makes (role {@code view-events} of
 * {@code realm-management}). Both take {@code dateFrom} as epoch milliseconds (inclusive) and sort by time.
 */
@Path("/admin/realms/{realm}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    /** Login events ("user events") of the realm from this time on, oldest first. */
    @GET
    @Path("/events")
    Uni<List<KeycloakUserEvent>> events(
            @PathParam("realm") String realm,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("dateFrom") long dateFrom,
            @QueryParam("first") int first,
            @QueryParam("max") int max,
            @QueryParam("direction") String direction);

    /** Admin events of the realm from this time on, oldest first. */
    @GET
    @Path("/admin-events")
    Uni<List<KeycloakAdminEvent>> adminEvents(
            @PathParam("realm") String realm,
            @HeaderParam("Authorization") String authorization,
            @QueryParam("dateFrom") long dateFrom,
            @QueryParam("first") int first,
            @QueryParam("max") int max,
            @QueryParam("direction") String direction);
}
