package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every workload's NetworkPolicy lets it reach an external PostgreSQL server: by address (postgresql.external.cidrs,
 * the production values) or, for a server in the cluster, by its pods' peers (postgresql.external.to, the
 * development values), since an ipBlock may not match pod IPs.
 */
class DatabaseEgressTest {

    private static final List<String> POLICIES =
            List.of("sinergi-identity", "sinergi-case", "sinergi-consent", "sinergi-audit", "sinergi-keycloak");

    @Test
    void theDevelopmentServerIsReachedThroughItsNamespaceOnItsPort() {
        JsonNode databases = Manifest.parseAll(
                        "namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: databases}}")
                .get(0)
                .object();

        for (String policy : POLICIES) {
            assertThat(egressPeers(Render.DEVELOPMENT.manifests(), policy, 5432))
                    .as(policy)
                    .containsExactly(databases);
        }
    }

    @Test
    void theProductionServerIsReachedByItsAddresses() {
        JsonNode block =
                Manifest.parseAll("ipBlock: {cidr: 10.20.0.0/24}").get(0).object();

        for (String policy : POLICIES) {
            assertThat(egressPeers(Render.PRODUCTION.manifests(), policy, 5432))
                    .as(policy)
                    .containsExactly(block);
        }
    }

    /** The peers of the policy's egress rules that allow this TCP port. */
    private static List<JsonNode> egressPeers(List<Manifest> manifests, String policy, int port) {
        Manifest manifest = Workloads.named(manifests, "NetworkPolicy", policy)
                .orElseThrow(() -> new AssertionError("no NetworkPolicy " + policy));
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode rule : manifest.object().path("spec").path("egress")) {
            for (JsonNode allowed : rule.path("ports")) {
                if (allowed.path("port").asInt() == port) {
                    rule.path("to").forEach(peers::add);
                }
            }
        }
        return peers;
    }
}
