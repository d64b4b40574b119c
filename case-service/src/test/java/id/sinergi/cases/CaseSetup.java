package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.Tokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** Cases made for the scope and export tests, each for a newly registered worker. */
final class CaseSetup {

    static final String KL = "KBRI-KUALALUMPUR";
    static final String HK = "KJRI-HONGKONG";

    private CaseSetup() {}

    /** A reported case and its worker. */
    record Made(String id, String workerId) {}

    /** A report of {@code categoryCode} by telephone for a new worker abroad, in the mission's country. */
    static Map<String, Object> abroad(String missionId, String categoryCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("workerId", Workers.register().id());
        body.put("missionId", missionId);
        body.put("categoryCode", categoryCode);
        body.put("description", "Gaji tiga bulan belum dibayar majikan.");
        body.put("channel", "HOTLINE");
        body.put("phase", "ABROAD");
        return body;
    }

    /** A report to KemenP2MI's crisis centre after the worker's return, which KemenP2MI leads. */
    static Map<String, Object> afterReturn(String missionId, String categoryCode) {
        Map<String, Object> body = abroad(missionId, categoryCode);
        body.put("channel", "CRISIS_CENTER");
        body.put("phase", "AFTER_RETURN");
        if (missionId == null) {
            body.remove("missionId");
        }
        return body;
    }

    /** The report as made by a family member, named with a telephone number. */
    static Map<String, Object> byFamily(Map<String, Object> body, String name, String contact) {
        body.put("channel", "FAMILY");
        body.put(
                "reporter",
                Map.of("relation", "FAMILY", "name", name, "relationship", "kakak (sister)", "contact", contact));
        return body;
    }

    static Made report(String user, Map<String, Object> body) {
        String id =
                Cases.report(Tokens.user(user), body).statusCode(201).extract().path("id");
        return new Made(id, (String) body.get("workerId"));
    }

    /** Triages the case and moves it on to RESOLVED as {@code user}. */
    static void resolve(String user, String caseId) {
        Cases.triage(user, caseId).statusCode(200);
        Cases.move(user, caseId, "IN_PROGRESS").statusCode(200);
        Cases.move(user, caseId, "RESOLVED").statusCode(200);
    }

    /** Invokes vital interest for the case as {@code user} (a consular officer of its mission). */
    static void invokeVitalInterest(String user, String caseId) {
        Cases.update(user, caseId, "/vital-interest", Map.of("reason", CaseCalls.VitalReason.TEXT))
                .statusCode(201);
    }

    /**
     * Makes the case one that KemenP2MI takes no part in, by writing the row: no API path removes a participant
     * (a hand-over keeps the side giving up the lead as participant), and configuring the abroad phase without
     * one would need a test profile that restarts Quarkus.
     */
    static void withoutParticipant(DataSource dataSource, String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps =
                        c.prepareStatement("UPDATE protection_case SET participant_agency = NULL WHERE id = ?::uuid")) {
            ps.setString(1, caseId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the case", e);
        }
    }
}
