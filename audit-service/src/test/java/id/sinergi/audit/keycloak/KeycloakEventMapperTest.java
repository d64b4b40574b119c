package id.sinergi.audit.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Keycloak's events as audit events: actions, actors by id only, roles and targets kept, personal data left out. */
class KeycloakEventMapperTest {

    private static final String USER = "5a7f3c2e-1b4d-4e8f-9a6b-2c3d4e5f6a7b";
    private static final String ADMIN = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
    private static final long TIME = 1_772_352_000_123L;

    private final KeycloakEventMapper mapper = new KeycloakEventMapper("sinergi", new ObjectMapper());

    @Test
    void aLoginIsKeycloakLoginOfTheUsersIdWithoutTheTypedUsernameOrAddress() {
        KeycloakUserEvent login = new KeycloakUserEvent(
                "e-1",
                TIME,
                "LOGIN",
                "realm-id",
                "sinergi-cli",
                USER,
                "s-1",
                null,
                Map.of("username", "consul.kl", "grant_type", "password", "redirect_uri", "http://x/?q=1"));

        AuditEvent event = mapper.user(login);

        assertThat(event.service()).isEqualTo("keycloak");
        assertThat(event.action()).isEqualTo("keycloak.login");
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(event.occurredAt()).isEqualTo(Instant.ofEpochMilli(TIME));
        assertThat(event.actor().subject()).isEqualTo(USER);
        assertThat(event.actor().username()).isNull();
        assertThat(event.actor().clientId()).isEqualTo("sinergi-cli");
        assertThat(event.reason())
                .contains("grant-type=password")
                .doesNotContain("consul")
                .doesNotContain("http");
        assertThat(event.toString()).doesNotContain("consul.kl");
    }

    @Test
    void aFailedLoginOfAnUnknownUserIsDeniedForUnknownUserAndKeepsOnlyTheErrorCode() {
        KeycloakUserEvent failed = new KeycloakUserEvent(
                "e-2",
                TIME,
                "LOGIN_ERROR",
                "realm-id",
                "sinergi-cli",
                null,
                null,
                "user_not_found",
                Map.of("username", "9999015501900001", "auth_method", "openid-connect"));

        AuditEvent event = mapper.user(failed);

        assertThat(event.action()).isEqualTo("keycloak.login-error");
        assertThat(event.outcome()).isEqualTo(AuditOutcome.DENIED);
        assertThat(event.actor().subject()).isEqualTo(KeycloakEventMapper.UNKNOWN_USER);
        assertThat(event.reason()).contains("error=user_not_found").doesNotContain("9999015501900001");
        assertThat(event.resourceId()).isNull();
    }

    @Test
    void anImpersonationNamesTheImpersonatorAsActorAndTheImpersonatedUserAsItsResource() {
        KeycloakUserEvent impersonate = new KeycloakUserEvent(
                "e-3",
                TIME,
                "IMPERSONATE",
                "realm-id",
                "security-admin-console",
                USER,
                "s-2",
                null,
                Map.of("impersonator", "admin", "impersonator_realm", "master"));

        AuditEvent event = mapper.user(impersonate);
        AuditEvent again = mapper.user(impersonate);

        assertThat(event.action()).isEqualTo("keycloak.impersonate");
        assertThat(event.actor().subject()).startsWith("kc-account-").hasSizeLessThanOrEqualTo(64);
        assertThat(event.actor().username()).isEqualTo("admin");
        assertThat(event.resourceType()).isEqualTo("user");
        assertThat(event.resourceId()).isEqualTo(USER);
        assertThat(event.reason()).contains("impersonated=" + USER).contains("impersonator-realm=master");
        assertThat(again).isEqualTo(event);
    }

