package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.sinergi.k8s.Workloads.Container;
import id.sinergi.k8s.Workloads.Pods;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The policies every rendered workload must follow (issue 7); each test lists every violation it finds. */
class PolicyTest {

    /** Workloads that may mount a service-account token because they call the Kubernetes API (none today). */
    private static final Set<String> NEEDS_API_TOKEN = Set.of();

    /** Name parts that make an env var, or a ConfigMap key read as one, a secret. */
    private static final Set<String> SECRET_WORDS =
            Set.of("SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "CREDENTIALS");

    /** The stateless services, which scale on an HPA in production. */
    private static final Set<String> STATELESS =
            Set.of("identity-service", "case-service", "consent-service", "audit-service");

    private static final Set<String> REQUIRED_LABELS = Set.of(
            "app.kubernetes.io/name",
            "app.kubernetes.io/instance",
            "app.kubernetes.io/version",
            "app.kubernetes.io/managed-by",
            "helm.sh/chart");

    private static final Pattern DIGEST = Pattern.compile("@sha256:[0-9a-f]{64}$");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyContainerHasCpuAndMemoryRequestsAndLimits(Render render) {
        List<String> violations = new ArrayList<>();

        for (Container container : Workloads.containers(render.manifests())) {
            for (String section : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!container.spec().path("resources").path(section).hasNonNull(resource)) {
                        violations.add(container + ": no resources." + section + "." + resource);
                    }
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyLongRunningContainerHasReadinessLivenessAndStartupProbes(Render render) {
        List<String> violations = new ArrayList<>();

        for (Container container : Workloads.containers(render.manifests())) {
            if (container.init() || !container.workload().isLongRunning()) {
                continue;
            }
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                if (!container.spec().has(probe)) {
                    violations.add(container + ": no " + probe);
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyContainerRunsNonRootReadOnlyWithoutPrivilegesAndWithSeccomp(Render render) {
        List<String> violations = new ArrayList<>();

        for (Container container : Workloads.containers(render.manifests())) {
            JsonNode own = container.spec().path("securityContext");
            if (!Workloads.securityField(container, "runAsNonRoot").asBoolean(false)) {
                violations.add(container + ": runAsNonRoot is not true");
            }
            if (!own.path("readOnlyRootFilesystem").asBoolean(false)) {
                violations.add(container + ": readOnlyRootFilesystem is not true");
            }
            if (!own.path("allowPrivilegeEscalation").isBoolean()
                    || own.path("allowPrivilegeEscalation").asBoolean()) {
                violations.add(container + ": allowPrivilegeEscalation is not false");
            }
            if (own.path("privileged").asBoolean(false)) {
                violations.add(container + ": privileged");
            }
            if (!contains(own.path("capabilities").path("drop"), "ALL")) {
                violations.add(container + ": capabilities.drop has no ALL");
            }
            if (own.path("capabilities").path("add").size() > 0) {
                violations.add(container + ": adds capabilities "
                        + own.path("capabilities").path("add"));
            }
            String seccomp = Workloads.securityField(container, "seccompProfile")
                    .path("type")
                    .asText();
            if (!seccomp.equals("RuntimeDefault")) {
                violations.add(container + ": seccompProfile.type is not RuntimeDefault");
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyImageHasAnExplicitTagOtherThanLatestOrADigest(Render render) {
        List<String> violations = new ArrayList<>();
        List<String> images = new ArrayList<>();
        for (Container container : Workloads.containers(render.manifests())) {
            images.add(container + " image " + container.spec().path("image").asText());
        }
        for (Manifest cluster : Workloads.ofKind(render.manifests(), "Cluster")) {
            images.add(cluster + " imageName "
                    + cluster.object().path("spec").path("imageName").asText());
        }

        for (String described : images) {
            String image = described.substring(described.lastIndexOf(' ') + 1);
            String problem = imageProblem(image);
            if (problem != null) {
                violations.add(described + ": " + problem);
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void noSecretWithDataIsRendered(Render render) {
        List<String> violations = new ArrayList<>();

        for (Manifest secret : Workloads.ofKind(render.manifests(), "Secret")) {
            if (!secret.object().path("data").isEmpty()
                    || !secret.object().path("stringData").isEmpty()) {
                violations.add(secret + ": a Secret with data in the chart (create it outside, reference it)");
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everySecretLookingEnvVarComesFromASecret(Render render) {
        List<String> violations = new ArrayList<>();

        for (Container container : Workloads.containers(render.manifests())) {
            for (JsonNode env : container.spec().path("env")) {
                String name = env.path("name").asText();
                if (!looksSecret(name)) {
                    continue;
                }
                if (env.has("value")) {
                    if (!isPathIntoSecretVolume(container, env.path("value").asText())) {
                        violations.add(container + ": env " + name + " has a plain value (use secretKeyRef)");
                    }
                } else if (!env.path("valueFrom").has("secretKeyRef")) {
                    violations.add(container + ": env " + name + " is not read from a Secret");
                }
            }
            for (JsonNode from : container.spec().path("envFrom")) {
                String configMap = from.path("configMapRef").path("name").asText(null);
                if (configMap == null) {
                    continue;
                }
                Optional<Manifest> map = Workloads.named(render.manifests(), "ConfigMap", configMap);
                String prefix = from.path("prefix").asText("");
                for (Iterator<Map.Entry<String, JsonNode>> it = map.map(
                                        m -> m.object().path("data").fields())
                                .orElse(List.<Map.Entry<String, JsonNode>>of().iterator());
                        it.hasNext(); ) {
                    Map.Entry<String, JsonNode> entry = it.next();
                    if (looksSecret(prefix + entry.getKey())
                            && !isPathIntoSecretVolume(
                                    container, entry.getValue().asText())) {
                        violations.add(container + ": env " + prefix + entry.getKey() + " comes from ConfigMap "
                                + configMap + " (a secret belongs in a Secret)");
                    }
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void noPodMountsAServiceAccountTokenItDoesNotNeed(Render render) {
        List<String> violations = new ArrayList<>();

        for (Manifest workload : Workloads.workloads(render.manifests())) {
            JsonNode spec = workload.podTemplate().path("spec");
            JsonNode podSetting = spec.path("automountServiceAccountToken");
            String account = spec.path("serviceAccountName").asText("default");
            boolean accountOff = Workloads.named(render.manifests(), "ServiceAccount", account)
                    .map(sa -> sa.object().path("automountServiceAccountToken").isBoolean()
                            && !sa.object().path("automountServiceAccountToken").asBoolean())
                    .orElse(false);
            boolean mounted = podSetting.isBoolean() ? podSetting.asBoolean() : !accountOff;
            if (mounted && !NEEDS_API_TOKEN.contains(workload.name())) {
                violations.add(workload + ": mounts the token of service account " + account);
            }
            if (account.equals("default")) {
                violations.add(workload + ": runs as the namespace's default service account");
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void selectorsNameNoVersionAndSelectTheirOwnPods(Render render) {
        List<String> violations = new ArrayList<>();

        for (Manifest manifest : render.manifests()) {
            for (Map.Entry<String, JsonNode> selector : selectors(manifest)) {
                if (LabelSelector.keys(selector.getValue()).contains("app.kubernetes.io/version")) {
                    violations.add(manifest + ": " + selector.getKey() + " selects by app.kubernetes.io/version");
                }
            }
            if (manifest.isLongRunning()) {
                JsonNode selector = manifest.object().path("spec").path("selector");
                if (LabelSelector.isEmpty(selector)
                        || !LabelSelector.matches(
                                selector,
                                manifest.podTemplate().path("metadata").path("labels"))) {
                    violations.add(manifest + ": spec.selector does not select its own pod template");
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyObjectAndPodTemplateCarriesTheStandardLabels(Render render) {
        List<String> violations = new ArrayList<>();

        for (Manifest manifest : render.manifests()) {
            JsonNode labels = manifest.object().path("metadata").path("labels");
            for (String label : REQUIRED_LABELS) {
                if (!labels.hasNonNull(label)) {
                    violations.add(manifest + ": no label " + label);
                }
            }
            if (!labels.path("app.kubernetes.io/instance").asText().equals(Render.RELEASE)) {
                violations.add(manifest + ": app.kubernetes.io/instance is not the release name");
            }
            if (!labels.path("app.kubernetes.io/managed-by").asText().equals("Helm")) {
                violations.add(manifest + ": app.kubernetes.io/managed-by is not Helm");
            }
            if (manifest.isWorkload()) {
                JsonNode podLabels = manifest.podTemplate().path("metadata").path("labels");
                for (String label : List.of("app.kubernetes.io/name", "app.kubernetes.io/instance")) {
                    if (!podLabels.hasNonNull(label)) {
                        violations.add(manifest + ": pod template has no label " + label);
                    }
                }
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyDeploymentAndStatefulSetHasAPodDisruptionBudget(Render render) {
        List<String> violations = new ArrayList<>();
        List<Manifest> budgets = Workloads.ofKind(render.manifests(), "PodDisruptionBudget");

        for (Manifest workload : render.manifests()) {
            if (!workload.kind().equals("Deployment") && !workload.kind().equals("StatefulSet")) {
                continue;
            }
            JsonNode labels = workload.podTemplate().path("metadata").path("labels");
            boolean covered = budgets.stream()
                    .anyMatch(pdb ->
                            LabelSelector.matches(pdb.object().path("spec").path("selector"), labels));
            if (!covered) {
                violations.add(workload + ": no PodDisruptionBudget selects its pods");
            }
        }
        for (Manifest pdb : budgets) {
            JsonNode selector = pdb.object().path("spec").path("selector");
            boolean selectsSomething = Workloads.workloads(render.manifests()).stream()
                    .anyMatch(w -> LabelSelector.matches(
                            selector, w.podTemplate().path("metadata").path("labels")));
            if (LabelSelector.isEmpty(selector) || !selectsSomething) {
                violations.add(pdb + ": selects no workload of the release");
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyPodTemplateHasAConfigChecksumAnnotation(Render render) {
        List<String> violations = new ArrayList<>();

        for (Manifest workload : Workloads.workloads(render.manifests())) {
            JsonNode annotations = workload.podTemplate().path("metadata").path("annotations");
            boolean hasChecksum = false;
            for (Iterator<String> it = annotations.fieldNames(); it.hasNext(); ) {
                hasChecksum |= it.next().startsWith("checksum/");
            }
            if (!hasChecksum) {
                violations.add(workload + ": no checksum/* annotation on the pod template (pods would not roll)");
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void aDefaultDenyNetworkPolicyCoversEveryPodAndAnotherGrantsItsFlows(Render render) {
        List<String> violations = new ArrayList<>();
        List<Manifest> policies = Workloads.ofKind(render.manifests(), "NetworkPolicy");
        List<Manifest> denials = policies.stream().filter(PolicyTest::isDenyAll).toList();
        List<Manifest> grants = policies.stream().filter(p -> !isDenyAll(p)).toList();

        if (denials.isEmpty()) {
            violations.add("no default-deny NetworkPolicy (policyTypes Ingress and Egress, no rules)");
        }
        for (Pods pods : Workloads.pods(render.manifests())) {
            boolean denied = denials.stream().anyMatch(p -> selects(p, pods.labels()));
            boolean granted = grants.stream()
                    .anyMatch(
                            p -> !LabelSelector.isEmpty(p.object().path("spec").path("podSelector"))
                                    && selects(p, pods.labels()));
            if (!denied) {
                violations.add(pods.what() + ": not selected by the default-deny NetworkPolicy");
            }
            if (!granted) {
                violations.add(pods.what() + ": no NetworkPolicy of its own selects them");
            }
        }

        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
            value = Render.class,
            names = {"PRODUCTION", "PRODUCTION_ALL_OPTIONS"})
    void everyStatelessServiceScalesOnAnHpaInProduction(Render render) {
        List<String> violations = new ArrayList<>();
        List<Manifest> autoscalers = Workloads.ofKind(render.manifests(), "HorizontalPodAutoscaler");
        int services = 0;

        for (Manifest deployment : Workloads.ofKind(render.manifests(), "Deployment")) {
            String app = deployment
                    .object()
                    .path("metadata")
                    .path("labels")
                    .path("app.kubernetes.io/name")
                    .asText();
            if (!STATELESS.contains(app)) {
                continue;
            }
            services++;
            boolean scaled = autoscalers.stream().anyMatch(hpa -> {
                JsonNode target = hpa.object().path("spec").path("scaleTargetRef");
                return target.path("kind").asText().equals("Deployment")
                        && target.path("apiVersion").asText().equals("apps/v1")
                        && target.path("name").asText().equals(deployment.name());
            });
            if (!scaled) {
                violations.add(deployment + ": no HorizontalPodAutoscaler scales it");
            } else if (deployment.object().path("spec").has("replicas")) {
                violations.add(deployment + ": sets spec.replicas beside its HPA (each upgrade would reset the scale)");
            }
        }
        for (Manifest hpa : autoscalers) {
            String target = hpa.object()
                    .path("spec")
                    .path("scaleTargetRef")
                    .path("name")
                    .asText();
            if (Workloads.named(render.manifests(), "Deployment", target).isEmpty()
                    && Workloads.named(render.manifests(), "StatefulSet", target)
                            .isEmpty()) {
                violations.add(hpa + ": scales " + target + ", which the render does not have");
            }
        }

        assertThat(services).as("service Deployments in the render").isEqualTo(STATELESS.size());
        assertThat(violations).isEmpty();
    }

    /** A NetworkPolicy that denies all traffic of the pods it selects: both types, no rule. */
    private static boolean isDenyAll(Manifest policy) {
        JsonNode spec = policy.object().path("spec");
        return contains(spec.path("policyTypes"), "Ingress")
                && contains(spec.path("policyTypes"), "Egress")
                && spec.path("ingress").isEmpty()
                && spec.path("egress").isEmpty();
    }

    private static boolean selects(Manifest policy, JsonNode labels) {
        return LabelSelector.matches(policy.object().path("spec").path("podSelector"), labels);
    }

    /** The label selectors an object declares, by where they are. */
    private static List<Map.Entry<String, JsonNode>> selectors(Manifest manifest) {
        JsonNode spec = manifest.object().path("spec");
        List<Map.Entry<String, JsonNode>> selectors = new ArrayList<>();
        switch (manifest.kind()) {
            case "Deployment", "StatefulSet", "DaemonSet", "PodDisruptionBudget", "ServiceMonitor" ->
                selectors.add(Map.entry("spec.selector", spec.path("selector")));
            case "Service" -> {
                var asSelector = Manifest.JSON.createObjectNode();
                asSelector.set("matchLabels", spec.path("selector"));
                selectors.add(Map.entry("spec.selector", asSelector));
            }
            case "NetworkPolicy" -> selectors.add(Map.entry("spec.podSelector", spec.path("podSelector")));
            default -> {}
        }
        if (manifest.isWorkload()) {
            JsonNode podSpec = manifest.podTemplate().path("spec");
            for (JsonNode constraint : podSpec.path("topologySpreadConstraints")) {
                selectors.add(Map.entry("topologySpreadConstraints.labelSelector", constraint.path("labelSelector")));
            }
        }
        return selectors;
    }

    private static boolean looksSecret(String name) {
        return Arrays.stream(name.toUpperCase().split("[_.-]")).anyMatch(SECRET_WORDS::contains);
    }

    /** Whether a value is the path of a file in a Secret volume that this container mounts (a key file). */
    private static boolean isPathIntoSecretVolume(Container container, String value) {
        for (JsonNode mount : container.spec().path("volumeMounts")) {
            String mountPath = mount.path("mountPath").asText();
            if (!value.startsWith(mountPath.endsWith("/") ? mountPath : mountPath + "/")) {
                continue;
            }
            for (JsonNode volume : container.podSpec().path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText())
                        && (volume.has("secret") || isProjectedSecrets(volume))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isProjectedSecrets(JsonNode volume) {
        JsonNode sources = volume.path("projected").path("sources");
        if (sources.isEmpty()) {
            return false;
        }
        for (JsonNode source : sources) {
            if (!source.has("secret")) {
                return false;
            }
        }
        return true;
    }

    private static String imageProblem(String image) {
        if (image.isBlank()) {
            return "no image";
        }
        if (DIGEST.matcher(image).find()) {
            return null;
        }
        int lastSlash = image.lastIndexOf('/');
        int colon = image.indexOf(':', lastSlash + 1);
        if (colon < 0 || colon == image.length() - 1) {
            return "no tag (pin a version or a digest)";
        }
        String tag = image.substring(colon + 1);
        return tag.equals("latest") ? "the tag latest (pin a version or a digest)" : null;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode element : array) {
            if (element.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
