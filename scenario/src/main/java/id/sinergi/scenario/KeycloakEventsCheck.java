package id.sinergi.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import id.sinergi.devstack.KeycloakServer;
import id.sinergi.devstack.TokenClient;
import id.sinergi.scenario.Api.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The main job's check that Keycloak's events reach the audit log: after the scenario's logins, Keycloak's
 * administrator grants the security-auditor role to {@code p2mi.officer} and takes it away again; audit-service's
 * puller copies both admin events into the log, and each raises a role-change alert of the administrator.
 *
 * <p>LOCAL ONLY: it acts as Keycloak's bootstrap administrator {@code admin}/{@code admin} of the development
 * server.
 */
final class KeycloakEventsCheck {

    private static final String OFFICER = "p2mi.officer";
    private static final String ROLE = "security-auditor";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Api api;
    private final String keycloak;
    private final String audit;
    private final TokenClient tokens;

    /**
     * @param keycloak Keycloak's base URL, e.g. {@code http://127.0.0.1:8180}
     * @param audit audit-service's base URL
     * @param api the client the check sends its requests through
     */
    KeycloakEventsCheck(String keycloak, String audit, TokenClient tokens, Api api) {
        this.api = api;
        this.keycloak = keycloak;
        this.audit = audit;
        this.tokens = tokens;
    }

    void check(ProtectionScenario.ScenarioReport report) {
        String what = "Keycloak's events reach the audit log: the scenario's logins, and an admin's role grant and"
                + " removal raise a role-change alert each";
        try {
            report.check(what, true, run());
        } catch (IllegalStateException e) {
            report.check(what, false, e.getMessage());
        }
    }

    private String run() {
        String admin = adminToken();
        String adminId = single(api.get(keycloak + "/admin/realms/master/users?exact=true&username=admin", admin))
                .path("id")
                .asText();
        String officerId = single(api.get(admin("/users?exact=true&username=" + OFFICER), admin))
                .path("id")
                .asText();
        JsonNode role = expect(api.get(admin("/roles/" + ROLE), admin), "the role " + ROLE)
                .body();
        String mappings = "/users/" + officerId + "/role-mappings/realm";
        expect(api.post(admin(mappings), admin, List.of(role)), "granting " + ROLE);
        expect(api.delete(admin(mappings), admin, List.of(role)), "removing " + ROLE);

        String auditor = tokens.user("security.auditor");
        Set<String> changes = awaitRoleChanges(auditor, adminId, officerId);
        long logins = api.get(audit + "/api/audit-events/summary?service=keycloak&action=keycloak.login", auditor)
                .body()
                .path("total")
                .asLong();
        if (logins == 0) {
            throw new IllegalStateException("no keycloak.login event in the log");
        }
        return logins + " logins; alerted: " + String.join(", ", changes);
    }

    /** The officer's role grant and removal in the log, once each is a triggering event of a role-change alert. */
    private Set<String> awaitRoleChanges(String auditor, String adminId, String officerId) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            Set<String> alerted = new HashSet<>();
            Answer alerts = api.get(audit + "/api/audit-alerts?rule=role-change&limit=200&actor=" + adminId, auditor);
            for (JsonNode alert : alerts.body().path("alerts")) {
                alert.path("triggeringEvents").forEach(id -> alerted.add(id.asText()));
            }
            Set<String> found = new TreeSet<>();
            for (String operation : List.of("create", "delete")) {
                String action = "keycloak.admin.realm-role-mapping." + operation;
                Answer events = api.get(
                        audit + "/api/audit-events?service=keycloak&limit=500&action=" + action + "&actor=" + adminId,
                        auditor);
                for (JsonNode e : events.body().path("events")) {
                    if (officerId.equals(e.path("resourceId").asText())
                            && alerted.contains(e.path("id").asText())) {
                        found.add(action);
                    }
                }
            }
            if (found.size() == 2) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("after " + PATIENCE.toSeconds() + " s only " + found
                        + " of the grant and the removal are in the log with a role-change alert");
            }
            sleep();
        }
    }

    /** LOCAL ONLY: the development server's bootstrap administrator. */
    private String adminToken() {
        Answer token = api.postForm(
                keycloak + "/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
        return expect(token, "the admin's token").body().path("access_token").asText();
    }

    private String admin(String path) {
        return keycloak + "/admin/realms/" + KeycloakServer.REALM + path;
    }

    private static JsonNode single(Answer answer) {
        if (!answer.ok() || answer.body().size() != 1) {
            throw new IllegalStateException("Keycloak answered HTTP " + answer.status() + " to a user lookup");
        }
        return answer.body().get(0);
    }

    private static Answer expect(Answer answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + ": Keycloak answered HTTP " + answer.status());
        }
        return answer;
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
