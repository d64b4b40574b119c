package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.query;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withActor;
import static id.sinergi.audit.AuditEvents.withDetails;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@AuditTestResource
class AuditEventResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldAcceptOneEventFromAServiceAccountNamingItsOwnClientAsService() {
        UUID worker = UUID.randomUUID();

        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .contentType(ContentType.JSON)
                .body(with(event(worker, "worker.read"), "service", "identity-service"))
                .when()
                .post("/api/audit-events")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("duplicates", equalTo(0));

        assertThat(rowsAbout(worker)).isEqualTo(1);
        assertThat(idsOf(Map.of("workerId", worker, "service", "identity-service")))
                .hasSize(1);
    }

    @Test
    void shouldAnswerEachOfManyConcurrentSingleEventsWithItsOwnOutcomeAndStoreEachIdOnce() throws Exception {
        UUID worker = UUID.randomUUID();
        String token = Tokens.client("identity-service");
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            events.add(with(event(worker, "worker.read"), "service", "identity-service"));
        }
        // Ten of the events are sent twice, at the same time as the rest: one of the two is a duplicate.
        List<Map<String, Object>> sent = new ArrayList<>(events);
        sent.addAll(events.subList(0, 10));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Integer>> accepted = new ArrayList<>();

        try {
            for (Map<String, Object> e : sent) {
                accepted.add(pool.submit(() -> given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(e)
                        .when()
                        .post("/api/audit-events")
                        .then()
                        .statusCode(200)
                        .extract()
                        .<Integer>path("accepted")));
            }
            int total = 0;
            for (Future<Integer> f : accepted) {
                total += f.get(60, TimeUnit.SECONDS);
            }

            assertThat(total).isEqualTo(30);
            assertThat(rowsAbout(worker)).isEqualTo(30);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRefuseAnEventNamingAnotherServiceThanTheDeliveringClient() {
        UUID worker = UUID.randomUUID();

        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .contentType(ContentType.JSON)
                .body(with(event(worker, "case.read"), "service", "case-service"))
                .when()
                .post("/api/audit-events")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:service-mismatch"));

        assertThat(rowsAbout(worker)).isZero();
    }

    @Test
    void shouldStoreNothingOfABatchWhenOneEventNamesAnotherService() {
        UUID worker = UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(
                event(worker, "worker.read"),
                with(event(worker, "case.read"), "service", "case-service"),
                event(worker, "worker.read"));

        deliver(batch)
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:service-mismatch"))
                .body("detail", containsString("[1]"));

        assertThat(rowsAbout(worker)).isZero();
    }

    @Test
    void shouldStoreNothingFromABodyWithTrailingJsonAnOutcomeByPositionOrATimeAsANumber() throws Exception {
        UUID worker = UUID.randomUUID();
        String valid =
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(event(worker, "worker.read"));
        Map<String, String> bodies = Map.of(
                "trailing object", valid + " {}",
                "trailing brace", valid + "}",
                "trailing word", valid + " xyz",
                "outcome by position", valid.replace("\"outcome\":\"SUCCESS\"", "\"outcome\":1"),
                "occurredAt in seconds", valid.replaceFirst("\"occurredAt\":\"[^\"]+\"", "\"occurredAt\":1796450000"));

        bodies.forEach((what, body) -> {
            assertThat(body).as(what).isNotEqualTo(valid);
            given().auth()
                    .oauth2(Tokens.client("identity-service"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/audit-events")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        });

        assertThat(rowsAbout(worker)).isZero();
    }

    @Test
    void shouldRejectAnEventClaimingToHappenMoreThanFiveMinutesFromNowNamingTheField() {
        UUID worker = UUID.randomUUID();
        String tenMinutesAhead = Instant.now().plus(10, ChronoUnit.MINUTES).toString();

        deliver(List.of(with(event(worker, "worker.read"), "occurredAt", tenMinutesAhead)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:occurred-at-in-future"))
                .body("errors[0].field", equalTo("[0].occurredAt"));
        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .contentType(ContentType.JSON)
                .body(with(event(worker, "worker.read"), "occurredAt", tenMinutesAhead))
                .when()
                .post("/api/audit-events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("occurredAt"));

        assertThat(rowsAbout(worker)).isZero();
    }

    @Test
    void shouldAcceptEventsHeldLongInAnOutboxAndEventsFromAClockSlightlyAhead() {
        UUID worker = UUID.randomUUID();
        Instant now = Instant.now();

        deliver(List.of(
                        with(
                                event(worker, "worker.read"),
                                "occurredAt",
                                now.minus(30, ChronoUnit.DAYS).toString()),
                        with(
                                event(worker, "worker.read"),
                                "occurredAt",
                                now.plus(2, ChronoUnit.MINUTES).toString())))
                .statusCode(200)
                .body("accepted", equalTo(2));

        assertThat(rowsAbout(worker)).isEqualTo(2);
    }

    @Test
    void shouldSkipEventsAlreadyStoredWhenABatchIsResent() {
        UUID worker = UUID.randomUUID();
        List<Map<String, Object>> batch =
                List.of(event(worker, "worker.read"), event(worker, "worker.placement.read"), event(worker, "x.y"));
        deliver(batch).statusCode(200).body("accepted", equalTo(3)).body("duplicates", equalTo(0));

        deliver(batch).statusCode(200).body("accepted", equalTo(0)).body("duplicates", equalTo(3));

        assertThat(rowsAbout(worker)).isEqualTo(3);
    }

    @Test
    void shouldStoreTheNewEventsOfABatchThatRepeatsOneStoredBefore() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> stored = event(worker, "worker.read");
        deliver(List.of(stored)).statusCode(200).body("accepted", equalTo(1));

        // The batch's plain INSERT meets the stored id; the batch is written again, skipping it.
        deliver(List.of(event(worker, "worker.placement.read"), stored, event(worker, "x.y")))
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1));

        assertThat(rowsAbout(worker)).isEqualTo(3);
    }

    @Test
    void shouldStoreOnceTheEventsOfConcurrentBatchesHoldingTheSameIdsInOppositeOrders() throws Exception {
        // Each batch waits for keys the other inserted: PostgreSQL fails one of them to break the deadlock, and the
        // intake writes that one again, skipping the ids the other stored.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                UUID worker = UUID.randomUUID();
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    batch.add(event(worker, "worker.read"));
                }
                List<Map<String, Object>> reversed = new ArrayList<>(batch);
                Collections.reverse(reversed);

                Future<Integer> first = pool.submit(() -> accepted(batch));
                Future<Integer> second = pool.submit(() -> accepted(reversed));

                assertThat(first.get(60, TimeUnit.SECONDS) + second.get(60, TimeUnit.SECONDS))
                        .as("round %d", round)
                        .isEqualTo(1000);
                assertThat(rowsAbout(worker)).isEqualTo(1000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Delivers the batch, which must be answered 200; gives how many of its events were accepted. */
    private static int accepted(List<Map<String, Object>> batch) {
        return deliver(batch).statusCode(200).extract().<Integer>path("accepted");
    }

    @Test
    void shouldCountARepeatedIdWithinOneBatchAsDuplicate() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> event = event(worker, "worker.read");

        deliver(List.of(event, event, event(worker, "worker.read")))
                .statusCode(200)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(1));

        assertThat(rowsAbout(worker)).isEqualTo(2);
    }

    @Test
    void shouldRefuseIntakeFromUsersAndAnonymousCallers() {
        UUID worker = UUID.randomUUID();

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(List.of(event(worker, "worker.read")))
                .when()
                .post("/api/audit-events/batch")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        given().contentType(ContentType.JSON)
                .body(event(worker, "worker.read"))
                .when()
                .post("/api/audit-events")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        assertThat(rowsAbout(worker)).isZero();
    }

    @Test
    void shouldRejectInvalidEventsNamingTheFieldAndStoreNothing() {
        UUID worker = UUID.randomUUID();

        deliver(List.of(event(worker, "worker.read"), with(event(worker, "worker.read"), "actor", null)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors.field", hasItem("[1].actor"));
        deliver(List.of(event(worker, "Worker Read!"))).statusCode(400).body("errors.field", hasItem("[0].action"));
        // Several broken events at once, one with details: each field is named from its event's index.
        Map<String, Object> deep = Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", "too deep")))));
        deliver(List.of(
                        event(worker, "worker.read"),
                        with(event(worker, "worker.read"), "action", "Bad Action"),
                        withDetails(event(worker, "worker.read"), Map.of("fine", "details")),
                        withActor(
                                withActor(event(worker, "worker.read"), "subject", " "),
                                "roles",
                                List.of("x".repeat(65))),
                        withDetails(event(worker, "worker.read"), deep)))
                .statusCode(400)
                .body("errors.field", contains("[1].action", "[3].actor.roles[0]", "[3].actor.subject", "[4].details"))
                .body("errors.code", contains("pattern", "size", "not-blank", "small-json-object"));
        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .contentType(ContentType.JSON)
                .body(withActor(event(worker, "worker.read"), "subject", ""))
                .when()
                .post("/api/audit-events")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("actor.subject"));
        deliver(List.of(with(event(worker, "worker.read"), "reason", "nul \u0000 inside")))
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].reason"))
                .body("errors[0].code", equalTo("invalid-text"));
        // Every string of the body, a role in the actor's list included, is held to the rule as JSON is read.
        deliver(List.of(withActor(event(worker, "worker.read"), "roles", List.of("consular-officer", "x\u0001"))))
                .statusCode(400)
                .body("errors[0].code", equalTo("invalid-text"));
        deliver(List.of(withActor(event(worker, "worker.read"), "mission", "KBRI\u007f")))
                .statusCode(400)
                .body("errors[0].code", equalTo("invalid-text"));
        deliver(List.of(with(event(worker, "worker.read"), "occurredAt", "1970-01-01T00:00:00Z")))
                .statusCode(400)
                .body("errors[0].field", equalTo("[0].occurredAt"));
        deliver(List.of()).statusCode(400).body("errors.field", hasItem("(body)"));

        assertThat(rowsAbout(worker)).isZero();
    }

    @Test
    void shouldFilterByWorkerActionOutcomeActorServiceAndTime() {
        UUID worker = UUID.randomUUID();
        Instant early = Instant.parse("2026-01-10T08:00:00Z");
        Map<String, Object> read = with(event(worker, "worker.read"), "occurredAt", early.toString());
        Map<String, Object> denied = with(
                with(event(worker, "worker.placement.read"), "outcome", "DENIED"),
                "occurredAt",
                early.plusSeconds(3600).toString());
        Map<String, Object> byCase =
                with(withActor(event(worker, "case.create"), "username", "pwni.hq"), "service", "case-service");
        deliver(List.of(read, denied)).statusCode(200).body("accepted", equalTo(2));
        deliverAs("case-service", List.of(byCase)).statusCode(200).body("accepted", equalTo(1));

        assertThat(idsOf(Map.of("workerId", worker, "action", "worker.read"))).containsExactly(read.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "outcome", "DENIED"))).containsExactly(denied.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "actor", "pwni.hq"))).containsExactly(byCase.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "actor", "2f0c6a8e-6b7f-4c1e-9a59-000000000001")))
                .containsExactly(read.get("id"), denied.get("id"), byCase.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "service", "case-service"))).containsExactly(byCase.get("id"));
        assertThat(idsOf(Map.of(
                        "workerId",
                        worker,
                        "from",
                        early.plusSeconds(60).toString(),
                        "to",
                        early.plusSeconds(7200).toString())))
                .containsExactly(denied.get("id"));
    }

    @Test
    void shouldFilterByTheActorsAgencyAndMissionAndByPurpose() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> byKl = event(worker, "worker.read");
        Map<String, Object> byHk = withActor(event(worker, "worker.read"), "mission", "KJRI-HONGKONG");
        Map<String, Object> byP2mi = with(
                withActor(withActor(event(worker, "worker.register"), "agency", "KEMENP2MI"), "mission", null),
                "purpose",
                "PLACEMENT_SERVICE");
        deliver(List.of(byKl, byHk, byP2mi)).statusCode(200).body("accepted", equalTo(3));

        assertThat(idsOf(Map.of("workerId", worker, "agency", "KEMLU", "service", "identity-service")))
                .containsExactly(byKl.get("id"), byHk.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "agency", "KEMENP2MI"))).containsExactly(byP2mi.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "mission", "KJRI-HONGKONG")))
                .containsExactly(byHk.get("id"));
        assertThat(idsOf(Map.of("workerId", worker, "purpose", "PLACEMENT_SERVICE")))
                .containsExactly(byP2mi.get("id"));
        assertThat(idsOf(Map.of(
                        "workerId", worker, "purpose", "PROTECTION_CASE_HANDLING", "mission", "KBRI-KUALALUMPUR")))
                .containsExactly(byKl.get("id"));
    }

    @Test
    void shouldCountOnlyTheEventsOfTheNewFiltersInASummary() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(
                        event(worker, "worker.read"),
                        withActor(event(worker, "worker.read"), "mission", "KJRI-HONGKONG")))
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("workerId", worker.toString())
                .queryParam("mission", "KJRI-HONGKONG")
                .when()
                .get("/api/audit-events/summary")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void shouldPageThroughEventsByIngestIdWithoutOverlap() {
        UUID worker = UUID.randomUUID();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(event(worker, "worker.read"));
        }
        deliver(batch).statusCode(200);

        List<Object> seen = new ArrayList<>();
        List<Integer> seqs = new ArrayList<>();
        Object after = 0;
        List<Integer> pageSizes = new ArrayList<>();
        while (after != null) {
            // Only identity-service's events: each page adds the auditor's own audit.query event about the worker.
            Map<String, Object> page = query(
                            Map.of("workerId", worker, "service", "identity-service", "limit", 2, "after", after))
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getMap("");
            @SuppressWarnings("unchecked") // the page's events are JSON objects
            List<Map<String, Object>> events = (List<Map<String, Object>>) page.get("events");
            events.forEach(e -> {
                seen.add(e.get("id"));
                seqs.add((Integer) e.get("ingestId"));
            });
            pageSizes.add(events.size());
            after = page.get("next");
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen)
                .containsExactlyElementsOf(batch.stream().map(e -> e.get("id")).toList());
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void shouldShowIntakeFieldsAndEventFieldsOfStoredEvents() {
        UUID worker = UUID.randomUUID();
        Map<String, Object> event = event(worker, "worker.placement.read");
        deliver(List.of(event)).statusCode(200);

        query(Map.of("workerId", worker))
                .statusCode(200)
                .body("events[0].id", equalTo(event.get("id")))
                .body("events[0].ingestId", greaterThan(0))
                .body("events[0].recordedAt", notNullValue())
                .body("events[0].actor.username", equalTo("consul.kl"))
                .body("events[0].actor.roles", equalTo(List.of("consular-officer")))
                .body("events[0].purpose", equalTo("PROTECTION_CASE_HANDLING"))
                .body("next", nullValue());
    }

    @Test
    void shouldAuditTheAuditorsQueriesAndSummaries() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(event(worker, "worker.read"))).statusCode(200);

        query(Map.of("workerId", worker)).statusCode(200);
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("workerId", worker.toString())
                .when()
                .get("/api/audit-events/summary")
                .then()
                .statusCode(200);

        query(Map.of("workerId", worker, "service", "audit-service"))
                .statusCode(200)
                .body("events.action", equalTo(List.of("audit.query", "audit.summary")))
                .body("events[0].actor.username", equalTo("security.auditor"))
                .body("events[0].outcome", equalTo("SUCCESS"));
    }

    @Test
    void shouldSummariseEventsPerActionAndOutcome() {
        UUID worker = UUID.randomUUID();
        deliver(List.of(
                        event(worker, "worker.read"),
                        event(worker, "worker.read"),
                        with(event(worker, "worker.placement.read"), "outcome", "DENIED")))
                .statusCode(200);

        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("workerId", worker.toString())
                .queryParam("service", "identity-service")
                .when()
                .get("/api/audit-events/summary")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("byAction", equalTo(Map.of("worker.read", 2, "worker.placement.read", 1)))
                .body("byOutcome", equalTo(Map.of("SUCCESS", 2, "DENIED", 1, "FAILED", 0)));
    }

    @Test
    void shouldLetOnlySecurityAuditorsReadTheLog() {
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .when()
                .get("/api/audit-events")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        given().auth()
                .oauth2(Tokens.client("identity-service"))
                .when()
                .get("/api/audit-events/summary")
                .then()
                .statusCode(403);
        given().when().get("/api/audit-events").then().statusCode(401);

        query(Map.of("limit", 1)).statusCode(200);
    }

    @Test
    void shouldAnswerMethodNotAllowedForAReadOfTheBatchIntake() {
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/audit-events/batch")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:http-405"));
    }

    @Test
    void shouldRejectBadFiltersNamingTheParameter() {
        query(Map.of("outcome", "MAYBE"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("outcome"));
        query(Map.of("from", "yesterday")).statusCode(400).body("errors[0].field", equalTo("from"));
        query(Map.of("limit", 0)).statusCode(400).body("errors[0].field", equalTo("limit"));
        query(Map.of("limit", 501)).statusCode(400).body("errors[0].field", equalTo("limit"));
        query(Map.of("after", "-1")).statusCode(400).body("errors[0].field", equalTo("after"));
        query(Map.of("workerId", "not-a-uuid")).statusCode(400).body("errors[0].field", equalTo("workerId"));
        query(Map.of("agency", "BP2MI"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:invalid-parameter"))
                .body("errors[0].field", equalTo("agency"))
                .body("errors[0].message", containsString("KEMENP2MI, KEMLU"));
        query(Map.of("mission", "K".repeat(65))).statusCode(400).body("errors[0].field", equalTo("mission"));
        query(Map.of("purpose", "P".repeat(65))).statusCode(400).body("errors[0].field", equalTo("purpose"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("from", "2026-02-01T00:00:00Z")
                .queryParam("to", "2026-01-01T00:00:00Z")
                .when()
                .get("/api/audit-events/summary")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("to"));
    }

    @Test
    void shouldDescribeEveryOperationInOpenApi() {
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths.'/api/audit-events'.post.summary", notNullValue())
                .body("paths.'/api/audit-events'.get.parameters.name", hasItem("outcome"))
                .body("paths.'/api/audit-events/batch'.post.responses.'400'", notNullValue())
                .body("paths.'/api/audit-events/summary'.get.summary", notNullValue())
                .body("paths.'/api/audit-log/verification'.get.responses.'403'", notNullValue())
                .body("paths.'/api/audit-log/checkpoint'.get.summary", notNullValue())
                .body("paths.'/api/audit-log/cosignatures'.post.responses.'409'", notNullValue())
                .body("paths.'/api/audit-events/{eventId}/proof'.get.responses.'404'", notNullValue());
    }

    @Test
    void shouldDeclareTheTreeParametersAsWholeNumbersInOpenApi() {
        var openapi = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        String inclusion = "paths.'/api/audit-log/proofs/inclusion'.get.parameters";
        assertThat(openapi.getString(inclusion + ".find { it.name == 'index' }.schema.type"))
                .isEqualTo("integer");
        assertThat(openapi.getInt(inclusion + ".find { it.name == 'index' }.schema.minimum"))
                .isZero();
        assertThat(openapi.getString(inclusion + ".find { it.name == 'size' }.schema.type"))
                .isEqualTo("integer");
        assertThat(openapi.getInt(inclusion + ".find { it.name == 'size' }.schema.minimum"))
                .isEqualTo(1);
        for (String path : List.of(
                "/api/audit-events/{eventId}/proof", "/api/audit-log/export", "/api/audit-log/proofs/consistency")) {
            assertThat(openapi.getList("paths.'" + path + "'.get.parameters.findAll { it.in == 'query' }.schema.type"))
                    .as(path)
                    .isNotEmpty()
                    .containsOnly("integer");
        }
    }

    private List<Object> idsOf(Map<String, ?> params) {
        return query(params).statusCode(200).extract().jsonPath().getList("events.id");
    }

    private long rowsAbout(UUID worker) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_entry WHERE worker_id = ?")) {
            ps.setObject(1, worker);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count audit rows", e);
        }
    }
}
