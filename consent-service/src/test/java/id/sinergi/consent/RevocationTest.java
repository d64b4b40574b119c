package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decide;
import static id.sinergi.consent.ConsentApi.decideAsConsul;
import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.revoke;
import static id.sinergi.consent.ConsentApi.transition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A revocation holds for the very next decision, and every holder of the grant's data must confirm its stop; a
 * pause sends the same notices, ended again by a resume.
 */
@QuarkusTest
@ConsentTestResource
class RevocationTest {

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private TestClock clock;

    private String grantId;

    @BeforeEach
    void grantUsedByAnOfficerAndAService() {
        clock = TestClock.installAt(start);
        grantId = grant(grantBody(worker));
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("decision", equalTo("PERMIT"));
        decide(Tokens.client("identity-service"), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("PERMIT"));
    }

    private static ValidatableResponse notices(String token, String overdue) {
        var request = given().auth().oauth2(token);
        if (overdue != null) {
            request.queryParam("overdue", overdue);
        }
        return request.when().get("/api/stop-notices").then();
    }

    private static ValidatableResponse confirm(String token, String noticeId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "local copies deleted"))
                .when()
                .post("/api/stop-notices/" + noticeId + "/confirmation")
                .then();
    }

    private String noticeOf(String username) {
        return notices(Tokens.user("pwni.hq"), null)
                .extract()
                .path("find { it.grantId == '" + grantId + "' && it.username == '" + username + "' }.id");
    }

    @Test
    void shouldDenyTheVeryNextDecisionAfterRevocation() {
        revoke(grantId).statusCode(200);

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GRANT_REVOKED"))
                .body("grantId", equalTo(grantId));
    }

    @Test
    void shouldSendEveryHolderAStopNoticeDue72HoursAfterRevocation() {
        clock.set(start.plusSeconds(10));

        revoke(grantId).statusCode(200);

        notices(Tokens.user("security.auditor"), null)
                .statusCode(200)
                .rootPath("findAll { it.grantId == '" + grantId + "' }")
                .body("username", containsInAnyOrder("consul.kl", "service-account-identity-service"))
                .body("clientId", containsInAnyOrder("sinergi-cli", "identity-service"))
                .body("cause", containsInAnyOrder("REVOKED", "REVOKED"))
                .body("agency", containsInAnyOrder("KEMLU", "KEMLU"))
                .body("workerId", hasItem(worker.toString()))
                .body("issuedAt", hasItem(start.plusSeconds(10).toString()))
                .body(
                        "dueAt",
                        hasItem(start.plusSeconds(10).plus(Duration.ofHours(72)).toString()))
                .body("overdue", containsInAnyOrder(false, false));
    }

    @Test
    void shouldListANoticeAsOverdueFromItsDueTimeUntilConfirmed() {
        revoke(grantId).statusCode(200);
        String dueAt = start.plus(Duration.ofHours(72)).toString();

        clock.set(start.plus(Duration.ofHours(72)).minus(1, ChronoUnit.MICROS));
        notices(Tokens.user("pwni.hq"), "true").body("grantId", not(hasItem(grantId)));
        notices(Tokens.user("pwni.hq"), "false")
                .body("findAll { it.grantId == '" + grantId + "' }.dueAt", containsInAnyOrder(dueAt, dueAt));
        clock.set(start.plus(Duration.ofHours(72)));
        notices(Tokens.user("pwni.hq"), "true")
                .body("findAll { it.grantId == '" + grantId + "' }.overdue", containsInAnyOrder(true, true));
        confirm(Tokens.user("consul.kl"), noticeOf("consul.kl")).statusCode(200);

        notices(Tokens.user("security.auditor"), "true")
                .body(
                        "findAll { it.grantId == '" + grantId + "' }.username",
                        containsInAnyOrder("service-account-identity-service"));
    }

    @Test
    void shouldLetOnlyTheHolderConfirmOnce() {
        revoke(grantId).statusCode(200);
        String officers = noticeOf("consul.kl");
        String services = noticeOf("service-account-identity-service");

        confirm(Tokens.user("consul.hk"), officers)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-the-holder"));
        confirm(Tokens.client("case-service"), services).statusCode(403);
        confirm(Tokens.user("consul.kl"), officers)
                .statusCode(200)
                .body("confirmedAt", equalTo(start.toString()))
                .body("confirmationNote", equalTo("local copies deleted"));
        confirm(Tokens.client("identity-service"), services).statusCode(200);

        confirm(Tokens.user("consul.kl"), officers)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:already-confirmed"));
        notices(Tokens.user("pwni.hq"), null).body("grantId", not(hasItem(grantId)));
    }

    @Test
    void shouldSendEveryHolderAStopNoticeWhenTheGrantIsPaused() {
        clock.set(start.plusSeconds(5));

        transition(portal(), grantId, "PAUSED").statusCode(200);

        notices(Tokens.user("pwni.hq"), null)
                .rootPath("findAll { it.grantId == '" + grantId + "' }")
                .body("username", containsInAnyOrder("consul.kl", "service-account-identity-service"))
                .body("cause", containsInAnyOrder("PAUSED", "PAUSED"))
                .body(
                        "dueAt",
                        hasItem(start.plusSeconds(5).plus(Duration.ofHours(72)).toString()));
        confirm(Tokens.user("consul.kl"), noticeOf("consul.kl")).statusCode(200).body("cause", equalTo("PAUSED"));
    }

    @Test
    void shouldEndThePausesNoticesWhenTheGrantIsResumed() {
        transition(portal(), grantId, "PAUSED").statusCode(200);
        String officers = noticeOf("consul.kl");

        transition(portal(), grantId, "ACTIVE").statusCode(200);

        notices(Tokens.user("pwni.hq"), null).body("findAll { it.grantId == '" + grantId + "' }", empty());
        confirm(Tokens.user("consul.kl"), officers)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:notice-ended"));
        assertThat(ConsentApi.rows(dataSource, "SELECT ended_by FROM stop_notice WHERE grant_id = ?::uuid", grantId))
                .extracting(r -> r.get("ended_by"))
                .containsExactly("ACTIVE", "ACTIVE");
    }

    @Test
    void shouldReplaceThePausesOpenNoticesWithTheRevocations() {
        transition(portal(), grantId, "PAUSED").statusCode(200);
        confirm(Tokens.user("consul.kl"), noticeOf("consul.kl")).statusCode(200);

        revoke(grantId).statusCode(200);

        notices(Tokens.user("pwni.hq"), null)
                .rootPath("findAll { it.grantId == '" + grantId + "' }")
                .body("username", containsInAnyOrder("consul.kl", "service-account-identity-service"))
                .body("cause", containsInAnyOrder("REVOKED", "REVOKED"));
        assertThat(ConsentApi.rows(
                        dataSource,
                        "SELECT username, confirmed_at IS NOT NULL AS confirmed, ended_by FROM stop_notice"
                                + " WHERE grant_id = ?::uuid AND cause = 'PAUSED'",
                        grantId))
                .extracting(r -> r.get("username") + " confirmed=" + r.get("confirmed") + " ended=" + r.get("ended_by"))
                .containsExactlyInAnyOrder(
                        "consul.kl confirmed=true ended=null",
                        "service-account-identity-service confirmed=false ended=REVOKED");
    }

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    @Test
    void shouldSendNoNoticeForAGrantNobodyUsed() {
        String unused = grant(grantBody(Workers.register()));

        revoke(unused).statusCode(200);

        notices(Tokens.user("pwni.hq"), null).body("findAll { it.grantId == '" + unused + "' }", empty());
    }

    @Test
    void shouldRefuseTheListToOtherRolesAndAnUnreadableFlag() {
        notices(Tokens.user("consul.kl"), "true").statusCode(403);
        notices(Tokens.client("identity-service"), "true").statusCode(403);
        given().when().get("/api/stop-notices").then().statusCode(401);

        notices(Tokens.user("pwni.hq"), "maybe")
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors.field", hasItem("overdue"));
    }

    @Test
    void shouldRefuseAConfirmationWithoutNoteOrForAnUnknownNotice() {
        revoke(grantId).statusCode(200);

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", ""))
                .when()
                .post("/api/stop-notices/" + noticeOf("consul.kl") + "/confirmation")
                .then()
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"));
        confirm(Tokens.user("consul.kl"), UUID.randomUUID().toString()).statusCode(404);
        notices(Tokens.user("pwni.hq"), null).body("findAll { it.grantId == '" + grantId + "' }.size()", equalTo(2));
    }
}
