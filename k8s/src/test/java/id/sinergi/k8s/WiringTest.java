package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Objects that name each other find each other: Services their pods' ports, ServiceMonitors their Services, and
 * each service listens on the port its container declares.
 */
class WiringTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyServiceSelectsPodsThatHaveItsTargetPorts(Render render) {
        List<String> violations = new ArrayList<>();

        for (Manifest service : Workloads.ofKind(render.manifests(), "Service")) {
            JsonNode selector = service.object().path("spec").path("selector");
            if (selector.isEmpty()) {
                continue; // a Service without selector has its endpoints managed elsewhere
            }
            List<Manifest> selected = Workloads.workloads(render.manifests()).stream()
                    .filter(w -> LabelSelector.matches(
                            Manifest.JSON.createObjectNode().set("matchLabels", selector),
                            w.podTemplate().path("metadata").path("labels")))
                    .toList();
            if (selected.isEmpty()) {
                violations.add(service + ": selects no pod template of the render");
            }
            for (JsonNode port : service.object().path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
                for (Manifest workload : selected) {
                    if (!hasContainerPort(workload, target)) {
                        violations.add(service + ": targetPort " + target + " is no container port of " + workload);
                    }
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Render.class,
            names = {"PRODUCTION", "PRODUCTION_ALL_OPTIONS"})
    void everyServiceMonitorScrapesPortHttpAtQuarkusMetricsOfAService(Render render) {
        List<String> violations = new ArrayList<>();
        List<Manifest> monitors = Workloads.ofKind(render.manifests(), "ServiceMonitor");

        for (Manifest monitor : monitors) {
            JsonNode selector = monitor.object().path("spec").path("selector");
            List<Manifest> services = Workloads.ofKind(render.manifests(), "Service").stream()
                    .filter(s -> LabelSelector.matches(
                            selector, s.object().path("metadata").path("labels")))
                    .toList();
            if (services.isEmpty()) {
                violations.add(monitor + ": selects no Service");
            }
            for (JsonNode endpoint : monitor.object().path("spec").path("endpoints")) {
                String port = endpoint.path("port").asText();
                for (Manifest service : services) {
                    boolean named = false;
                    for (JsonNode servicePort : service.object().path("spec").path("ports")) {
                        named |= servicePort.path("name").asText().equals(port);
                    }
                    if (!named) {
                        violations.add(monitor + ": endpoint port " + port + " is no port of " + service);
                    }
                }
            }
        }

        assertThat(monitors).as("ServiceMonitors in the %s render", render).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Render.class,
            names = {"PRODUCTION", "PRODUCTION_ALL_OPTIONS"})
    void theServicesAreScrapedOnPortHttpAtQMetrics(Render render) {
        List<String> scraped = new ArrayList<>();

        for (Manifest monitor : Workloads.ofKind(render.manifests(), "ServiceMonitor")) {
            for (JsonNode endpoint : monitor.object().path("spec").path("endpoints")) {
                scraped.add(endpoint.path("port").asText() + " "
                        + endpoint.path("path").asText());
            }
        }

        assertThat(scraped).contains("http /q/metrics");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyServiceListensOnItsContainerPortHttp(Render render) {
        assertThat(listeningMismatches(render.manifests())).isEmpty();
    }

    @Test
    void aServicePortSetInTheValuesIsWhereTheServiceListens() {
        List<Manifest> manifests = Manifest.parseAll(
                Render.template(Render.PRODUCTION.valuesFiles(), List.of("services.identity.port=9081"))
                        .orFail());

        JsonNode identity =
                Workloads.container(Workloads.deployment(manifests, "identity-service"), "identity-service");

        assertThat(Workloads.env(manifests, identity)).containsEntry("QUARKUS_HTTP_PORT", "9081");
        assertThat(listeningMismatches(manifests)).isEmpty();
    }

    /** Services whose QUARKUS_HTTP_PORT (where Quarkus listens) is not their container port named http. */
    private static List<String> listeningMismatches(List<Manifest> manifests) {
        List<String> mismatches = new ArrayList<>();
        for (String service : List.of("identity-service", "case-service", "consent-service", "audit-service")) {
            JsonNode container = Workloads.container(Workloads.deployment(manifests, service), service);
            String listens = Workloads.env(manifests, container).get("QUARKUS_HTTP_PORT");
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals("http")
                        && !port.path("containerPort").asText().equals(listens)) {
                    mismatches.add(service + ": container port http is " + port.path("containerPort")
                            + ", QUARKUS_HTTP_PORT " + listens);
                }
            }
        }
        return mismatches;
    }

    private static boolean hasContainerPort(Manifest workload, JsonNode target) {
        for (JsonNode container : workload.podTemplate().path("spec").path("containers")) {
            for (JsonNode port : container.path("ports")) {
                if (target.isInt()
                        ? port.path("containerPort").asInt() == target.asInt()
                        : port.path("name").asText().equals(target.asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
