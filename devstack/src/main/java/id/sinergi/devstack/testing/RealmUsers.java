package id.sinergi.devstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.devstack.TokenClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Throwaway users of the test realm, created and changed by a test through Keycloak's admin API, so that no test
 * disables or changes a demo user others rely on.
 *
 * <p>LOCAL ONLY: uses the development Keycloak's bootstrap admin ({@link KeycloakAdmin}).
 */
public final class RealmUsers {

    private RealmUsers() {}

    /**
     * Creates an enabled user with one realm role, the given attributes (e.g. {@code agency}, {@code mission}) and
     * the demo password ({@link TokenClient#DEMO_PASSWORD}); returns the user's Keycloak id.
     */
    public static String create(String username, String role, Map<String, String> attributes) {
        KeycloakAdmin admin = KeycloakAdmin.signIn();
        String realm = "/" + KeycloakAdmin.testRealm();
        Map<String, List<String>> values = new LinkedHashMap<>();
        attributes.forEach((name, value) -> values.put(name, List.of(value)));
        Map<String, Object> user = Map.of(
                "username",
                username,
                "enabled",
                true,
                "emailVerified",
                true,
                "firstName",
                "Throwaway",
                "lastName",
                "Tester",
                "email",
                username + "@sinergi.local",
                "attributes",
                values,
                "credentials",
                List.of(Map.of("type", "password", "value", TokenClient.DEMO_PASSWORD, "temporary", false)));
        String id = admin.post(realm + "/users", user);
        JsonNode roleRepresentation = admin.get(realm + "/roles/" + role);
        admin.post(realm + "/users/" + id + "/role-mappings/realm", List.of(roleRepresentation));
        return id;
    }

    /** Disables the user, as an administrator does when someone leaves or their account is abused. */
    public static void disable(String userId) {
        KeycloakAdmin admin = KeycloakAdmin.signIn();
        String path = "/" + KeycloakAdmin.testRealm() + "/users/" + userId;
        ObjectNode user = (ObjectNode) admin.get(path);
        user.put("enabled", false);
        admin.put(path, user);
    }

    public static void delete(String userId) {
        KeycloakAdmin.signIn().delete("/" + KeycloakAdmin.testRealm() + "/users/" + userId);
    }
}
