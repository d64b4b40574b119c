package id.sinergi.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local-only secrets of the realm's confidential clients. The realm file holds no secret: each client's
 * {@code secret} is a Keycloak import placeholder such as {@code ${SINERGI_CASE_SERVICE_SECRET}}, which Keycloak
 * resolves from its environment. Locally that value is {@code local-only-<clientId>-secret}; the Helm chart takes
 * it from a Kubernetes Secret instead.
 *
 * <p>LOCAL ONLY: these secrets are for this machine's Keycloak and the tests.
 */
public final class LocalRealm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private LocalRealm() {}

    /** The local-only secret of a confidential client of the realm file. */
    public static String secret(String clientId) {
        if (!placeholders().containsKey(clientId)) {
            throw new IllegalArgumentException("no confidential client " + clientId + " in " + RepoPaths.realmFile());
        }
        return "local-only-" + clientId + "-secret";
    }

    /** The environment Keycloak needs to import the realm file locally: placeholder name to local-only secret. */
    public static Map<String, String> importEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        placeholders().forEach((clientId, variable) -> env.put(variable, secret(clientId)));
        return env;
    }

    /** Each confidential client's id and the environment variable its secret placeholder names. */
    static Map<String, String> placeholders() {
        JsonNode realm;
        try {
            realm = JSON.readTree(RepoPaths.realmFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the realm file " + RepoPaths.realmFile(), e);
        }
        Map<String, String> placeholders = new LinkedHashMap<>();
        for (JsonNode client : realm.path("clients")) {
            if (client.hasNonNull("secret")) {
                Matcher m = PLACEHOLDER.matcher(client.path("secret").asText());
                if (!m.matches()) {
                    throw new IllegalStateException("the realm file holds a secret value for client "
                            + client.path("clientId").asText() + "; it must be a placeholder ${SINERGI_..._SECRET}");
                }
                placeholders.put(client.path("clientId").asText(), m.group(1));
            }
        }
        return placeholders;
    }
}
