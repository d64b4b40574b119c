package id.sinergi.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The security console behind an ingress that ends TLS: the pod sees plain HTTP, so with an https
 * services.audit.console.publicUrl the chart makes audit-service send https redirect URIs to Keycloak
 * (SINERGI_CONSOLE_FORCE_HTTPS, read by quarkus.oidc.console.authentication.force-redirect-https-scheme), and the
 * realm's security-console client accepts exactly those.
 */
class ConsoleBehindTlsTest {

    @Test
    void anHttpsConsoleSendsHttpsRedirectUrisThatTheRealmAccepts() throws IOException {
        List<Manifest> manifests = Render.PRODUCTION.manifests();

        Map<String, String> env = Workloads.env(
                manifests, Workloads.container(Workloads.deployment(manifests, "audit-service"), "audit-service"));

        assertThat(env)
                .containsEntry("SINERGI_CONSOLE_FORCE_HTTPS", "true")
                .containsEntry("SINERGI_CONSOLE_SECURE_COOKIES", "true");
        assertThat(consoleRedirectUris(manifests)).containsExactly("https://audit.sinergi.example/console/*");
    }

    @Test
    void aPortForwardedConsoleKeepsTheRequestsScheme() {
        List<Manifest> manifests = Render.DEVELOPMENT.manifests();

        Map<String, String> env = Workloads.env(
                manifests, Workloads.container(Workloads.deployment(manifests, "audit-service"), "audit-service"));

        assertThat(env).containsEntry("SINERGI_CONSOLE_FORCE_HTTPS", "false");
    }

    private static List<String> consoleRedirectUris(List<Manifest> manifests) throws IOException {
        Manifest realm = Workloads.named(manifests, "ConfigMap", "sinergi-keycloak-realm")
                .orElseThrow(() -> new AssertionError("no ConfigMap sinergi-keycloak-realm"));
        JsonNode file = Manifest.JSON.readTree(
                realm.object().path("data").path("sinergi-realm.json").asText());
        for (JsonNode client : file.path("clients")) {
            if (client.path("clientId").asText().equals("security-console")) {
                List<String> uris = new ArrayList<>();
                client.path("redirectUris").forEach(u -> uris.add(u.asText()));
                return uris;
            }
        }
        throw new AssertionError("the realm has no client security-console");
    }
}
