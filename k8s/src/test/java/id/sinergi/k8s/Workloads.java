package id.sinergi.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The pods a render asks for: each workload's pod template, and the pods an operator makes for a CNPG Cluster. */
final class Workloads {

    private Workloads() {}

    /** A container of a workload's pod template. */
    record Container(Manifest workload, JsonNode spec, boolean init) {

        String name() {
            return spec.path("name").asText();
        }

        JsonNode podSpec() {
            return workload.podTemplate().path("spec");
        }

        @Override
        public String toString() {
            return workload + (init ? " init container " : " container ") + name();
        }
    }

    /** Pods selected by labels: a pod template's, or those of a CNPG Cluster's instances. */
    record Pods(String what, JsonNode labels) {}

    static List<Manifest> workloads(List<Manifest> manifests) {
        return manifests.stream().filter(Manifest::isWorkload).toList();
    }

    static List<Container> containers(List<Manifest> manifests) {
        List<Container> containers = new ArrayList<>();
        for (Manifest workload : workloads(manifests)) {
            JsonNode spec = workload.podTemplate().path("spec");
            spec.path("initContainers").forEach(c -> containers.add(new Container(workload, c, true)));
            spec.path("containers").forEach(c -> containers.add(new Container(workload, c, false)));
        }
        if (containers.isEmpty()) {
            // Every per-container policy would pass on an empty render and prove nothing.
            throw new AssertionError("the render has no containers to check");
        }
        return containers;
    }

    /** Every set of pods the render makes, with the labels they carry. */
    static List<Pods> pods(List<Manifest> manifests) {
        List<Pods> pods = new ArrayList<>();
        for (Manifest workload : workloads(manifests)) {
            pods.add(new Pods(
                    workload + " pods", workload.podTemplate().path("metadata").path("labels")));
        }
        for (Manifest cluster : ofKind(manifests, "Cluster")) {
            ObjectNode labels = Manifest.JSON.createObjectNode();
            cluster.object()
                    .path("spec")
                    .path("inheritedMetadata")
                    .path("labels")
                    .fields()
                    .forEachRemaining(e -> labels.set(e.getKey(), e.getValue()));
            labels.put("cnpg.io/cluster", cluster.name());
            pods.add(new Pods(cluster + " instance pods", labels));
        }
        return pods;
    }

    static List<Manifest> ofKind(List<Manifest> manifests, String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    static Optional<Manifest> named(List<Manifest> manifests, String kind, String name) {
        return ofKind(manifests, kind).stream()
                .filter(m -> m.name().equals(name))
                .findFirst();
    }

    /** The Deployment whose app.kubernetes.io/name is this one (identity-service, ..., keycloak). */
    static Manifest deployment(List<Manifest> manifests, String appName) {
        return ofKind(manifests, "Deployment").stream()
                .filter(d -> d.object()
                        .path("metadata")
                        .path("labels")
                        .path("app.kubernetes.io/name")
                        .asText()
                        .equals(appName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment labelled app.kubernetes.io/name=" + appName));
    }

    /** The workload's (first) container of this name. */
    static JsonNode container(Manifest workload, String name) {
        for (JsonNode container : workload.podTemplate().path("spec").path("containers")) {
            if (container.path("name").asText().equals(name)) {
                return container;
            }
        }
        throw new AssertionError(workload + " has no container named " + name);
    }

    /** A container's plain env values: the ConfigMaps it reads with envFrom, then its env list (which wins). */
    static Map<String, String> env(List<Manifest> manifests, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            named(manifests, "ConfigMap", from.path("configMapRef").path("name").asText())
                    .ifPresent(m -> m.object()
                            .path("data")
                            .fields()
                            .forEachRemaining(e ->
                                    env.put(prefix + e.getKey(), e.getValue().asText())));
        }
        for (JsonNode variable : container.path("env")) {
            if (variable.has("value")) {
                env.put(variable.path("name").asText(), variable.path("value").asText());
            }
        }
        return env;
    }

    /** The value of a pod-level or container-level securityContext field: the container's wins. */
    static JsonNode securityField(Container container, String field) {
        JsonNode own = container.spec().path("securityContext").path(field);
        return own.isMissingNode() || own.isNull()
                ? container.podSpec().path("securityContext").path(field)
                : own;
    }
}
