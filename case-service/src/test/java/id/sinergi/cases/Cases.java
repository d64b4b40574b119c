package id.sinergi.cases;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.Map;

/** Requests against this service's case API, as the tests send them. */
final class Cases {

    private Cases() {}

    static Map<String, Object> byWorkerId(String workerId, String missionId) {
        Map<String, Object> body = base(missionId);
        body.put("workerId", workerId);
        return body;
    }

    static Map<String, Object> byNik(String nik, String missionId) {
        Map<String, Object> body = base(missionId);
        body.put("nik", nik);
        return body;
    }

    private static Map<String, Object> base(String missionId) {
        Map<String, Object> body = new HashMap<>();
        body.put("missionId", missionId);
        body.put("categoryCode", "GAJI_TIDAK_DIBAYAR");
        body.put("description", "Gaji tiga bulan belum dibayar majikan.");
        body.put("channel", "HOTLINE");
        body.put("phase", "ABROAD");
        return body;
    }

    static ValidatableResponse report(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/cases")
                .then();
    }

    /** Reports a case for a newly registered worker as {@code user} and gives its id. */
    static String reported(String user, String missionId) {
        Workers.Worker worker = Workers.register();
        return report(Tokens.user(user), byWorkerId(worker.id(), missionId))
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** Reports a case of {@code categoryCode} for a newly registered worker as {@code user} and gives its id. */
    static String reported(String user, String missionId, String categoryCode) {
        Map<String, Object> body = byWorkerId(Workers.register().id(), missionId);
        body.put("categoryCode", categoryCode);
        return report(Tokens.user(user), body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse read(String user, String caseId) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/cases/" + caseId)
                .then();
    }

    /** The case's current ETag as {@code user} reads it. */
    static String etag(String user, String caseId) {
        return read(user, caseId).statusCode(200).extract().header("ETag");
    }

    /** Moves the case to {@code to} as {@code user}, naming the version {@code user} reads just before. */
    static ValidatableResponse move(String user, String caseId, String to) {
        return update(user, caseId, "/transitions", Map.of("to", to, "reason", "checked with the worker by phone"));
    }

    /**
     * Takes the case from REPORTED to CLOSED: pwni.hq triages, handles, resolves and asks for closing; the
     * mission's head of protection (head.kl, KBRI-KUALALUMPUR) approves. For cases of KBRI-KUALALUMPUR.
     */
    static void close(String caseId) {
        triage("pwni.hq", caseId).statusCode(200);
        move("pwni.hq", caseId, "IN_PROGRESS").statusCode(200);
        move("pwni.hq", caseId, "RESOLVED").statusCode(200);
        String requestId = update("pwni.hq", caseId, "/closure-requests", Map.of("reason", "settled"))
                .statusCode(201)
                .extract()
                .path("id");
        update(
                        "head.kl",
                        caseId,
                        "/closure-requests/" + requestId + "/decision",
                        Map.of("decision", "APPROVED", "reason", "checked"))
                .statusCode(200);
    }

    /** Triages the case as {@code user} (keeping its priority), naming the version read just before. */
    static ValidatableResponse triage(String user, String caseId) {
        return update(user, caseId, "/triage", Map.of("reason", "first call with the worker done"));
    }

    /**
     * POSTs {@code body} to the case's {@code path} as {@code user} with If-Match of the version the user reads
     * first; a case the user cannot read is sent a made-up version.
     */
    static ValidatableResponse update(String user, String caseId, String path, Map<String, ?> body) {
        String etag = read(user, caseId).extract().header("ETag");
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .header("If-Match", etag == null ? "\"0\"" : etag)
                .body(body)
                .when()
                .post("/api/cases/" + caseId + path)
                .then();
    }
}
