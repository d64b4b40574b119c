package id.sinergi.consent;

import static io.restassured.RestAssured.given;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** The consent API's calls as the tests make them, with tokens of the real Keycloak. */
final class ConsentApi {

    private ConsentApi() {}

    /** A grant to KEMLU for protection case handling of the worker's placement, valid for a year. */
    static Map<String, Object> grantBody(UUID worker) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        body.put("receivingAgency", "KEMLU");
        body.put("purposes", List.of("PROTECTION_CASE_HANDLING"));
        body.put("dataCategories", List.of("PLACEMENT"));
        body.put("validUntil", Instant.now().plus(365, ChronoUnit.DAYS).toString());
        return body;
    }

    static ValidatableResponse postGrant(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consents")
                .then();
    }

    /** Records the grant as a KemenP2MI officer and gives its id. */
    static String grant(Map<String, Object> body) {
        return postGrant(Tokens.user("p2mi.officer"), body)
                .statusCode(201)
                .extract()
                .path("id");
    }

    static ValidatableResponse transition(String token, String grantId, String status) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("status", status, "reason", "worker asked at the service point"))
                .when()
                .post("/api/consents/" + grantId + "/transitions")
                .then();
    }

    static ValidatableResponse revoke(String grantId) {
        return given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker withdrew consent in the portal"))
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then();
    }

    /** Revokes with the token and gives the status it answered. */
    static int revokeWith(String token, String grantId) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker withdrew consent in the portal"))
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then()
                .extract()
                .statusCode();
    }

    static ValidatableResponse readGrant(String grantId) {
        return given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .when()
                .get("/api/consents/" + grantId)
                .then();
    }

    static ValidatableResponse listGrants(UUID worker) {
        return given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .queryParam("workerId", worker.toString())
                .when()
                .get("/api/consents")
                .then();
    }

    static ValidatableResponse history(String token, String grantId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/consents/" + grantId + "/history")
                .then();
    }

    /** A decision asked with the token, for one or several categories. */
    static ValidatableResponse decide(String token, UUID worker, String agency, String purpose, Object categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", worker);
        body.put("requestingAgency", agency);
        body.put("purpose", purpose);
        body.put(categories instanceof List ? "dataCategories" : "dataCategory", categories);
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/consent-decisions")
                .then();
    }

    /** A decision asked by a consular officer of KBRI Kuala Lumpur for Kemlu. */
    static ValidatableResponse decideAsConsul(UUID worker, String purpose, Object categories) {
        return decide(Tokens.user("consul.kl"), worker, "KEMLU", purpose, categories);
    }

    /** The rows a query finds, each as column name to value. */
    static List<Map<String, Object>> rows(DataSource dataSource, String sql, Object... values) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                        row.put(rs.getMetaData().getColumnLabel(col), rs.getObject(col));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
