package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@CaseTestResource
class CaseTransitionTest {

    private static final List<String> WORKFLOW = List.of("REPORTED", "IN_PROGRESS", "RESOLVED", "CLOSED");

    @Inject
    DataSource dataSource;

    static Stream<Arguments> everyPairOfStatuses() {
        List<Arguments> pairs = new ArrayList<>();
        for (String from : WORKFLOW) {
            for (String to : WORKFLOW) {
                boolean allowed = WORKFLOW.indexOf(to) == WORKFLOW.indexOf(from) + 1;
                pairs.add(Arguments.of(from, to, allowed));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1} allowed={2}")
    @MethodSource("everyPairOfStatuses")
    void shouldAllowOnlyTheNextStepOfTheWorkflow(String from, String to, boolean allowed) {
        String caseId = Cases.reported("pwni.hq", "KBRI-KUALALUMPUR");
        for (String step : WORKFLOW.subList(1, WORKFLOW.indexOf(from) + 1)) {
            Cases.move("pwni.hq", caseId, step).statusCode(200);
        }
        long changesBefore = changes(caseId);

        if (allowed) {
            Cases.move("pwni.hq", caseId, to)
                    .statusCode(200)
                    .body("status.code", equalTo(to))
                    .body("status.termId", notNullValue());
        } else {
            Cases.move("pwni.hq", caseId, to)
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:sinergi:problem:illegal-transition"))
                    .body("from", equalTo(from))
                    .body("to", equalTo(to));
        }

        assertThat(changes(caseId)).isEqualTo(changesBefore + (allowed ? 1 : 0));
        Cases.read("pwni.hq", caseId).statusCode(200).body("status.code", equalTo(allowed ? to : from));
    }

    @Test
    void shouldStoreAndAuditEachChangeWithActorAndReason() {
        String caseId = Cases.reported("consul.kl", "KBRI-KUALALUMPUR");

        Cases.move("consul.kl", caseId, "IN_PROGRESS")
                .statusCode(200)
                .body("status.termId", equalTo("Dalam penanganan"))
                .body("status.glossEn", equalTo("being handled"));

        assertThat(changeRow(caseId))
                .containsExactly("REPORTED", "IN_PROGRESS", "consul.kl", "checked with the worker by phone");
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.transition\"")
                .contains("\"reason\":\"from=REPORTED to=IN_PROGRESS\"")
                .contains("\"username\":\"consul.kl\""));
    }

    @Test
    void shouldHideCaseOfAnotherMissionAndRefuseRolesWithoutWorkflowRights() {
        String caseId = Cases.reported("consul.kl", "KBRI-KUALALUMPUR");

        Cases.move("consul.hk", caseId, "IN_PROGRESS")
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
        Cases.move("p2mi.officer", caseId, "IN_PROGRESS")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", "IN_PROGRESS", "reason", "portal may not move cases"))
                .when()
                .post("/api/cases/" + caseId + "/transitions")
                .then()
                .statusCode(403);

        assertThat(changes(caseId)).isZero();
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("REPORTED"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.transition\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldRequireAReasonOfThreeToFiveHundredCharacters() {
        String caseId = Cases.reported("consul.kl", "KBRI-KUALALUMPUR");

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", "IN_PROGRESS", "reason", "ok"))
                .when()
                .post("/api/cases/" + caseId + "/transitions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(Map.of("to", "IN_PROGRESS"))
                .when()
                .post("/api/cases/" + caseId + "/transitions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        assertThat(changes(caseId)).isZero();
    }

    @Test
    void shouldLetOnlyOneOfConcurrentTransitionsWin() throws Exception {
        String caseId = Cases.reported("pwni.hq", "KBRI-KUALALUMPUR");
        String token = Tokens.user("pwni.hq");
        int attempts = 6;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> results = new ArrayList<>();

        try {
            for (int i = 0; i < attempts; i++) {
                results.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            return given().auth()
                                    .oauth2(token)
                                    .contentType(ContentType.JSON)
                                    .body(Map.of("to", "IN_PROGRESS", "reason", "taken up at the same time"))
                                    .when()
                                    .post("/api/cases/" + caseId + "/transitions")
                                    .statusCode();
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        List<Integer> statuses = results.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 1);
        assertThat(changes(caseId)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long changes(String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("SELECT count(*) FROM case_status_change WHERE case_id = ?::uuid")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> changeRow(String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT from_status, to_status, actor_username, reason"
                        + " FROM case_status_change WHERE case_id = ?::uuid")) {
            ps.setString(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
