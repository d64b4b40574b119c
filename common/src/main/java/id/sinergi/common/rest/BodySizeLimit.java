package id.sinergi.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request that declares a body above its limit with a 413 problem instead of the server's empty 413: it
 * runs just before the server's own check, and closes the connection as that check does, without reading the body.
 * The limit is the HTTP server's ({@code quarkus.http.limits.max-body-size}), or the smaller
 * {@code sinergi.http.max-body-size} for every path but the {@code sinergi.http.large-body-paths} (identity-service
 * holds single requests to 1 MiB while its bulk intake takes export files up to the server's limit). A chunked
 * body (no Content-Length) that grows past the server's limit is refused by the server while it is read, mostly
 * with its own empty 413; {@code ProblemMappers} logs it at INFO as {@code event=body-too-large}, not as an
 * internal error.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    /** The limit of every request but those to {@link #largeBodyPaths}; the server's limit when unset. */
    @ConfigProperty(name = "sinergi.http.max-body-size")
    Optional<MemorySize> requestBodySize;

    /** Paths (as the router normalises them) whose bodies may reach the server's limit, e.g. a bulk intake. */
    @ConfigProperty(name = "sinergi.http.large-body-paths")
    Optional<List<String>> largeBodyPaths;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(max -> {
            long server = max.asLongValue();
            long request = requestBodySize.map(MemorySize::asLongValue).orElse(server);
            List<String> large = largeBodyPaths.orElse(List.of());
            router.route()
                    .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                    .handler(ctx ->
                            check(ctx, large.contains(ctx.normalizedPath()) ? server : Math.min(request, server)));
        });
    }

    private void check(RoutingContext ctx, long max) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !declared.strip().matches("\\d{1,18}") || Long.parseLong(declared.strip()) <= max) {
            ctx.next();
            return;
        }
        Problem problem = new Problem(
                "body-too-large",
                "Request body too large",
                413,
                "This endpoint takes request bodies of up to " + max + " bytes",
                ctx.request().path(),
                null);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":413}";
        }
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> ctx.request().connection().close())
                .end(body);
    }
}
