package id.sinergi.audit.keycloak;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An admin event as Keycloak's Admin REST API gives it (its {@code AdminEventRepresentation}); only what the
 * puller reads.
 *
 * @param id Keycloak's id of the event
 * @param time when it happened, epoch milliseconds of Keycloak's clock
 * @param authDetails who did it
 * @param operationType {@code CREATE}, {@code UPDATE}, {@code DELETE} or {@code ACTION}
 * @param resourceType e.g. {@code REALM_ROLE_MAPPING}, {@code USER}, {@code GROUP_MEMBERSHIP}
 * @param resourcePath e.g. {@code users/<id>/role-mappings/realm}
 * @param representation the JSON the administrator sent (with the realm's "include representation" on); only role
 *     and group names, and a user's attributes {@code agency} and {@code mission} (the officer's scope), are read
 *     from it, since a user's representation also holds names and e-mail addresses
 * @param error Keycloak's error of a failed operation
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record KeycloakAdminEvent(
        String id,
        long time,
        AuthDetails authDetails,
        String operationType,
        String resourceType,
        String resourcePath,
        String representation,
        String error) {

    /**
     * The administrator behind an admin event; the IP address is not read.
     *
     * @param realmId the realm the administrator logged in to (another one's, for the master realm's admins)
     * @param clientId the internal id of the client the administrator used
     * @param userId the administrator's user id
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AuthDetails(String realmId, String clientId, String userId) {}
}
