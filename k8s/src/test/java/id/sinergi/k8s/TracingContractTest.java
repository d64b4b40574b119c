package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tracing is on only where an OTLP endpoint is set (issue 7's contract): the services default to
 * quarkus.otel.sdk.disabled=true, and the chart sets QUARKUS_OTEL_SDK_DISABLED=false and
 * QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT together, from observability.otlp.endpoint.
 */
class TracingContractTest {

    private static final List<String> SERVICES =
            List.of("identity-service", "case-service", "consent-service", "audit-service");

    @Test
    void withoutAnEndpointNoServiceTurnsTracingOn() {
        for (String service : SERVICES) {
            Map<String, String> env = env(Render.DEVELOPMENT, service);

            assertThat(env).as(service).doesNotContainKey("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT");
            assertThat(env.getOrDefault("QUARKUS_OTEL_SDK_DISABLED", "true"))
                    .as(service)
                    .isEqualTo("true");
        }
    }

    @Test
    void withAnEndpointEveryServiceExportsToIt() {
        for (String service : SERVICES) {
            Map<String, String> env = env(Render.PRODUCTION, service);

            assertThat(env)
                    .as(service)
                    .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                    .containsEntry(
                            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.observability.svc:4317");
        }
    }

    /** The plain env values of the service's container, with the ConfigMaps it reads with envFrom. */
    private static Map<String, String> env(Render render, String service) {
        List<Manifest> manifests = render.manifests();
        return Workloads.env(manifests, Workloads.container(Workloads.deployment(manifests, service), service));
    }
}
