package id.sinergi.identity.rest;

import id.sinergi.common.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps single requests small while bulk intake may stream large exports: the HTTP server's limit
 * ({@code quarkus.http.limits.max-body-size}) is sized for a bulk file, and this filter refuses any other request
 * that declares a body above {@link #MAX_BODY_BYTES}, with a problem body. A request that declares no length
 * (chunked) is bounded by the server's limit only.
 */
public class BodyLimits {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || request.getUriInfo().getPath().endsWith("/registrations/bulk")) {
            return Optional.empty();
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            return Optional.empty(); // the HTTP server refuses a malformed length before this runs
        }
        if (length <= MAX_BODY_BYTES) {
            return Optional.empty();
        }
        Problem problem = new Problem(
                "body-too-large",
                "Request body too large",
                413,
                "This endpoint takes bodies of up to " + MAX_BODY_BYTES + " bytes; send exports to the bulk intake",
                request.getUriInfo().getPath(),
                null);
        return Optional.of(
                Response.status(413).type(Problem.MEDIA_TYPE).entity(problem).build());
    }
}
