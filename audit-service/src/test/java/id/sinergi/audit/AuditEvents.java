package id.sinergi.audit;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Audit events as services deliver them (JSON maps), and the calls that deliver and read them. */
public final class AuditEvents {

    private AuditEvents() {}

    /** A valid event of identity-service about the worker, by consul.kl, a second old. */
    public static Map<String, Object> event(UUID worker, String action) {
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("subject", "2f0c6a8e-6b7f-4c1e-9a59-000000000001");
        actor.put("username", "consul.kl");
        actor.put("agency", "KEMLU");
        actor.put("mission", "KBRI-KUALALUMPUR");
        actor.put("clientId", "sinergi-portal");
        actor.put("roles", List.of("consular-officer"));
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("occurredAt", Instant.now().minusSeconds(1).toString());
        event.put("service", "identity-service");
        event.put("action", action);
        event.put("outcome", "SUCCESS");
        event.put("actor", actor);
        event.put("workerId", worker.toString());
        event.put("purpose", "PROTECTION_CASE_HANDLING");
        event.put("resourceType", "worker");
        event.put("resourceId", worker.toString());
        event.put("reason", "basis=CONSENT");
        return event;
    }

    /** The same event with one member replaced (or removed, for a null value). */
    public static Map<String, Object> with(Map<String, Object> event, String member, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(event);
        if (value == null) {
            copy.remove(member);
        } else {
            copy.put(member, value);
        }
        return copy;
    }

    /** The event with one actor member replaced. */
    public static Map<String, Object> withActor(Map<String, Object> event, String member, Object value) {
        @SuppressWarnings("unchecked") // built by event() above
        Map<String, Object> actor = new LinkedHashMap<>((Map<String, Object>) event.get("actor"));
        actor.put(member, value);
        return with(event, "actor", actor);
    }

    /** Delivers a batch with identity-service's service token, the client the events of {@link #event} name. */
    static ValidatableResponse deliver(List<Map<String, Object>> events) {
        return deliverAs("identity-service", events);
    }

    /** Delivers a batch with the service token of the given client. */
    public static ValidatableResponse deliverAs(String client, List<Map<String, Object>> events) {
        return given().auth()
                .oauth2(Tokens.client(client))
                .contentType(ContentType.JSON)
                .body(events)
                .when()
                .post("/api/audit-events/batch")
                .then();
    }

    /** The event with personal details. */
    static Map<String, Object> withDetails(Map<String, Object> event, Map<String, Object> details) {
        return with(event, "details", details);
    }

    static ValidatableResponse query(Map<String, ?> params) {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParams(params)
                .when()
                .get("/api/audit-events")
                .then();
    }

    static ValidatableResponse verify() {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/audit-log/verification")
                .then();
    }
}
