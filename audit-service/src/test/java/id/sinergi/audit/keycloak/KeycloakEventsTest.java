package id.sinergi.audit.keycloak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.audit.AuditTestResource;
import id.sinergi.devstack.Processes;
import id.sinergi.devstack.TokenClient;
import id.sinergi.devstack.testing.SinergiTestResource;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's events in the log, against the real Keycloak of the tests: a user of the test's own logs in, the
 * master realm's admin impersonates them and grants and removes a realm role; the puller (run by hand here, the
 * test profile turns its schedule off) copies the events, they are sealed and queryable with the right actions and
 * actors, the impersonation and each role change raise an alert, and pulling again adds nothing.
 */
@QuarkusTest
@AuditTestResource
class KeycloakEventsTest {

    private static final String AUDITOR = "security.auditor";

    @Inject
    KeycloakEventPuller puller;

    @Inject
    Pool pool;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @Test
    void loginImpersonationAndRoleChangesReachTheLogSealedAndRaiseAnAlertEach() {
        String admin = adminToken();
        String adminId = adminId(admin);
        String user = createUser(admin);
        login(user);
        impersonate(admin, user);
        Map<String, Object> role = realmRole(admin, "pwni-hq");
        roleMapping(admin, user, role, true);
        roleMapping(admin, user, role, false);

        puller.pullAll().await().indefinitely();

        JsonPath login = awaitEvents(Map.of("service", "keycloak", "action", "keycloak.login", "actor", user), 1);
        assertThat(login.getString("events[0].outcome")).isEqualTo("SUCCESS");
        assertThat(login.getString("events[0].actor.clientId")).isEqualTo("sinergi-cli");
        assertThat(login.getString("events[0].actor.username")).isNull();
        assertThat(login.getString("events[0].reason")).contains("grant-type=password");
        JsonPath impersonation = awaitEvents(Map.of("action", "keycloak.impersonate"), user);
        String impersonator = impersonation.getString("events[0].actor.subject");
        assertThat(impersonation.getString("events[0].actor.username")).isEqualTo("admin");
        assertThat(impersonation.getString("events[0].resourceId")).isEqualTo(user);
        JsonPath granted =
                awaitEvents(Map.of("action", "keycloak.admin.realm-role-mapping.create", "actor", adminId), user);
        JsonPath removed =
                awaitEvents(Map.of("action", "keycloak.admin.realm-role-mapping.delete", "actor", adminId), user);
        assertThat(granted.getString("events[0].reason")).contains("roles=pwni-hq");
        assertThat(removed.getString("events[0].reason")).contains("roles=pwni-hq");
        assertThat(granted.getString("events[0].resourceType")).isEqualTo("user");
        for (JsonPath e : List.of(login, impersonation, granted, removed)) {
            awaitSealed(e.getString("events[0].id"));
        }

        List<String> impersonations = awaitAlertEvents(impersonator, "impersonation", 1);
        List<String> roleChanges = awaitAlertEvents(adminId, "role-change", 2);
        assertThat(impersonations).contains(impersonation.getString("events[0].id"));
        assertThat(roleChanges).contains(granted.getString("events[0].id")).contains(removed.getString("events[0].id"));
        JsonPath alert = alerts(adminId, "role-change");
        assertThat(alert.getString("alerts[0].label.en")).isEqualTo("Role or group membership change in Keycloak");
        assertThat(alert.getString("alerts[0].label.id")).isNotBlank();
    }

