package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every call between the services that the chart wires, a {@code QUARKUS_REST_CLIENT_<X>_SERVICE_URL} of the caller
 * (which QuarkusAgreementTest holds to the service's own application.properties), is a flow the NetworkPolicies
 * allow: egress from the caller's pods to the callee's pods on the URL's port, and ingress at the callee's pods from
 * the caller's on its port http. A client added to a service without its flow fails here, not in the cluster.
 */
class ServiceFlowsTest {

    private static final List<String> SERVICES =
            List.of("identity-service", "case-service", "consent-service", "audit-service");

    private static final Pattern CLIENT_URL = Pattern.compile("QUARKUS_REST_CLIENT_([A-Z]+)_SERVICE_URL");

    @ParameterizedTest(name = "{0}")
    @EnumSource(Render.class)
    void everyServiceUrlOfACallerIsAFlowTheNetworkPoliciesAllow(Render render) {
        List<Manifest> manifests = render.manifests();
        List<Manifest> policies = Workloads.ofKind(manifests, "NetworkPolicy");
        List<String> flows = new ArrayList<>();
        List<String> violations = new ArrayList<>();

        for (String caller : SERVICES) {
            Manifest callerDeployment = Workloads.deployment(manifests, caller);
            JsonNode callerPods = podLabels(callerDeployment);
            Map<String, String> env = Workloads.env(manifests, Workloads.container(callerDeployment, caller));
            for (Map.Entry<String, String> variable : env.entrySet()) {
                Matcher client = CLIENT_URL.matcher(variable.getKey());
                if (!client.matches()) {
                    continue;
                }
                String callee = client.group(1).toLowerCase(java.util.Locale.ROOT) + "-service";
                JsonNode calleePods = podLabels(Workloads.deployment(manifests, callee));
                int port = URI.create(variable.getValue()).getPort();
                flows.add(caller + " -> " + callee);
                if (!allowsEgress(policies, callerPods, calleePods, port)) {
                    violations.add(caller + " -> " + callee + ": no egress to its pods on port " + port);
                }
                if (!allowsIngress(policies, calleePods, callerPods)) {
                    violations.add(caller + " -> " + callee + ": no ingress at its pods on port http");
                }
            }
        }

        assertThat(flows)
                .as("the calls the chart wires")
                .contains("consent-service -> identity-service", "identity-service -> consent-service");
        assertThat(violations).isEmpty();
    }

    private static JsonNode podLabels(Manifest workload) {
        return workload.podTemplate().path("metadata").path("labels");
    }

    private static boolean allowsEgress(List<Manifest> policies, JsonNode from, JsonNode to, int port) {
        return policies.stream().filter(p -> selects(p, from)).anyMatch(p -> {
            for (JsonNode rule : p.object().path("spec").path("egress")) {
                boolean onPort = false;
                for (JsonNode allowed : rule.path("ports")) {
                    onPort |= allowed.path("port").asInt() == port;
                }
                if (onPort && peersMatch(rule.path("to"), to)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean allowsIngress(List<Manifest> policies, JsonNode at, JsonNode from) {
        return policies.stream().filter(p -> selects(p, at)).anyMatch(p -> {
            for (JsonNode rule : p.object().path("spec").path("ingress")) {
                if (rule.path("ports").findValuesAsText("port").contains("http")
                        && peersMatch(rule.path("from"), from)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** A peer of the release's own namespace (a podSelector without namespaceSelector) selecting the pods. */
    private static boolean peersMatch(JsonNode peers, JsonNode pods) {
        for (JsonNode peer : peers) {
            if (peer.has("podSelector")
                    && !peer.has("namespaceSelector")
                    && LabelSelector.matches(peer.path("podSelector"), pods)) {
                return true;
            }
        }
        return false;
    }

    private static boolean selects(Manifest policy, JsonNode pods) {
        return LabelSelector.matches(policy.object().path("spec").path("podSelector"), pods);
    }
}
