package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.query;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withActor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** "Who accessed my data and why": a worker's access log, for the security team and the worker's own app. */
@QuarkusTest
@AuditTestResource
class WorkerAccessLogTest {

    private static final String PORTAL = "peduli-wni-portal";

    @Test
    void shouldShowTheWorkerEachAccessByOfficeAndRoleInPlainTermsNewestFirst() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> read = with(event(worker, "worker.placement.read"), "occurredAt", "2026-11-01T08:00:00Z");
        Map<String, Object> decided = with(
                with(with(event(worker, "consent.decision"), "service", "consent-service"), "outcome", "DENIED"),
                "occurredAt",
                "2026-11-02T08:00:00Z");
        deliver(List.of(read)).statusCode(200);
        deliverAs("consent-service", List.of(decided)).statusCode(200);

        accessLog(Tokens.client(PORTAL), worker, Map.of())
                .statusCode(200)
                .body("workerId", equalTo(worker.toString()))
                .body("entries.eventId", equalTo(List.of(decided.get("id"), read.get("id"))))
                .body("entries[1].occurredAt", equalTo("2026-11-01T08:00:00Z"))
                .body("entries[1].agency.code", equalTo("KEMLU"))
                .body("entries[1].agency.term", equalTo("Kementerian Luar Negeri"))
                .body("entries[1].agency.gloss", equalTo("Ministry of Foreign Affairs"))
                .body("entries[1].mission", equalTo("KBRI-KUALALUMPUR"))
                .body("entries[1].role.code", equalTo("consular-officer"))
                .body("entries[1].role.term", equalTo("petugas konsuler"))
                .body("entries[1].action", equalTo("worker.placement.read"))
                .body("entries[1].category.code", equalTo("READ"))
                .body("entries[1].category.term", equalTo("melihat data"))
                .body("entries[1].purpose.code", equalTo("PROTECTION_CASE_HANDLING"))
                .body("entries[1].purpose.term", equalTo("penanganan kasus pelindungan"))
                .body("entries[1].outcome.term", equalTo("berhasil"))
                .body("entries[0].category.code", equalTo("DECISION"))
                .body("entries[0].outcome.code", equalTo("DENIED"))
                .body("entries[0].outcome.gloss", equalTo("refused"))
                .body("next", nullValue());
    }

    @Test
    void shouldNameTheOfficerOnlyInTheSecurityTeamsView() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);

        String forWorker = accessLog(Tokens.client(PORTAL), worker, Map.of())
                .statusCode(200)
                .body("entries[0].actor", nullValue())
                .extract()
                .asString();
        accessLog(Tokens.user("security.auditor"), worker, Map.of())
                .statusCode(200)
                .body("entries.find { it.action == 'worker.read' }.actor.username", equalTo("consul.kl"))
                .body("entries.find { it.action == 'worker.read' }.actor.subject", notNullValue());

        assertThat(forWorker).doesNotContain("consul.kl", "2f0c6a8e-6b7f-4c1e-9a59-000000000001", "sinergi-portal");
    }

    @Test
    void shouldLeaveOutTheWorkersOwnLooksButShowTheSecurityTeamsReads() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);
        accessLog(Tokens.client(PORTAL), worker, Map.of()).statusCode(200);
        query(Map.of("workerId", worker)).statusCode(200);

        accessLog(Tokens.client(PORTAL), worker, Map.of())
                .statusCode(200)
                .body("entries.action", equalTo(List.of("audit.query", "worker.read")))
                .body("entries[0].role.code", equalTo("security-auditor"))
                .body("entries[0].role.term", equalTo("tim keamanan"))
                .body("entries[0].category.code", equalTo("READ"));
    }

    @Test
    void shouldAuditEachReadOfAnAccessLog() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);

        accessLog(Tokens.client(PORTAL), worker, Map.of()).statusCode(200);
        accessLog(Tokens.user("security.auditor"), worker, Map.of()).statusCode(200);

        query(Map.of("workerId", worker, "action", "worker.access-log.read"))
                .statusCode(200)
                .body("events.actor.clientId", equalTo(List.of(PORTAL, "sinergi-cli")))
                .body("events[0].reason", containsString("view=worker"))
                .body("events[1].reason", containsString("view=auditor"));
    }

    @Test
    void shouldPageFromTheNewestWithBeforeAndTakeAPeriod() {
        UUID worker = UUID.randomUUID();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            events.add(with(event(worker, "worker.read"), "occurredAt", "2026-10-0" + day + "T10:00:00Z"));
        }
        deliver(events).statusCode(200);

        List<Object> seen = new ArrayList<>();
        Object before = null;
        do {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("limit", 2));
            if (before != null) {
                params.put("before", before);
            }
            Map<String, Object> page = accessLog(Tokens.client(PORTAL), worker, params)
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            @SuppressWarnings("unchecked") // entries are JSON objects
            List<Map<String, Object>> entries = (List<Map<String, Object>>) page.get("entries");
            entries.forEach(e -> seen.add(e.get("eventId")));
            before = page.get("next");
        } while (before != null);

        List<Object> newestFirst =
                new ArrayList<>(events.stream().map(e -> e.get("id")).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        accessLog(Tokens.client(PORTAL), worker, Map.of("from", "2026-10-02T00:00:00Z", "to", "2026-10-04T00:00:00Z"))
                .statusCode(200)
                .body(
                        "entries.eventId",
                        equalTo(List.of(events.get(2).get("id"), events.get(1).get("id"))));
    }

    @Test
    void shouldRefuseOtherSourceApplicationsOfficersAndAnonymousCallers() {
        UUID worker = UUID.randomUUID();

        accessLog(Tokens.client("siskop2mi-connector"), worker, Map.of())
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:not-worker-portal"));
        for (String user : List.of("consul.kl", "p2mi.officer", "pwni.hq", "platform.admin")) {
            accessLog(Tokens.user(user), worker, Map.of())
                    .statusCode(403)
                    .body("type", equalTo("urn:sinergi:problem:forbidden"));
        }
        accessLog(Tokens.client("identity-service"), worker, Map.of()).statusCode(403);
        given().get("/api/workers/" + worker + "/access-log").then().statusCode(401);

        query(Map.of("workerId", worker, "action", "worker.access-log.read"))
                .statusCode(200)
                .body("events", equalTo(List.of()));
    }

    @Test
    void shouldRejectBadParametersNamingThem() {
        UUID worker = UUID.randomUUID();
        String token = Tokens.client(PORTAL);

        accessLog(token, worker, Map.of("limit", 0))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("limit"));
        accessLog(token, worker, Map.of("limit", 201)).statusCode(400).body("errors[0].field", equalTo("limit"));
        accessLog(token, worker, Map.of("before", "-3")).statusCode(400).body("errors[0].field", equalTo("before"));
        accessLog(token, worker, Map.of("from", "last week")).statusCode(400).body("errors[0].field", equalTo("from"));
        accessLog(token, worker, Map.of("from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"))
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth()
                .oauth2(token)
                .get("/api/workers/not-a-uuid/access-log")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void shouldShowAnUnknownRoleAndAgencyAsCodesWithoutTerms() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> odd = withActor(
                withActor(event(worker, "worker.read"), "roles", List.of("default-roles-sinergi")), "agency", "X");
        deliver(List.of(odd)).statusCode(200);

        accessLog(Tokens.client(PORTAL), worker, Map.of())
                .statusCode(200)
                .body("entries[0].agency.code", equalTo("X"))
                .body("entries[0].agency.term", nullValue())
                .body("entries[0].role", nullValue())
                .body("entries[0].actor", nullValue());
    }

    @Test
    void shouldDescribeTheNewOperationsInOpenApi() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/workers/{id}/access-log'.get.responses.'403'", notNullValue())
                .body("paths.'/api/workers/{id}/audit-key'.delete.summary", notNullValue())
                .body("paths.'/api/audit-events/export'.get.parameters.name", hasItem("format"))
                .body("paths.'/api/audit-events/export'.get.parameters.name", hasItem("purpose"))
                .body("paths.'/api/audit-events'.get.parameters.name", hasItem("agency"))
                .body("paths.'/api/audit-events'.get.parameters.name", hasItem("mission"));
    }

    private static ValidatableResponse accessLog(String token, UUID worker, Map<String, ?> params) {
        return given().auth()
                .oauth2(token)
                .queryParams(params)
                .when()
                .get("/api/workers/" + worker + "/access-log")
                .then();
    }
}