    @Test
    void movingAnOfficerToAnotherMissionReachesTheLogWithTheNewMissionAndRaisesAScopeChangeAlert() {
        String admin = adminToken();
        String adminId = adminId(admin);
        String officer = createUser(admin, Map.of("agency", List.of("KEMLU"), "mission", List.of("KBRI-KUALALUMPUR")));
        Map<String, Object> representation = user(admin, officer);
        @SuppressWarnings("unchecked")
        Map<String, Object> attributes =
                new java.util.HashMap<>((Map<String, Object>) representation.get("attributes"));
        attributes.put("mission", List.of("KJRI-JOHORBAHRU"));
        Map<String, Object> moved = new java.util.HashMap<>(representation);
        moved.put("attributes", attributes);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(moved)
                .put(keycloakBase() + "/admin/realms/" + realm() + "/users/" + officer)
                .then()
                .statusCode(204);

        puller.pullAll().await().indefinitely();

        JsonPath created = awaitEvents(Map.of("action", "keycloak.admin.user.create", "actor", adminId), officer);
        JsonPath updated = awaitEvents(Map.of("action", "keycloak.admin.user.update", "actor", adminId), officer);
        assertThat(created.getString("events[0].reason").split(" "))
                .contains("agency=KEMLU", "mission=KBRI-KUALALUMPUR");
        assertThat(updated.getString("events[0].reason").split(" "))
                .contains("agency=KEMLU", "mission=KJRI-JOHORBAHRU");
        assertThat(updated.getString("events[0].resourceType")).isEqualTo("user");
        assertThat(toJson(updated.getMap("events[0]")))
                .doesNotContain((String) representation.get("username"))
                .doesNotContain("Peristiwa")
                .doesNotContain("sinergi.local");
        awaitSealed(updated.getString("events[0].id"));

        List<String> changes = awaitAlertEvents(adminId, "scope-change", 2);
        assertThat(changes).contains(created.getString("events[0].id")).contains(updated.getString("events[0].id"));
        JsonPath alert = alerts(adminId, "scope-change");
        assertThat(alert.getString("alerts[0].label.en"))
                .isEqualTo("Change of a user's scope (agency or mission) in Keycloak");
    }

    @Test
    void anEventTheLogRefusesIsSkippedCountedAndTheOthersOfItsPageAreKept() {
        String admin = "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
        long now = System.currentTimeMillis();
        String badId = "bad-" + UUID.randomUUID();
        KeycloakAdminEvent ahead = new KeycloakAdminEvent(
                badId,
                now + Duration.ofHours(1).toMillis(),
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", admin),
                "UPDATE",
                "USER",
                "users/5a7f3c2e-1b4d-4e8f-9a6b-2c3d4e5f6a7b",
                null,
                null);
        KeycloakAdminEvent fine = new KeycloakAdminEvent(
                "ok-" + UUID.randomUUID(),
                now - 1000,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", admin),
                "DELETE",
                "USER",
                "users/5a7f3c2e-1b4d-4e8f-9a6b-2c3d4e5f6a7b",
                null,
                null);
        KeycloakEventMapper mapper =
                new KeycloakEventMapper(realm(), new com.fasterxml.jackson.databind.ObjectMapper());
        double before = rejectedCount();

        PullWindow.Page page =
                puller.screen(KeycloakStream.ADMIN, List.of(ahead, fine), mapper::admin, KeycloakAdminEvent::id);
        PullWindow.Page again =
                puller.screen(KeycloakStream.ADMIN, List.of(ahead), mapper::admin, KeycloakAdminEvent::id);

        assertThat(page.size()).isEqualTo(2);
        assertThat(page.kept())
                .extracting(e -> e.id())
                .containsExactly(mapper.admin(fine).id());
        assertThat(page.newest()).isEqualTo(Instant.ofEpochMilli(now - 1000));
        assertThat(again.kept()).isEmpty();
        assertThat(rejectedCount() - before)
                .as("counted once, though read twice")
                .isEqualTo(1.0);
    }

    @Test
    void whatAPullFetchedIsDiscardedWhenAnotherReplicaMovedTheCursorMeanwhile() {
        String admin = adminToken();
        createUser(admin);
        puller.pullAll().await().indefinitely();
        long pullsBefore = pulls();
        String someone = UUID.randomUUID().toString();
        long now = System.currentTimeMillis();
        KeycloakEventMapper mapper =
                new KeycloakEventMapper(realm(), new com.fasterxml.jackson.databind.ObjectMapper());
        var stray = mapper.admin(new KeycloakAdminEvent(
                "stray-" + UUID.randomUUID(),
                now,
                new KeycloakAdminEvent.AuthDetails("realm-id", "client-uuid", adminId(admin)),
                "DELETE",
                "USER",
                "users/" + someone,
                null,
                null));
        var fetchedFromAnOldCursor = new KeycloakEventPuller.Fetched(
                new PullWindow.Read(1, 0, Instant.ofEpochMilli(now), true, 0), List.of(stray));

        PullWindow.Read stored = puller.store(KeycloakStream.ADMIN, Instant.EPOCH, fetchedFromAnOldCursor)
                .await()
                .indefinitely();

        assertThat(stored.read()).isZero();
        assertThat(pulls()).isEqualTo(pullsBefore);
        assertThat(about(Map.of("action", "keycloak.admin.user.delete"), someone))
                .isEmpty();
    }