    @Test
    void aRealmRoleGrantNamesTheRoleTheUserAndTheAdministratorButNoOtherField() {
        KeycloakAdminEvent grant = new KeycloakAdminEvent(
                "a-1",
                TIME,
                new KeycloakAdminEvent.AuthDetails("master-id", "client-uuid", ADMIN),
                "CREATE",
                "REALM_ROLE_MAPPING",
                "users/" + USER + "/role-mappings/realm",
                "[{\"id\":\"r1\",\"name\":\"pwni-hq\",\"description\":\"Direktorat PWNI\",\"composite\":false}]",
                null);

        AuditEvent event = mapper.admin(grant);

        assertThat(event.action()).isEqualTo("keycloak.admin.realm-role-mapping.create");
        assertThat(event.outcome()).isEqualTo(AuditOutcome.SUCCESS);
        assertThat(event.actor().subject()).isEqualTo(ADMIN);
        assertThat(event.resourceType()).isEqualTo("user");
        assertThat(event.resourceId()).isEqualTo(USER);
        assertThat(event.reason()).contains("roles=pwni-hq").contains("admin-realm=master-id");
        assertThat(event.reason()).doesNotContain("Direktorat");
    }

    @Test
    void aClientRoleRemovalNamesTheClientAndAGroupMembershipTheGroupsPath() {
        KeycloakAdminEvent removal = new KeycloakAdminEvent(
                "a-2",
                TIME,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", ADMIN),
                "DELETE",
                "CLIENT_ROLE_MAPPING",
                "users/" + USER + "/role-mappings/clients/c-uuid",
                "[{\"name\":\"view-events\"},{\"name\":\"manage-users\"}]",
                null);
        KeycloakAdminEvent join = new KeycloakAdminEvent(
                "a-3",
                TIME,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", ADMIN),
                "CREATE",
                "GROUP_MEMBERSHIP",
                "users/" + USER + "/groups/g-uuid",
                "{\"id\":\"g-uuid\",\"name\":\"auditors\",\"path\":\"/kemlu/auditors\"}",
                null);

        AuditEvent removed = mapper.admin(removal);
        AuditEvent joined = mapper.admin(join);

        assertThat(removed.action()).isEqualTo("keycloak.admin.client-role-mapping.delete");
        assertThat(removed.reason()).contains("roles=view-events,manage-users").contains("client=c-uuid");
        assertThat(joined.action()).isEqualTo("keycloak.admin.group-membership.create");
        assertThat(joined.reason()).contains("groups=/kemlu/auditors");
    }

    @Test
    void aUserCreatedByAnAdministratorKeepsNothingOfTheUsersRepresentation() {
        KeycloakAdminEvent created = new KeycloakAdminEvent(
                "a-4",
                TIME,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", ADMIN),
                "CREATE",
                "USER",
                "users/" + USER,
                "{\"username\":\"siti.rahayu\",\"firstName\":\"Siti\",\"lastName\":\"Rahayu\","
                        + "\"email\":\"siti@example.id\",\"attributes\":{\"nik\":[\"9999015501900001\"]}}",
                null);

        AuditEvent event = mapper.admin(created);

        assertThat(event.action()).isEqualTo("keycloak.admin.user.create");
        assertThat(event.toString())
                .doesNotContain("siti")
                .doesNotContain("Siti")
                .doesNotContain("Rahayu")
                .doesNotContain("9999015501900001");
    }

    @Test
    void aUserUpdateKeepsTheOfficersAgencyAndMissionAndNothingElseOfTheRepresentation() {
        KeycloakAdminEvent moved = new KeycloakAdminEvent(
                "a-10",
                TIME,
                new KeycloakAdminEvent.AuthDetails("master-id", "client-uuid", ADMIN),
                "UPDATE",
                "USER",
                "users/" + USER,
                "{\"id\":\"" + USER + "\",\"username\":\"consul.kl\",\"firstName\":\"Budi\","
                        + "\"lastName\":\"Santoso\",\"email\":\"budi.santoso@kemlu.go.id\","
                        + "\"attributes\":{\"agency\":[\"KEMLU\"],\"mission\":[\"KJRI-JOHORBAHRU\"],"
                        + "\"phone\":[\"+60123456789\"],\"nik\":[\"9999015501900001\"]}}",
                null);

        AuditEvent event = mapper.admin(moved);

        assertThat(event.action()).isEqualTo("keycloak.admin.user.update");
        assertThat(event.actor().subject()).isEqualTo(ADMIN);
        assertThat(event.resourceType()).isEqualTo("user");
        assertThat(event.resourceId()).isEqualTo(USER);
        assertThat(event.reason().split(" ")).contains("path=users/" + USER, "agency=KEMLU", "mission=KJRI-JOHORBAHRU");
        assertThat(event.toString())
                .doesNotContain("consul")
                .doesNotContain("Budi")
                .doesNotContain("Santoso")
                .doesNotContain("kemlu.go.id")
                .doesNotContain("60123456789")
                .doesNotContain("9999015501900001")
                .doesNotContain("phone");
    }

