package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decideAsConsul;
import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.history;
import static id.sinergi.consent.ConsentApi.readGrant;
import static id.sinergi.consent.ConsentApi.revoke;
import static id.sinergi.consent.ConsentApi.transition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The status lifecycle: allowed and forbidden changes, and the history every change leaves. */
@QuarkusTest
@ConsentTestResource
class GrantLifecycleTest {

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    private String activeGrant() {
        return grant(grantBody(worker));
    }

    private String pendingGrant() {
        Map<String, Object> body = grantBody(worker);
        body.put("status", "PENDING");
        return grant(body);
    }

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    private static void expectForbidden(String grantId, String from, String to) {
        transition(portal(), grantId, to)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:transition-forbidden"))
                .body("from", equalTo(from))
                .body("to", equalTo(to));
        readGrant(grantId).statusCode(200).body("status", equalTo(from));
    }

    @Test
    void shouldActivateAPendingGrantWhenTheWorkerConfirms() {
        String grantId = pendingGrant();
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("reason", equalTo("GRANT_PENDING"));

        transition(portal(), grantId, "ACTIVE").statusCode(200).body("status", equalTo("ACTIVE"));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("decision", equalTo("PERMIT"));
    }

    @Test
    void shouldRejectAPendingGrant() {
        String grantId = pendingGrant();

        transition(portal(), grantId, "REJECTED").statusCode(200).body("status", equalTo("REJECTED"));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("reason", equalTo("GRANT_REJECTED"));
    }

    @Test
    void shouldPauseAndResumeAGrant() {
        String grantId = activeGrant();

        transition(portal(), grantId, "PAUSED").statusCode(200).body("status", equalTo("PAUSED"));
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GRANT_PAUSED"));
        transition(portal(), grantId, "ACTIVE").statusCode(200).body("status", equalTo("ACTIVE"));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("decision", equalTo("PERMIT"));
    }

