package id.sinergi.common.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which spans the suite records: traces that a received request starts, and what runs under them. */
class RequestSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final RequestSampler sampler = new RequestSampler();

    private SamplingDecision decide(Context parent, SpanKind kind) {
        return sampler.shouldSample(parent, TRACE, "span", kind, Attributes.empty(), List.of())
                .getDecision();
    }

    private static Context parent(boolean sampled, boolean remote) {
        TraceFlags flags = sampled ? TraceFlags.getSampled() : TraceFlags.getDefault();
        SpanContext span = remote
                ? SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7", flags, TraceState.getDefault())
                : SpanContext.create(TRACE, "00f067aa0ba902b7", flags, TraceState.getDefault());
        return Context.root().with(Span.wrap(span));
    }

    @Test
    void shouldStartATraceAtAReceivedRequestOnly() {
        assertThat(decide(Context.root(), SpanKind.SERVER)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(Context.root(), SpanKind.CLIENT))
                .as("a relay delivery or a job's SQL, with no request above it")
                .isEqualTo(SamplingDecision.DROP);
        assertThat(decide(Context.root(), SpanKind.INTERNAL)).isEqualTo(SamplingDecision.DROP);
    }

    @Test
    void shouldFollowTheParentsDecisionUnderARequestAndAcrossServices() {
        assertThat(decide(parent(true, false), SpanKind.CLIENT)).isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(parent(true, true), SpanKind.SERVER))
                .as("a call from another service's sampled request")
                .isEqualTo(SamplingDecision.RECORD_AND_SAMPLE);
        assertThat(decide(parent(false, true), SpanKind.SERVER))
                .as("a delivery the relay sent unsampled")
                .isEqualTo(SamplingDecision.DROP);
    }
}
