package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Changes to the test Keycloak's clients that a test needs and the realm file must not carry, through Keycloak's
 * admin API: a browser test's redirect URI on the port the test picked, say.
 *
 * <p>LOCAL ONLY: signs in as the development Keycloak's bootstrap admin ({@code admin}/{@code admin}).
 */
public final class RealmClients {

    private RealmClients() {}

    /**
     * Adds a redirect URI pattern (e.g. {@code http://127.0.0.1:41234/*}) to a client of the test realm, unless it
     * has it already; Keycloak's {@code +} for post-logout redirects then allows it after logout too.
     */
    public static synchronized void allowRedirect(String clientId, String redirectUri) {
        String realm = KeycloakAdmin.testRealm();
        KeycloakAdmin admin = KeycloakAdmin.signIn();
        String clients = "/" + realm + "/clients";
        ArrayNode found =
                (ArrayNode) admin.get(clients + "?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
        if (found.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in realm " + realm);
        }
        ObjectNode client = (ObjectNode) found.get(0);
        ArrayNode uris = client.withArray("redirectUris");
        for (var uri : uris) {
            if (uri.asText().equals(redirectUri)) {
                return;
            }
        }
        uris.add(redirectUri);
        admin.put(clients + "/" + client.path("id").asText(), client.toString());
    }
}
