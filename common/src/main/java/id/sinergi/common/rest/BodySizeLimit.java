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
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request that declares a body above the HTTP server's limit ({@code quarkus.http.limits.max-body-size})
 * with a 413 problem instead of the server's empty 413: it runs just before the server's own check, refuses the
 * same requests, and closes the connection as that check does, without reading the body. A chunked body (no
 * Content-Length) that grows past the limit is refused by the server while it is read, mostly with its own empty
 * 413; {@code ProblemMappers} logs it at INFO as {@code event=body-too-large}, not as an internal error.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        maxBodySize.ifPresent(max -> router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(ctx -> check(ctx, max.asLongValue())));
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
                "This service takes request bodies of up to " + max + " bytes",
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