    @Test
    void aCreatedOfficerKeepsTheScopeAndAnEmptiedMissionOrAStringValueIsStillNamed() {
        KeycloakAdminEvent created = new KeycloakAdminEvent(
                "a-11",
                TIME,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", ADMIN),
                "CREATE",
                "USER",
                "users/" + USER,
                "{\"username\":\"consul.kl\",\"email\":\"x@y.id\","
                        + "\"attributes\":{\"agency\":\"KEMLU\",\"mission\":[]}}",
                null);
        KeycloakAdminEvent noScope = new KeycloakAdminEvent(
                "a-12",
                TIME,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", ADMIN),
                "UPDATE",
                "USER",
                "users/" + USER,
                "{\"username\":\"consul.kl\",\"enabled\":false,\"attributes\":{\"locale\":[\"id\"]}}",
                null);
        KeycloakAdminEvent roleWithMission = new KeycloakAdminEvent(
                "a-13",
                TIME,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", ADMIN),
                "UPDATE",
                "REALM_ROLE",
                "roles-by-id/r-1",
                "{\"name\":\"consular-officer\",\"attributes\":{\"mission\":[\"KBRI-KUALALUMPUR\"]}}",
                null);

        assertThat(mapper.admin(created).reason().split(" ")).contains("agency=KEMLU", "mission=-");
        assertThat(mapper.admin(noScope).reason()).doesNotContain("agency=").doesNotContain("mission=");
        assertThat(mapper.admin(roleWithMission).reason()).doesNotContain("mission=");
    }

    @Test
    void theEventIdIsDerivedFromKeycloaksIdSoReadingTwiceGivesTheSameEventAndTheStreamsDoNotCollide() {
        KeycloakUserEvent login =
                new KeycloakUserEvent("same-id", TIME, "LOGIN", "r", "sinergi-cli", USER, "s", null, Map.of());
        KeycloakAdminEvent admin = new KeycloakAdminEvent(
                "same-id",
                TIME,
                new KeycloakAdminEvent.AuthDetails("r", "c", ADMIN),
                "DELETE",
                "USER",
                "users/x",
                null,
                null);
        KeycloakEventMapper otherRealm = new KeycloakEventMapper("elsewhere", new ObjectMapper());

        UUID first = mapper.user(login).id();

        assertThat(mapper.user(login).id()).isEqualTo(first);
        assertThat(first.version()).isEqualTo(5);
        assertThat(mapper.admin(admin).id()).isNotEqualTo(first);
        assertThat(otherRealm.user(login).id()).isNotEqualTo(first);
    }

    @Test
    void anAdminFailureIsFailedAndOddTypesStillGiveAValidAction() {
        KeycloakAdminEvent failed =
                new KeycloakAdminEvent("a-5", TIME, null, "ACTION", "Weird Type!", "", null, "unknown_error");

        AuditEvent event = mapper.admin(failed);

        assertThat(event.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(event.action()).isEqualTo("keycloak.admin.weirdtype.action");
        assertThat(event.actor().subject()).isEqualTo(KeycloakEventMapper.UNKNOWN_USER);
        assertThat(event.action()).matches("[a-z][a-z0-9.-]*");
    }
}