    @Test
    void shouldRevokeAPausedGrant() {
        String grantId = activeGrant();
        transition(portal(), grantId, "PAUSED").statusCode(200);

        transition(portal(), grantId, "REVOKED").statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    void shouldForbidEveryChangeOutOfAFinalStatus() {
        String revoked = activeGrant();
        revoke(revoked).statusCode(200);
        String rejected = pendingGrant();
        transition(portal(), rejected, "REJECTED").statusCode(200);

        for (String to : List.of("ACTIVE", "PAUSED", "REVOKED")) {
            expectForbidden(revoked, "REVOKED", to);
        }
        for (String to : List.of("ACTIVE", "PAUSED", "REVOKED", "REJECTED")) {
            expectForbidden(rejected, "REJECTED", to);
        }
    }

    @Test
    void shouldForbidChangesTheLifecycleDoesNotAllow() {
        String pending = pendingGrant();
        String active = activeGrant();
        String paused = activeGrant();
        transition(portal(), paused, "PAUSED").statusCode(200);

        expectForbidden(pending, "PENDING", "PAUSED");
        expectForbidden(pending, "PENDING", "REVOKED");
        expectForbidden(active, "ACTIVE", "ACTIVE");
        expectForbidden(active, "ACTIVE", "REJECTED");
        expectForbidden(paused, "PAUSED", "PAUSED");
        expectForbidden(paused, "PAUSED", "REJECTED");
    }

    @Test
    void shouldAnswerARepeatedRevocationWithTheForbiddenChange() {
        String grantId = activeGrant();
        revoke(grantId).statusCode(200);

        revoke(grantId).statusCode(409).body("from", equalTo("REVOKED")).body("to", equalTo("REVOKED"));
    }

    @Test
    void shouldLeaveExpiryAndPendingToTheServiceItself() {
        String grantId = activeGrant();

        for (String to : List.of("EXPIRED", "PENDING")) {
            transition(portal(), grantId, to)
                    .statusCode(400)
                    .body("type", equalTo("urn:sinergi:problem:invalid-target-status"))
                    .body("errors.field", contains("status"));
        }
        readGrant(grantId).body("status", equalTo("ACTIVE")).body("revision", equalTo(1));
    }

    @Test
    void shouldRefuseTheReceivingAgencyActivatingAGrantToItself() {
        String grantId = pendingGrant();

        transition(Tokens.user("consul.kl"), grantId, "ACTIVE")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:self-grant"));

        readGrant(grantId).body("status", equalTo("PENDING"));
    }

    @Test
    void shouldRefuseChangesWithoutTokenOrWithWrongRole() {
        String grantId = activeGrant();

        given().contentType("application/json")
                .body(Map.of("status", "PAUSED", "reason", "test"))
                .when()
                .post("/api/consents/" + grantId + "/transitions")
                .then()
                .statusCode(401);
        transition(Tokens.user("security.auditor"), grantId, "PAUSED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        transition(Tokens.client("identity-service"), grantId, "PAUSED").statusCode(403);

        readGrant(grantId).body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldKeepEveryVersionWithWhoWhenWhyAndTheSnapshot() {
        String grantId = activeGrant();
        transition(portal(), grantId, "PAUSED").statusCode(200);
        revoke(grantId).statusCode(200);

        history(portal(), grantId)
                .statusCode(200)
                .body("revision", contains(1, 2, 3))
                .body("status", contains("ACTIVE", "PAUSED", "REVOKED"))
                .body(
                        "reason",
                        contains(
                                "recorded",
                                "worker asked at the service point",
                                "worker withdrew consent in the portal"))
                .body("changedByUsername[0]", equalTo("p2mi.officer"))
                .body("changedBy[1]", matchesPattern("[0-9a-f-]{36}"))
                .body("changedAt[2]", matchesPattern("\\d{4}-.*Z"))
                .body("snapshot.status", contains("ACTIVE", "PAUSED", "REVOKED"))
                .body("snapshot[2].revocationReason", equalTo("worker withdrew consent in the portal"))
                .body("snapshot[0].purposes", contains("PROTECTION_CASE_HANDLING"));
    }

    @Test
    void shouldGiveTheWorkersAppTheWholeHistoryOfTheWorker() {
        String first = activeGrant();
        String second = activeGrant();
        revoke(first).statusCode(200);

        given().auth()
                .oauth2(portal())
                .when()
                .get("/api/workers/" + worker + "/consents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("grantId", contains(first, second, first))
                .body("status", contains("ACTIVE", "ACTIVE", "REVOKED"));
    }

    @Test
    void shouldGiveOfficersTheWorkersHistory() {
        activeGrant();

        given().auth()
                .oauth2(Tokens.user("consul.hk"))
                .when()
                .get("/api/workers/" + worker + "/consents")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1));
    }

    @Test
    void shouldRefuseTheHistoryToOtherAppsAndRoles() {
        String grantId = activeGrant();

        given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .when()
                .get("/api/workers/" + worker + "/consents")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-the-workers-app"));
        history(Tokens.client("siskop2mi-connector"), grantId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-the-workers-app"));
        history(Tokens.user("security.auditor"), grantId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        given().when().get("/api/workers/" + worker + "/consents").then().statusCode(401);
    }

    @Test
    void shouldAnswer404ForTheHistoryOfAnUnknownGrant() {
        history(portal(), UUID.randomUUID().toString())
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }

    @Test
    void shouldRefuseToChangeOrRemoveAVersion() throws SQLException {
        String grantId = activeGrant();

        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE consent_grant_version SET reason = 'x' WHERE grant_id = '" + grantId + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() ->
                            s.executeUpdate("DELETE FROM consent_grant_version WHERE grant_id = '" + grantId + "'"))
                    .hasMessageContaining("append-only");
        }

        assertThat(ConsentApi.rows(
                        dataSource, "SELECT reason FROM consent_grant_version WHERE grant_id = ?::uuid", grantId))
                .extracting(r -> r.get("reason"))
                .containsExactly("recorded");
    }
}
