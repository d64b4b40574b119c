package id.sinergi.audit.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/**
 * A login event as Keycloak's Admin REST API gives it (its {@code EventRepresentation}); only what the puller
 * reads. Its IP address is not read at all.
 *
 * @param id Keycloak's id of the event
 * @param time when it happened, epoch milliseconds of Keycloak's clock
 * @param type e.g. {@code LOGIN}, {@code LOGIN_ERROR}, {@code IMPERSONATE}
 * @param realmId the realm's internal id
 * @param clientId the client, e.g. {@code sinergi-cli}
 * @param userId the user's id, when Keycloak knows the user
 * @param sessionId the user session
 * @param error Keycloak's error code of a failed event, e.g. {@code invalid_user_credentials}
 * @param details further details; some name the user (a typed username), and only some are kept
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakUserEvent(
        String id,
        long time,
        String type,
        String realmId,
        String clientId,
        String userId,
        String sessionId,
        String error,
        Map<String, String> details) {}