    private double rejectedCount() {
        return registry.counter("sinergi.audit.keycloak.events.rejected", "stream", "admin")
                .count();
    }

    @Test
    void pullingAgainReReadsTheOverlapButStoresNothingTwice() {
        String admin = adminToken();
        String user = createUser(admin);
        login(user);
        puller.pullAll().await().indefinitely();
        long before = count(Map.of("service", "keycloak"));

        List<PullWindow.Read> again = puller.pullAll().await().indefinitely();

        assertThat(again.get(1).read()).isPositive();
        assertThat(again.get(1).fresh()).isZero();
        assertThat(again.get(0).read()).isGreaterThanOrEqualTo(again.get(0).fresh());
        assertThat(count(Map.of("service", "keycloak", "actor", user, "action", "keycloak.login")))
                .isEqualTo(1);
        assertThat(count(Map.of("service", "keycloak"))).isGreaterThanOrEqualTo(before);
    }

    @Test
    void whileKeycloakCannotBeReachedNoCursorMovesAndTheEventsArriveOnceItCanBe() {
        String admin = adminToken();
        String user = createUser(admin);
        long pullsBefore = pulls();
        KeycloakEventPuller.Target down =
                puller.target("http://127.0.0.1:" + Processes.freePort() + "/realms/" + realm());

        assertThatThrownBy(() -> puller.pull(KeycloakStream.ADMIN, down).await().indefinitely())
                .isNotNull();
        assertThat(pulls()).isEqualTo(pullsBefore);
        assertThat(about(Map.of("action", "keycloak.admin.user.create"), user)).isEmpty();
        puller.pullAll().await().indefinitely();

        awaitEvents(Map.of("action", "keycloak.admin.user.create"), user);
    }

