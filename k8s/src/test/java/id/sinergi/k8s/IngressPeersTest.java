package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who may reach each service's port from outside the release (the production values): networkPolicy.apiClients
 * reaches identity, case and consent but not audit-service; the ingress controller reaches audit-service (console,
 * witnesses); each service admits its own services.<name>.networkPolicy.ingressFrom (consent: the ingress
 * controller, for the receipts' public URL; audit: the Peduli WNI portal).
 */
class IngressPeersTest {

    private static final JsonNode API_CLIENTS = peer(
            """
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: sinergi-apps}}
            """);

    private static final JsonNode INGRESS_CONTROLLER = peer(
            """
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: ingress-nginx}}
            podSelector: {matchLabels: {app.kubernetes.io/name: ingress-nginx}}
            """);

    private static final JsonNode PORTAL = peer(
            """
            namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: sinergi-apps}}
            podSelector: {matchLabels: {app.kubernetes.io/name: peduli-wni-portal}}
            """);

    @Test
    void theInternalAppsReachTheApisButNotTheAuditLog() {
        List<Manifest> manifests = Render.PRODUCTION.manifests();

        assertThat(peers(manifests, "sinergi-identity")).contains(API_CLIENTS);
        assertThat(peers(manifests, "sinergi-case")).contains(API_CLIENTS);
        assertThat(peers(manifests, "sinergi-consent")).contains(API_CLIENTS);
        assertThat(peers(manifests, "sinergi-audit")).doesNotContain(API_CLIENTS);
    }

    @Test
    void eachServiceAdmitsItsOwnFurtherPeers() {
        List<Manifest> manifests = Render.PRODUCTION.manifests();

        assertThat(peers(manifests, "sinergi-consent")).contains(INGRESS_CONTROLLER);
        assertThat(peers(manifests, "sinergi-audit")).contains(INGRESS_CONTROLLER, PORTAL);
        assertThat(peers(manifests, "sinergi-identity")).doesNotContain(INGRESS_CONTROLLER, PORTAL);
        assertThat(peers(manifests, "sinergi-case")).doesNotContain(INGRESS_CONTROLLER, PORTAL);
    }

    @Test
    void aPeerSetForOneServiceIsAdmittedThereAlone() {
        List<Manifest> manifests = Manifest.parseAll(Render.template(
                        Render.PRODUCTION.valuesFiles(),
                        List.of("services.case.networkPolicy.ingressFrom[0].podSelector.matchLabels.app=reporting"))
                .orFail());
        JsonNode reporting = peer("podSelector: {matchLabels: {app: reporting}}");

        assertThat(peers(manifests, "sinergi-case")).contains(reporting);
        assertThat(peers(manifests, "sinergi-identity")).doesNotContain(reporting);
        assertThat(peers(manifests, "sinergi-audit")).doesNotContain(reporting);
    }

    /** Every peer of the NetworkPolicy's ingress rules that admit the port http. */
    private static List<JsonNode> peers(List<Manifest> manifests, String policy) {
        Manifest manifest = Workloads.named(manifests, "NetworkPolicy", policy)
                .orElseThrow(() -> new AssertionError("no NetworkPolicy " + policy));
        List<JsonNode> peers = new ArrayList<>();
        for (JsonNode rule : manifest.object().path("spec").path("ingress")) {
            if (rule.path("ports").findValuesAsText("port").contains("http")) {
                rule.path("from").forEach(peers::add);
            }
        }
        return peers;
    }

    private static JsonNode peer(String yaml) {
        return Manifest.parseAll(yaml).get(0).object();
    }
}
