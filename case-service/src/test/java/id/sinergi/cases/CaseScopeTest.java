package id.sinergi.cases;

import static id.sinergi.cases.CaseSetup.HK;
import static id.sinergi.cases.CaseSetup.KL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.cases.CaseCalls.Answer;
import id.sinergi.cases.CaseSetup.Made;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Who sees and changes which case, with real Keycloak tokens, on every endpoint that names a case: a case out of
 * the caller's sight is answered exactly as a case that does not exist, and the attempt is audited as denied.
 */
@QuarkusTest
@CaseTestResource
class CaseScopeTest {

    /** The calls a consular officer without the supervisor role is refused by role, whatever the case. */
    private static final Set<CaseCalls> SUPERVISOR_ONLY = EnumSet.of(CaseCalls.CLOSURE_DECISION);

    /** The calls only a consular officer may make, refused by role to a KemenP2MI officer whatever the case. */
    private static final Set<CaseCalls> CONSULAR_ONLY =
            EnumSet.of(CaseCalls.VITAL_INTEREST, CaseCalls.VITAL_INTEREST_RENEWAL, CaseCalls.CLOSURE_DECISION);

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerAnotherMissionsCaseOnEveryEndpointExactlyAsACaseThatDoesNotExistAndAuditEachAttempt() {
        Made kl = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "KEKERASAN_MAJIKAN"));
        String missing = UUID.randomUUID().toString();

        Map<CaseCalls, Answer> onCase = CaseCalls.everyCall("consul.hk", kl.id());
        Map<CaseCalls, Answer> onMissing = CaseCalls.everyCall("consul.hk", missing);

        for (CaseCalls call : CaseCalls.values()) {
            assertThat(onCase.get(call)).as(call.name()).isEqualTo(onMissing.get(call));
            if (SUPERVISOR_ONLY.contains(call)) {
                assertThat(onCase.get(call).status()).as(call.name()).isEqualTo(403);
                assertThat(onCase.get(call).body()).contains("urn:sinergi:problem:forbidden");
            } else {
                assertThat(onCase.get(call).status()).as(call.name()).isEqualTo(404);
                assertThat(onCase.get(call).body()).contains("urn:sinergi:problem:not-found");
                assertThat(call.audited(dataSource, kl.id(), "DENIED", "consul.hk"))
                        .as(call.name())
                        .isNotEmpty();
            }
        }
        Cases.read("consul.kl", kl.id())
                .statusCode(200)
                .body("status.code", equalTo("REPORTED"))
                .body("version", equalTo(0))
                .body("vitalInterest", nullValue());
    }

    @Test
    void shouldListNoCaseOfAnotherMissionAndRefuseToReportForIt() {
        Made kl = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));

        list("consul.hk", Map.of("workerId", kl.workerId())).statusCode(200).body("size()", equalTo(0));
        list("consul.hk", Map.of("missionId", KL)).statusCode(200).body("size()", equalTo(0));
        list("consul.kl", Map.of("workerId", kl.workerId())).statusCode(200).body("id", equalTo(List.of(kl.id())));
        Cases.report(Tokens.user("consul.hk"), CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:other-mission"));
    }

    @Test
    void shouldShowKemenP2miACaseItTakesPartInAndHideOneItNeitherLeadsNorTakesPartIn() {
        Made shared = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        Made kemluOnly = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        CaseSetup.withoutParticipant(dataSource, kemluOnly.id());
        String missing = UUID.randomUUID().toString();

        Cases.read("p2mi.officer", shared.id())
                .statusCode(200)
                .body("leadAgency", equalTo("KEMLU"))
                .body("participantAgency", equalTo("KEMENP2MI"));
        list("p2mi.officer", Map.of("workerId", shared.workerId()))
                .statusCode(200)
                .body("id", equalTo(List.of(shared.id())));
        Cases.read("consul.kl", kemluOnly.id()).statusCode(200).body("participantAgency", nullValue());
        list("p2mi.officer", Map.of("workerId", kemluOnly.workerId()))
                .statusCode(200)
                .body("size()", equalTo(0));
        Map<CaseCalls, Answer> onCase = CaseCalls.everyCall("p2mi.officer", kemluOnly.id());
        Map<CaseCalls, Answer> onMissing = CaseCalls.everyCall("p2mi.officer", missing);
        for (CaseCalls call : CaseCalls.values()) {
            assertThat(onCase.get(call)).as(call.name()).isEqualTo(onMissing.get(call));
            int expected = CONSULAR_ONLY.contains(call) ? 403 : 404;
            assertThat(onCase.get(call).status()).as(call.name()).isEqualTo(expected);
            if (expected == 404) {
                assertThat(call.audited(dataSource, kemluOnly.id(), "DENIED", "p2mi.officer"))
                        .as(call.name())
                        .isNotEmpty();
            }
        }
        Answer decision = CaseCalls.CLOSURE_DECISION.as("p2mi.supervisor", kemluOnly.id());
        assertThat(decision).isEqualTo(CaseCalls.CLOSURE_DECISION.as("p2mi.supervisor", missing));
        assertThat(decision.status()).isEqualTo(404);
        assertThat(CaseCalls.CLOSURE_DECISION.audited(dataSource, kemluOnly.id(), "DENIED", "p2mi.supervisor"))
                .isNotEmpty();
    }

    @Test
    void shouldShowPwniHeadquartersEveryCase() {
        Made kl = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        Made hk = CaseSetup.report("consul.hk", CaseSetup.abroad(HK, "SAKIT"));
        Made home = CaseSetup.report("p2mi.officer", CaseSetup.afterReturn(null, "JAMINAN_SOSIAL"));
        Made kemluOnly = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        CaseSetup.withoutParticipant(dataSource, kemluOnly.id());

        for (Made made : List.of(kl, hk, home, kemluOnly)) {
            Cases.read("pwni.hq", made.id()).statusCode(200).body("id", equalTo(made.id()));
            list("pwni.hq", Map.of("workerId", made.workerId()))
                    .statusCode(200)
                    .body("id", equalTo(List.of(made.id())));
            assertThat(CaseCalls.READ.audited(dataSource, made.id(), "SUCCESS", "pwni.hq"))
                    .isNotEmpty();
        }
        Cases.read("pwni.hq", home.id())
                .body("leadAgency", equalTo("KEMENP2MI"))
                .body("missionId", nullValue());
        Cases.read("consul.kl", home.id()).statusCode(404);
        list("consul.kl", Map.of("workerId", hk.workerId())).body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseEveryUpdateOfAKemluLedCaseToKemenP2miWhichTakesPartWithNotLead() {
        Made kl = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));

        for (String path : List.of("/triage", "/transitions", "/closure-requests", "/lead")) {
            Cases.update("p2mi.officer", kl.id(), path, updateBody(path))
                    .statusCode(403)
                    .body("type", equalTo("urn:sinergi:problem:not-lead"))
                    .body("leadAgency", equalTo("KEMLU"));
        }
        decide("p2mi.supervisor", kl.id(), UUID.randomUUID().toString(), "APPROVED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));

        Cases.read("p2mi.officer", kl.id())
                .statusCode(200)
                .body("status.code", equalTo("REPORTED"))
                .body("leadAgency", equalTo("KEMLU"))
                .body("version", equalTo(0));
        assertThat(CaseCalls.TRIAGE.audited(dataSource, kl.id(), "SUCCESS", "p2mi.officer"))
                .isEmpty();
    }

    @Test
    void shouldRefuseEveryUpdateOfAKemenP2miLedCaseToTheMissionWhichTakesPartWithNotLead() {
        Made home = CaseSetup.report("p2mi.officer", CaseSetup.afterReturn(KL, "GAJI_TIDAK_DIBAYAR"));

        Cases.read("consul.kl", home.id())
                .statusCode(200)
                .body("leadAgency", equalTo("KEMENP2MI"))
                .body("participantAgency", equalTo("KEMLU"));
        for (String user : List.of("consul.kl", "pwni.hq")) {
            for (String path : List.of("/triage", "/transitions", "/closure-requests", "/lead")) {
                Cases.update(user, home.id(), path, updateBody(path))
                        .statusCode(403)
                        .body("type", equalTo("urn:sinergi:problem:not-lead"))
                        .body("leadAgency", equalTo("KEMENP2MI"));
            }
        }
        decide("head.kl", home.id(), UUID.randomUUID().toString(), "APPROVED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));
        Cases.read("consul.kl", home.id()).body("status.code", equalTo("REPORTED"));

        Cases.triage("p2mi.officer", home.id()).statusCode(200).body("status.code", equalTo("TRIAGED"));
    }

    @Test
    void shouldLetTheMissionsHeadOfProtectionApproveClosingButNeitherAnOfficerWithoutTheRoleNorTheAsker() {
        Made asked = CaseSetup.report("consul.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        CaseSetup.resolve("consul.kl", asked.id());
        String request = requestClosure("consul.kl", asked.id());

        decide("consul.kl", asked.id(), request, "APPROVED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        Cases.read("consul.kl", asked.id()).body("status.code", equalTo("RESOLVED"));
        decide("head.kl", asked.id(), request, "APPROVED").statusCode(200).body("status.code", equalTo("CLOSED"));

        closureRequests("consul.kl", asked.id())
                .body("[0].decision", equalTo("APPROVED"))
                .body("[0].requestedBy", equalTo("consul.kl"))
                .body("[0].decidedBy", equalTo("head.kl"));
        assertThat(CaseCalls.CLOSURE_DECISION.audited(dataSource, asked.id(), "SUCCESS", "head.kl"))
                .anySatisfy(p -> assertThat(p).contains("decision=APPROVED"));
    }

    @Test
    void shouldLetNoSupervisorDecideOnTheirOwnClosureRequest() {
        Made kl = CaseSetup.report("head.kl", CaseSetup.abroad(KL, "GAJI_TIDAK_DIBAYAR"));
        CaseSetup.resolve("head.kl", kl.id());
        String own = requestClosure("head.kl", kl.id());
        Made home = CaseSetup.report("p2mi.supervisor", CaseSetup.afterReturn(null, "GAGAL_BERANGKAT"));
        CaseSetup.resolve("p2mi.supervisor", home.id());
        String ownAtHome = requestClosure("p2mi.supervisor", home.id());

        decide("head.kl", kl.id(), own, "APPROVED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:own-request"));
        decide("p2mi.supervisor", home.id(), ownAtHome, "REJECTED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:own-request"));

        closureRequests("head.kl", kl.id()).body("[0].decision", nullValue());
        closureRequests("p2mi.supervisor", home.id()).body("[0].decision", nullValue());
        decide("pwni.hq", kl.id(), own, "APPROVED").statusCode(200).body("status.code", equalTo("CLOSED"));
        closureRequests("p2mi.officer", home.id()).body("[0].decision", nullValue());
    }

    private static Map<String, ?> updateBody(String path) {
        return switch (path) {
            case "/triage" -> Map.of("reason", "first call with the worker done");
            case "/transitions" -> Map.of("to", "IN_PROGRESS", "reason", "checked by telephone");
            case "/closure-requests" -> Map.of("reason", "wages paid in full");
            case "/lead" -> Map.of("agency", "KEMLU", "missionId", HK, "reason", "worker moved to Hong Kong");
            default -> throw new IllegalArgumentException(path);
        };
    }

    private static ValidatableResponse list(String user, Map<String, ?> query) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .queryParams(query)
                .when()
                .get("/api/cases")
                .then();
    }

    private static String requestClosure(String user, String caseId) {
        return Cases.update(user, caseId, "/closure-requests", Map.of("reason", "wages paid in full"))
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static ValidatableResponse closureRequests(String user, String caseId) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/cases/" + caseId + "/closure-requests")
                .then()
                .statusCode(200);
    }

    /** Decides on the closure request as {@code user}, naming the version the case's lead side reads. */
    private static ValidatableResponse decide(String user, String caseId, String requestId, String decision) {
        String etag = Cases.etag("pwni.hq", caseId);
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(Map.of("decision", decision, "reason", "checked the receipts"))
                .when()
                .post("/api/cases/" + caseId + "/closure-requests/" + requestId + "/decision")
                .then();
    }
}
