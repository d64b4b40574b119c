package id.sinergi.common.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.problem.Problem;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose body is above its limit with a 413 {@code body-too-large} problem instead of the server's
 * empty 413, and closes the connection. The limit is the HTTP server's ({@code quarkus.http.limits.max-body-size}),
 * or the smaller {@code sinergi.http.max-body-size} for every path but the {@code sinergi.http.large-body-paths}
 * (identity-service holds single requests to 1 MiB while its bulk intake takes export files up to the server's
 * limit). Each refusal is logged once at INFO as {@code event=body-too-large}.
 *
 * <ul>
 *   <li>A body that declares its length (Content-Length) is refused before it is read, just before the server's own
 *       check.
 *   <li>A body that does not (HTTP/1.1 chunked, or HTTP/2 without Content-Length) is read here, its bytes counted as
 *       they arrive, and refused as soon as they pass the limit; one within it is handed to the resource whole
 *       ({@link BufferedBody}). Two kinds stay with the server's own check while they are read, which answers an
 *       empty 413: bodies to the large-body paths, which are streamed rather than held in memory, and HTML form
 *       bodies, which Quarkus's form parser reads (bounded by {@code quarkus.http.limits.max-form-attribute-size}
 *       too). {@code ProblemMappers} logs those at INFO and writes nothing more.
 * </ul>
 *
 * <p>A body with a Content-Encoding other than {@code identity} (a gzip body, say) is refused before it is read with
 * a 415 {@code unsupported-content-encoding} problem: the services take bodies as they are sent, and would otherwise
 * answer that a compressed JSON body is malformed. Each such refusal is logged at INFO as
 * {@code event=body-encoding-refused}.
 */
@ApplicationScoped
public class BodySizeLimit {

    /** Where a body read here waits in the routing context for {@link BufferedBody}. */
    static final String BUFFERED_BODY = "sinergi.buffered-body";

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
            router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
                boolean streamed = large.contains(ctx.normalizedPath());
                check(ctx, streamed ? server : Math.min(request, server), streamed);
            });
        });
    }

    private void check(RoutingContext ctx, long max, boolean streamed) {
        HttpServerRequest request = ctx.request();
        String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())) {
            Log.infof("event=body-encoding-refused path=%s", ctx.normalizedPath());
            refuse(
                    ctx,
                    new Problem(
                            "unsupported-content-encoding",
                            "Unsupported content encoding",
                            415,
                            "This service takes request bodies without a Content-Encoding (send them uncompressed)",
                            request.path(),
                            null));
            return;
        }
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            if (declared.strip().matches("\\d{1,18}") && Long.parseLong(declared.strip()) > max) {
                refuse(ctx, max);
            } else {
                ctx.next();
            }
            return;
        }
        if (streamed || !undeclaredBody(request) || isForm(request)) {
            ctx.next();
            return;
        }
        readCounting(ctx, max);
    }

    /** Reads the whole body, refusing it once more than {@code max} bytes have come; then goes on with it. */
    private void readCounting(RoutingContext ctx, long max) {
        HttpServerRequest request = ctx.request();
        Buffer body = Buffer.buffer();
        boolean[] refused = {false};
        request.handler(chunk -> {
            if (refused[0]) {
                return;
            }
            if (body.length() + (long) chunk.length() > max) {
                refused[0] = true;
                request.pause();
                refuse(ctx, max);
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> Log.debugf(
                "event=body-read-failed path=%s error=%s",
                ctx.normalizedPath(), e.getClass().getSimpleName()));
        request.endHandler(end -> {
            if (!refused[0]) {
                ctx.put(BUFFERED_BODY, body);
                ctx.next();
            }
        });
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // The client waits for this before it sends the body (curl does for a large one).
            ctx.response().writeContinue();
        }
        request.resume();
    }

    /**
     * Whether a body comes without a declared length: HTTP/1.1 says a request has a body only with Content-Length or
     * Transfer-Encoding; HTTP/2 frames one without either.
     */
    private static boolean undeclaredBody(HttpServerRequest request) {
        if (request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
            return true;
        }
        return request.version() == HttpVersion.HTTP_2
                && !request.isEnded()
                && request.method() != HttpMethod.GET
                && request.method() != HttpMethod.HEAD;
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String media = type == null ? "" : type.toLowerCase(Locale.ROOT).strip();
        return media.startsWith("application/x-www-form-urlencoded") || media.startsWith("multipart/form-data");
    }

    private void refuse(RoutingContext ctx, long max) {
        Log.infof("event=body-too-large path=%s limit=%d", ctx.normalizedPath(), max);
        refuse(
                ctx,
                new Problem(
                        "body-too-large",
                        "Request body too large",
                        413,
                        "This endpoint takes request bodies of up to " + max + " bytes",
                        ctx.request().path(),
                        null));
    }

    /** Answers the problem and closes the connection, whose unread body could not start the next request. */
    private void refuse(RoutingContext ctx, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.getStatus() + "}";
        }
        ctx.response()
                .setStatusCode(problem.getStatus())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> ctx.request().connection().close())
                .end(body);
    }
}
