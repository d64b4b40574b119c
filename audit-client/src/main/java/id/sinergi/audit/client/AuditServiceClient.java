package id.sinergi.audit.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** audit-service's intake, called with this service's own client-credentials token. */
@RegisterRestClient(configKey = "audit-service")
@OidcClientFilter
@Path("/api/audit-events")
public interface AuditServiceClient {

    /**
     * Stores the events, each sent as its outbox payload was written (see {@link OutboxBatch}); events whose id is
     * already stored are skipped, so a retry is safe.
     */
    @POST
    @Path("/batch")
    Uni<Void> deliver(List<JsonNode> events);
}
