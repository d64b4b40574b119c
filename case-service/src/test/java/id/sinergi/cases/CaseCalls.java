package id.sinergi.cases;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Every endpoint that names one case, called as a user, so that scope tests can sweep them all. */
enum CaseCalls {
    READ("case.read", "GET", "", null),
    TRIAGE("case.triage", "POST", "/triage", Map.of("reason", "first call with the worker done")),
    TRANSITION(
            "case.transition", "POST", "/transitions", Map.of("to", "IN_PROGRESS", "reason", "checked by telephone")),
    CLOSURE_REQUEST("case.closure-request", "POST", "/closure-requests", Map.of("reason", "wages paid in full")),
    CLOSURE_REQUESTS("case.closure-requests.read", "GET", "/closure-requests", null),
    CLOSURE_DECISION(
            "case.closure-decision",
            "POST",
            "/closure-requests/" + UUID.randomUUID() + "/decision",
            Map.of("decision", "APPROVED", "reason", "checked the receipts")),
    LEAD_HANDOVER("case.lead-handover", "POST", "/lead", Map.of("agency", "KEMENP2MI", "reason", "worker went home")),
    VITAL_INTEREST("case.vital-interest.invoke", "POST", "/vital-interest", Map.of("reason", VitalReason.TEXT)),
    VITAL_INTEREST_RENEWAL(
            "case.vital-interest.renew", "POST", "/vital-interest/renewal", Map.of("reason", VitalReason.TEXT)),
    CLOSURE_REQUEST_ONE("case.closure-requests.read", "GET", "/closure-requests/" + UUID.randomUUID(), null),
    REFERRAL(
            "case.referral",
            "POST",
            "/referrals",
            Map.of("kind", "REFERRAL", "to", "SHELTER", "providerName", "Rumah Aman", "reason", "needs a safe place")),
    REFERRALS("case.referral.read", "GET", "/referrals", null),
    REFERRAL_ONE("case.referral.read", "GET", "/referrals/" + UUID.randomUUID(), null),
    REFERRAL_DECISION(
            "case.referral-decision",
            "POST",
            "/referrals/" + UUID.randomUUID() + "/decision",
            Map.of("decision", "ACCEPTED", "reason", "the shelter has a room")),
    OUTCOME(
            "case.outcome",
            "POST",
            "/outcomes",
            Map.of("kind", "REPATRIATED", "date", LocalDate.now(ZoneOffset.UTC).toString())),
    OUTCOMES("case.outcome.read", "GET", "/outcomes", null),
    OUTCOME_ONE("case.outcome.read", "GET", "/outcomes/" + UUID.randomUUID(), null),
    EXPORT("case.export", "GET", "/export?party=EMPLOYER", null);

    /** A reason long enough for consent-service's vital-interest rules. */
    static final class VitalReason {
        static final String TEXT =
                "Pekerja dikurung majikan dan tidak bisa dihubungi; keluarga melapor ancaman terhadap keselamatannya.";

        private VitalReason() {}
    }

    /** The status and the body of an answer, the case's id in it replaced by {@code {id}}. */
    record Answer(int status, String body) {}

    final String action;
    private final String method;
    private final String path;
    private final Map<String, ?> body;

    CaseCalls(String action, String method, String path, Map<String, ?> body) {
        this.action = action;
        this.method = method;
        this.path = path;
        this.body = body;
    }

    /**
     * The call as {@code user} on case {@code caseId}; an update names version 0 in If-Match (a case out of scope
     * is refused before its version is looked at).
     */
    Answer as(String user, String caseId) {
        RequestSpecification request = given().auth().oauth2(Tokens.user(user));
        Response response;
        if (method.equals("GET")) {
            response = request.when().get("/api/cases/" + caseId + path);
        } else {
            response = request.contentType(ContentType.JSON)
                    .header("If-Match", "\"0\"")
                    .body(body)
                    .when()
                    .post("/api/cases/" + caseId + path);
        }
        return new Answer(response.statusCode(), response.asString().replace(caseId, "{id}"));
    }

    /**
     * The operation the call makes, as {@code METHOD /api/cases/{}/...} with every path id as {@code {}} and without
     * the query, so that it compares with an OpenAPI path template whose parameters are written the same way.
     */
    String operation() {
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return method + " /api/cases/{}" + withoutQuery.replaceAll("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}", "{}");
    }

    /** Every call as {@code user} on the case, in declaration order. */
    static Map<CaseCalls, Answer> everyCall(String user, String caseId) {
        Map<CaseCalls, Answer> answers = new HashMap<>();
        for (CaseCalls call : values()) {
            answers.put(call, call.as(user, caseId));
        }
        return answers;
    }

    /** The audit payloads about the case of this call's action, with the outcome and by the user. */
    List<String> audited(DataSource dataSource, String caseId, String outcome, String user) {
        return AuditOutboxProbe.payloadsMentioning(dataSource, caseId).stream()
                .filter(p -> p.contains("\"action\":\"" + action + "\""))
                .filter(p -> p.contains("\"outcome\":\"" + outcome + "\""))
                .filter(p -> p.contains("\"username\":\"" + user + "\""))
                .toList();
    }
}