    private static String realm() {
        String url = SinergiTestResource.realmUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String keycloakBase() {
        String url = SinergiTestResource.realmUrl();
        return url.substring(0, url.indexOf("/realms/"));
    }

    /** LOCAL ONLY: the bootstrap admin of the test Keycloak's master realm. */
    private static String adminToken() {
        return given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .post(keycloakBase() + "/realms/master/protocol/openid-connect/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    /** The Keycloak user id of the master realm's admin. */
    private static String adminId(String admin) {
        return given().auth()
                .oauth2(admin)
                .queryParam("username", "admin")
                .queryParam("exact", true)
                .get(keycloakBase() + "/admin/realms/master/users")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
    }

    /** A user of the test's own in the sinergi realm; gives its id. */
    private static String createUser(String admin) {
        return createUser(admin, Map.of());
    }

    /** The user's representation as the Admin REST API gives it. */
    private static Map<String, Object> user(String admin, String userId) {
        return given().auth()
                .oauth2(admin)
                .get(keycloakBase() + "/admin/realms/" + realm() + "/users/" + userId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    /** A user of the test's own in the sinergi realm with these attributes; gives its id. */
    private static String createUser(String admin, Map<String, List<String>> attributes) {
        String name = "kc-events-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of(
                "attributes",
                attributes,
                "username",
                name,
                "enabled",
                true,
                "firstName",
                "Uji",
                "lastName",
                "Peristiwa",
                "email",
                name + "@sinergi.local",
                "emailVerified",
                true,
                "credentials",
                List.of(Map.of("type", "password", "value", TokenClient.DEMO_PASSWORD, "temporary", false)));
        String location = given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(body)
                .post(keycloakBase() + "/admin/realms/" + realm() + "/users")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Logs the user in with the password grant of the local-only sinergi-cli client. */
    private static void login(String userId) {
        String username = given().auth()
                .oauth2(adminToken())
                .get(keycloakBase() + "/admin/realms/" + realm() + "/users/" + userId)
                .then()
                .statusCode(200)
                .extract()
                .path("username");
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("grant_type", "password")
                .formParam("client_id", TokenClient.CLI_CLIENT)
                .formParam("username", username)
                .formParam("password", TokenClient.DEMO_PASSWORD)
                .post(SinergiTestResource.realmUrl() + "/protocol/openid-connect/token")
                .then()
                .statusCode(200);
    }

    private static void impersonate(String admin, String userId) {
        given().auth()
                .oauth2(admin)
                .post(keycloakBase() + "/admin/realms/" + realm() + "/users/" + userId + "/impersonation")
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> realmRole(String admin, String name) {
        return given().auth()
                .oauth2(admin)
                .get(keycloakBase() + "/admin/realms/" + realm() + "/roles/" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static void roleMapping(String admin, String userId, Map<String, Object> role, boolean grant) {
        var request = given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role));
        String url = keycloakBase() + "/admin/realms/" + realm() + "/users/" + userId + "/role-mappings/realm";
        (grant ? request.post(url) : request.delete(url)).then().statusCode(204);
    }

    private long pulls() {
        return pool.query("SELECT count(*) FROM keycloak_pull")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .await()
                .indefinitely();
    }

    private static long count(Map<String, ?> filter) {
        return given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .queryParams(filter)
                .get("/api/audit-events/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    /** Keycloak's events of the filter about this Keycloak user (their resourceId). */
    private static List<Map<String, Object>> about(Map<String, String> filter, String userId) {
        JsonPath page = given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .queryParams(filter)
                .queryParam("service", "keycloak")
                .queryParam("limit", 500)
                .get("/api/audit-events")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return page.getList("events.findAll { it.resourceId == '" + userId + "' }");
    }

    /** The events of the filter about this Keycloak user (their resourceId), once there is exactly one. */
    private static JsonPath awaitEvents(Map<String, String> filter, String userId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<Map<String, Object>> found = about(filter, userId);
            assertThat(found).as("events %s about %s", filter, userId).hasSizeLessThanOrEqualTo(1);
            if (found.size() == 1) {
                return new JsonPath(toJson(Map.of("events", found)));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no event " + filter + " about " + userId + " in 30 s");
            }
            pause();
        }
    }

    /** The events of the filter once there are exactly {@code count}. */
    private static JsonPath awaitEvents(Map<String, String> filter, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath page = given().auth()
                    .oauth2(Tokens.user(AUDITOR))
                    .queryParams(filter)
                    .get("/api/audit-events")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            int found = page.getList("events").size();
            assertThat(found).as("events %s", filter).isLessThanOrEqualTo(count);
            if (found == count) {
                return page;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + count + " event(s) " + filter + " in 30 s");
            }
            pause();
        }
    }

    /** Waits until the event has an inclusion proof, i.e. it is sealed into the tree. */
    private static void awaitSealed(String eventId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (given().auth()
                        .oauth2(Tokens.user(AUDITOR))
                        .get("/api/audit-events/" + eventId + "/proof")
                        .statusCode()
                != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("event " + eventId + " not sealed in 30 s");
            }
            pause();
        }
    }

    private static JsonPath alerts(String actor, String rule) {
        return given().auth()
                .oauth2(Tokens.user(AUDITOR))
                .queryParam("actor", actor)
                .queryParam("rule", rule)
                .get("/api/audit-alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The triggering events of the actor's alerts of the rule, once there are at least {@code count} alerts. */
    private static List<String> awaitAlertEvents(String actor, String rule, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath page = alerts(actor, rule);
            if (page.getList("alerts").size() >= count) {
                List<List<String>> triggering = page.getList("alerts.triggeringEvents");
                assertThat(triggering).allSatisfy(events -> assertThat(events).hasSize(1));
                return triggering.stream().flatMap(List::stream).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + count + " " + rule + " alert(s) for " + actor + " in 30 s");
            }
            pause();
        }
    }

    private static String toJson(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
