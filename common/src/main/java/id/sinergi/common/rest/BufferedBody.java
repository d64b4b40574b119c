package id.sinergi.common.rest;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;

/**
 * Hands a body that {@link BodySizeLimit} has read and counted (one sent without Content-Length) to the resource:
 * the request's own stream is spent by then. Runs before every other filter, so that all of them see the body.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 100)
public class BufferedBody implements ContainerRequestFilter {

    @Inject
    CurrentVertxRequest current;

    @Override
    public void filter(ContainerRequestContext request) {
        RoutingContext ctx = current.getCurrent();
        Buffer body = ctx == null ? null : ctx.get(BodySizeLimit.BUFFERED_BODY);
        if (body != null) {
            request.setEntityStream(new ByteArrayInputStream(body.getBytes()));
        }
    }
}
