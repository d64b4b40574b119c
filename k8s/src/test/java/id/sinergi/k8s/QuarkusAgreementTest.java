package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chart and the manifests quarkus-kubernetes generates from each service's application.properties (its
 * {@code quarkus.kubernetes.*} block) agree: the container port's name and number, the three probes' paths and
 * ports, and every env var the generated manifest declares is set by the chart (by env or by a ConfigMap read
 * with envFrom). The generated manifests come from the services' own builds, which Maven runs before this module.
 */
class QuarkusAgreementTest {

    private static final List<String> SERVICES =
            List.of("identity-service", "case-service", "consent-service", "audit-service");

    /**
     * Added by quarkus-kubernetes to every manifest it generates (the pod's namespace, through the downward API);
     * no service reads it, so the chart need not set it.
     */
    private static final Set<String> ADDED_BY_QUARKUS = Set.of("KUBERNETES_NAMESPACE");

    static Stream<Arguments> servicesPerRender() {
        return Stream.of(Render.values()).flatMap(r -> SERVICES.stream().map(s -> Arguments.of(r, s)));
    }

    @ParameterizedTest(name = "{1} in the {0} render")
    @MethodSource("servicesPerRender")
    void theChartsDeploymentAgreesWithTheGeneratedManifest(Render render, String service) throws IOException {
        JsonNode generated = container(generatedDeployment(service), service);
        Manifest chartDeployment = chartDeployment(render, service);
        JsonNode chart = container(chartDeployment, service);
        List<String> mismatches = mismatches(generated, chart, envNames(render, chart));

        assertThat(mismatches)
                .as("%s: %s/target/kubernetes/kubernetes.yml against the chart's %s", service, service, chartDeployment)
                .isEmpty();
    }

    @Test
    void aDifferentPortProbePathOrAMissingEnvVarIsNamed() {
        JsonNode generated = container(
                """
                name: case-service
                ports: [{name: http, containerPort: 8082}]
                startupProbe: {httpGet: {path: /q/health/started, port: 8082}}
                livenessProbe: {httpGet: {path: /q/health/live, port: 8082}}
                readinessProbe: {httpGet: {path: /q/health/ready, port: 8082}}
                env: [{name: KUBERNETES_NAMESPACE}, {name: SINERGI_DB_USER}, {name: SINERGI_DB_PASSWORD}]
                """);
        JsonNode chart = container(
                """
                name: case-service
                ports: [{name: http, containerPort: 8080}]
                startupProbe: {httpGet: {path: /q/health/started, port: http}}
                livenessProbe: {httpGet: {path: /q/health, port: http}}
                readinessProbe: {httpGet: {path: /q/health/ready, port: 8082}}
                """);

        List<String> mismatches = mismatches(generated, chart, Set.of("SINERGI_DB_USER"));

        assertThat(mismatches)
                .containsExactly(
                        "container port http is 8082 in the generated manifest, [http=8080] in the chart",
                        "startupProbe port is 8082 in the generated manifest, \"http\" in the chart",
                        "livenessProbe path is \"/q/health/live\" in the generated manifest,"
                                + " \"/q/health\" in the chart",
                        "livenessProbe port is 8082 in the generated manifest, \"http\" in the chart",
                        "env SINERGI_DB_PASSWORD is declared by the generated manifest and not set by the chart");
        assertThat(mismatches(generated, generated, Set.of("SINERGI_DB_USER", "SINERGI_DB_PASSWORD")))
                .isEmpty();
    }

    private static JsonNode container(String yaml) {
        return Manifest.parseAll(yaml).get(0).object();
    }

    /** What differs between a generated container and the chart's, which gets the env vars named in chartEnv. */
    static List<String> mismatches(JsonNode generated, JsonNode chart, Set<String> chartEnv) {
        List<String> mismatches = new ArrayList<>();
        for (JsonNode port : generated.path("ports")) {
            String name = port.path("name").asText();
            int number = port.path("containerPort").asInt();
            if (portNumber(chart, name) != number) {
                mismatches.add("container port " + name + " is " + number + " in the generated manifest, "
                        + describePorts(chart) + " in the chart");
            }
        }
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            JsonNode expected = generated.path(probe).path("httpGet");
            JsonNode actual = chart.path(probe).path("httpGet");
            if (!expected.path("path").asText().equals(actual.path("path").asText())) {
                mismatches.add(probe + " path is " + expected.path("path") + " in the generated manifest, "
                        + actual.path("path") + " in the chart");
            }
            if (resolvePort(generated, expected.path("port")) != resolvePort(chart, actual.path("port"))) {
                mismatches.add(probe + " port is " + expected.path("port") + " in the generated manifest, "
                        + actual.path("port") + " in the chart");
            }
        }
        for (JsonNode env : generated.path("env")) {
            String name = env.path("name").asText();
            if (!ADDED_BY_QUARKUS.contains(name) && !chartEnv.contains(name)) {
                mismatches.add("env " + name + " is declared by the generated manifest and not set by the chart");
            }
        }
        return mismatches;
    }

    private static Manifest generatedDeployment(String service) throws IOException {
        Path file = Helm.REPO.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertThat(file)
                .as("%s is written when %s is packaged; `mvn -pl k8s -am verify` builds it first", file, service)
                .exists();
        return Manifest.parseAll(Files.readString(file)).stream()
                .filter(m -> m.kind().equals("Deployment") && m.name().equals(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no Deployment " + service));
    }

    private static Manifest chartDeployment(Render render, String service) {
        return Workloads.ofKind(render.manifests(), "Deployment").stream()
                .filter(d -> d.object()
                        .path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/name")
                        .asText()
                        .equals(service))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "the " + render + " render has no Deployment labelled app.kubernetes.io/name=" + service));
    }

    private static JsonNode container(Manifest deployment, String service) {
        JsonNode containers = deployment.podTemplate().path("spec").path("containers");
        for (JsonNode container : containers) {
            if (container.path("name").asText().equals(service)) {
                return container;
            }
        }
        throw new AssertionError(deployment + " has no container named " + service);
    }

    /** Env names the container gets: its env list and the keys of every ConfigMap it reads with envFrom. */
    private static Set<String> envNames(Render render, JsonNode container) {
        Set<String> names = new LinkedHashSet<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            String configMap = from.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                Workloads.named(render.manifests(), "ConfigMap", configMap)
                        .ifPresent(
                                m -> m.object().path("data").fieldNames().forEachRemaining(k -> names.add(prefix + k)));
            }
        }
        return names;
    }

    private static int portNumber(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static int resolvePort(JsonNode container, JsonNode port) {
        return port.isInt() ? port.asInt() : portNumber(container, port.asText());
    }

    private static String describePorts(JsonNode container) {
        List<String> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("name").asText() + "=" + p.path("containerPort")));
        return ports.toString();
    }
}
