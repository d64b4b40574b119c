package id.sinergi.common.ops;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The suite's trace sampler (Quarkus uses a {@link Sampler} bean in place of the configured one): a trace starts
 * only at a request the service receives, and every span under it follows its parent's decision, so that one
 * request is followed across the services it reaches (the REST clients pass W3C {@code traceparent} on).
 *
 * <p>Spans that background work starts without a request — the audit outbox relay's deliveries and their SQL, the
 * scheduled jobs, the metrics refreshes, Keycloak token and event reads — are not recorded: they would otherwise
 * be a trace every second per service while nobody calls it. Quarkus drops {@code /q/*} (health, metrics) before
 * this sampler sees them.
 */
@Singleton
public class RequestSampler implements Sampler {

    private final Sampler delegate = Sampler.parentBased(new RequestsOnly());

    @Override
    public SamplingResult shouldSample(
            Context parentContext,
            String traceId,
            String name,
            SpanKind spanKind,
            Attributes attributes,
            List<LinkData> parentLinks) {
        return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return "RequestSampler{" + delegate.getDescription() + "}";
    }

    /** The root decision: record a trace that a received request starts, drop any other. */
    static final class RequestsOnly implements Sampler {

        @Override
        public SamplingResult shouldSample(
                Context parentContext,
                String traceId,
                String name,
                SpanKind spanKind,
                Attributes attributes,
                List<LinkData> parentLinks) {
            return spanKind == SpanKind.SERVER ? SamplingResult.recordAndSample() : SamplingResult.drop();
        }

        @Override
        public String getDescription() {
            return "RequestsOnly";
        }
    }
}
