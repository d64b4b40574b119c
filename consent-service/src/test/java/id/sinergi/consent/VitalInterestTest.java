package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decideAsConsul;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Vital interest: invoked by case-service for a critical case, 72 hours unless renewed, reviewed by security. */
@QuarkusTest
@ConsentTestResource
class VitalInterestTest {

    private static final String REASON =
            "Worker reported by her sister as held by the employer without food; mission must locate her today.";

    private static final Duration LIFETIME = Duration.ofHours(72);

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    private final UUID caseId = UUID.randomUUID();

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private TestClock clock;

    @BeforeEach
    void installClock() {
        clock = TestClock.installAt(start);
    }

    private static Map<String, Object> officer() {
        return Map.of(
                "subject",
                "0b7a9f3e-6a53-4c1d-9a57-1f1e2d3c4b5a",
                "username",
                "consul.kl",
                "mission",
                "KBRI-KUALALUMPUR");
    }

    private Map<String, Object> invocation() {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        body.put("caseId", caseId);
        body.put("caseCategory", "DANGER_TO_LIFE");
        body.put("officer", officer());
        body.put("reason", REASON);
        return body;
    }

    private static ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then();
    }

    private static String caseService() {
        return Tokens.client("case-service");
    }

    private String invoke() {
        return post(caseService(), "/api/vital-interest", invocation())
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static ValidatableResponse renew(String id) {
        return post(
                caseService(),
                "/api/vital-interest/" + id + "/renewal",
                Map.of("officer", officer(), "reason", REASON + " Still not found."));
    }

    private static ValidatableResponse reviewList(String reviewed) {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("reviewed", reviewed)
                .when()
                .get("/api/vital-interest")
                .then();
    }

    @Test
    void shouldPermitCaseHandlingOnVitalInterestWithoutConsent() {
        String id = invoke();

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", List.of("PLACEMENT", "HEALTH"))
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("VITAL_INTEREST"))
                .body("reason", equalTo("VITAL_INTEREST_IN_FORCE"))
                .body("vitalInterestId", equalTo(id))
                .body("permittedCategories", contains("PLACEMENT", "HEALTH"));
    }

    @Test
    void shouldServeTheCasesMissionAndPwniButNotOtherMissionsOrServicesOnTheirOwnAccount() {
        invoke();

        ConsentApi.decide(Tokens.user("pwni.hq"), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("basis", equalTo("VITAL_INTEREST"));
        ConsentApi.decide(Tokens.user("consul.hk"), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_GRANT"));
        ConsentApi.decide(Tokens.client("identity-service"), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"));
    }

    @Test
    void shouldNotStandInForConsentOutsideCaseHandlingAndRepatriation() {
        invoke();

        decideAsConsul(worker, "INSURANCE_CLAIM", "HEALTH").body("decision", equalTo("DENY"));
        decideAsConsul(worker, "REPATRIATION", "PLACEMENT").body("basis", equalTo("VITAL_INTEREST"));
    }

    @Test
    void shouldCoverOnlyTheCategoriesItNames() {
        Map<String, Object> body = invocation();
        body.put("dataCategories", List.of("PLACEMENT"));
        post(caseService(), "/api/vital-interest", body).statusCode(201);

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", List.of("PLACEMENT", "HEALTH"))
                .body("permittedCategories", contains("PLACEMENT"))
                .body("deniedCategories", contains("HEALTH"));
    }

    @Test
    void shouldEndByItselfAfter72Hours() {
        invoke();

        clock.set(start.plus(LIFETIME).minus(1, ChronoUnit.MICROS));
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("basis", equalTo("VITAL_INTEREST"));
        clock.set(start.plus(LIFETIME));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_GRANT"));
    }

    @Test
    void shouldHoldAnother72HoursFromARenewalAndAuditIt() {
        String id = invoke();
        Instant renewedAt = start.plus(Duration.ofHours(70));
        clock.set(renewedAt);

        renew(id)
                .statusCode(200)
                .body("renewals", equalTo(1))
                .body("expiresAt", equalTo(renewedAt.plus(LIFETIME).toString()));
        clock.set(start.plus(Duration.ofHours(100)));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("basis", equalTo("VITAL_INTEREST"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString()))
                .filteredOn(p -> p.contains("consent.vital-interest."))
                .hasSize(2)
                .anyMatch(p -> p.contains("\"action\":\"consent.vital-interest.renew\"") && p.contains("renewals=1"))
                .noneMatch(p -> p.contains("held by the employer"));
    }

    @Test
    void shouldRefuseRenewingAnAuthorisationThatEnded() {
        String id = invoke();
        clock.set(start.plus(LIFETIME));

        renew(id).statusCode(409).body("type", equalTo("urn:sinergi:problem:vital-interest-ended"));
    }

    @Test
    void shouldRefuseASecondAuthorisationForTheSameCaseNamingTheOneInForce() {
        String id = invoke();

        post(caseService(), "/api/vital-interest", invocation())
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:vital-interest-in-force"))
                .body("authorisationId", equalTo(id))
                .body("expiresAt", equalTo(start.plus(LIFETIME).toString()));
    }

    @Test
    void shouldGrantOnlyOneOfConcurrentInvocationsForOneCase() throws Exception {
        String token = caseService();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(pool.submit(() ->
                    post(token, "/api/vital-interest", invocation()).extract().statusCode()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(reviewList("false")
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("findAll { it.caseId == '" + caseId + "' }"))
                .hasSize(1);
    }

    @Test
    void shouldAcceptOnlyCriticalCaseCategories() {
        for (String category : List.of("DANGER_TO_LIFE", "TRAFFICKING", "DETENTION", "DEATH", "VIOLENCE")) {
            Map<String, Object> body = invocation();
            body.put("caseId", UUID.randomUUID());
            body.put("caseCategory", category);
            post(caseService(), "/api/vital-interest", body).statusCode(201);
        }
        Map<String, Object> unpaidWages = invocation();
        unpaidWages.put("caseCategory", "UNPAID_WAGES");

        post(caseService(), "/api/vital-interest", unpaidWages)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-json-value"))
                .body("errors.field", contains("caseCategory"));
    }

    @Test
    void shouldRequireAWrittenReasonAndAnOfficer() {
        Map<String, Object> shortReason = invocation();
        shortReason.put("reason", "urgent");
        Map<String, Object> noOfficer = invocation();
        noOfficer.remove("officer");

        post(caseService(), "/api/vital-interest", shortReason)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", contains("reason"));
        post(caseService(), "/api/vital-interest", noOfficer).statusCode(400).body("errors.field", contains("officer"));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("decision", equalTo("DENY"));
    }

    @Test
    void shouldLetOnlyCaseServiceInvoke() {
        post(Tokens.client("identity-service"), "/api/vital-interest", invocation())
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-case-service"));
        post(Tokens.user("consul.kl"), "/api/vital-interest", invocation())
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        post(Tokens.user("security.auditor"), "/api/vital-interest", invocation())
                .statusCode(403);

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("decision", equalTo("DENY"));
    }

    @Test
    void shouldListForReviewUntilTheSecurityTeamReviewsIt() {
        String id = invoke();
        reviewList("false").statusCode(200).body("id", hasItem(id));

        post(
                        Tokens.user("security.auditor"),
                        "/api/vital-interest/" + id + "/review",
                        Map.of("note", "Case file checked: danger to life confirmed by the mission."))
                .statusCode(200)
                .body("reviewNote", equalTo("Case file checked: danger to life confirmed by the mission."));

        reviewList("false").body("id", not(hasItem(id)));
        reviewList("true").body("id", hasItem(id));
        post(Tokens.user("security.auditor"), "/api/vital-interest/" + id + "/review", Map.of("note", "again"))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:already-reviewed"));
    }

    @Test
    void shouldPutARenewalBackOnTheReviewList() {
        String id = invoke();
        post(Tokens.user("security.auditor"), "/api/vital-interest/" + id + "/review", Map.of("note", "checked"))
                .statusCode(200);

        renew(id).statusCode(200);

        reviewList("false").body("id", hasItem(id));
    }

    @Test
    void shouldKeepTheReviewListForTheSecurityTeam() {
        given().auth()
                .oauth2(Tokens.user("pwni.hq"))
                .when()
                .get("/api/vital-interest")
                .then()
                .statusCode(403);
        reviewList("perhaps").statusCode(400).body("type", equalTo("urn:sinergi:problem:invalid-parameter"));
        post(Tokens.user("consul.kl"), "/api/vital-interest/" + UUID.randomUUID() + "/review", Map.of("note", "ok"))
                .statusCode(403);
    }
}
