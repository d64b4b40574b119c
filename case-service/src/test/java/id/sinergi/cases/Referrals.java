package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/** Referrals, their answers and consent grants, as the tests make them, and what the database then holds. */
final class Referrals {

    private Referrals() {}

    /** A referral body of {@code kind} to {@code to}, with a reason and nothing shared. */
    static Map<String, Object> body(String kind, String to) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("to", to);
        body.put("reason", "Majikan menolak membayar; perlu pendampingan dari instansi lain.");
        return body;
    }

    /** A referral body to a named service, with its provider. */
    static Map<String, Object> toService(String service, String provider) {
        Map<String, Object> body = body("REFERRAL", service);
        body.put("providerName", provider);
        return body;
    }

    /** The body, sharing the worker's data of the categories. */
    static Map<String, Object> sharing(Map<String, Object> body, String... categories) {
        body.put("sharesWorkerData", true);
        body.put("dataCategories", List.of(categories));
        return body;
    }

    /** Refers the case as {@code user}, naming the version the user reads just before. */
    static ValidatableResponse refer(String user, String caseId, Map<String, Object> body) {
        return Cases.update(user, caseId, "/referrals", body);
    }

    /** Refers the case as {@code user} and gives the referral's id. */
    static String referred(String user, String caseId, Map<String, Object> body) {
        return refer(user, caseId, body).statusCode(201).extract().path("id");
    }

    /** Answers the referral as {@code user}, naming the case's version the user reads just before. */
    static ValidatableResponse decide(String user, String caseId, String referralId, String decision) {
        return Cases.update(
                user,
                caseId,
                "/referrals/" + referralId + "/decision",
                Map.of("decision", decision, "reason", "dibahas dengan tim pelindungan"));
    }

    static ValidatableResponse list(String user, String caseId) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/cases/" + caseId + "/referrals")
                .then();
    }

    /** The worker the case is about. */
    static String workerOf(String caseId) {
        return Cases.read("pwni.hq", caseId).statusCode(200).extract().path("workerId");
    }

    /**
     * Records in the real consent-service, as {@code user}, the worker's consent that {@code agency} may use the
     * categories for protection case handling for a year, and gives the grant's id.
     */
    static String grant(String user, String workerId, String agency, String... categories) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", workerId);
        body.put("receivingAgency", agency);
        body.put("purposes", List.of("PROTECTION_CASE_HANDLING"));
        body.put("dataCategories", List.of(categories));
        body.put("validUntil", Instant.now().plus(365, ChronoUnit.DAYS).toString());
        return given().auth()
                .oauth2(Tokens.user(user))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(consentUrl() + "/api/consents")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    static String consentUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.consent-service.url", String.class);
    }

    /** The case's stored referrals, oldest first, as column → value. */
    static List<Map<String, Object>> stored(DataSource dataSource, String caseId) {
        return rows(dataSource, "SELECT * FROM case_referral WHERE case_id = ?::uuid ORDER BY created_at", caseId);
    }

    static List<Map<String, Object>> rows(DataSource dataSource, String sql, String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, caseId);
            List<Map<String, Object>> rows = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The case's stored status and version, as the database holds them. */
    static Map<String, Object> caseRow(DataSource dataSource, String caseId) {
        List<Map<String, Object>> rows =
                rows(dataSource, "SELECT status, version, lead_agency FROM protection_case WHERE id = ?::uuid", caseId);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }
}
