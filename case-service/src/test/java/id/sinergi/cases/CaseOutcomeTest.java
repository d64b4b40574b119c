package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A case's outcomes, recorded by its lead side and checked for their kind. */
@QuarkusTest
@CaseTestResource
class CaseOutcomeTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Test
    void shouldRecordSeveralOutcomesAndListThemOldestFirst() {
        String caseId = Cases.reported("consul.kl", KL, "PIDANA_PERDATA");
        CaseTimes.shiftBack(dataSource, caseId, Duration.ofDays(3));
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();

        String wagesId = record("consul.kl", caseId, wages("4500.50", "MYR"))
                .statusCode(201)
                .body("kind.code", equalTo("WAGES_RECOVERED"))
                .body("kind.termId", equalTo("Gaji berhasil dibayarkan"))
                .body("amount", equalTo("4500.50"))
                .body("currency", equalTo("MYR"))
                .body("recordedBy", equalTo("consul.kl"))
                .extract()
                .path("id");
        record("consul.kl", caseId, legal("HUKUMAN_DIRINGANKAN", "Vonis banding: 2 tahun menjadi 8 bulan."))
                .statusCode(201)
                .body("legalResult.code", equalTo("HUKUMAN_DIRINGANKAN"))
                .body("legalResult.termId", equalTo("Hukuman diringankan"))
                .body("legalResult.glossEn", equalTo("sentence reduced"));
        record("consul.kl", caseId, dated("REPATRIATED", yesterday))
                .statusCode(201)
                .body("date", equalTo(yesterday))
                .body("amount", nullValue());

        list("p2mi.officer", caseId)
                .statusCode(200)
                .body("kind.code", contains("WAGES_RECOVERED", "LEGAL_RESULT", "REPATRIATED"))
                .body("[0].id", equalTo(wagesId));
        assertThat(Referrals.rows(
                        dataSource,
                        "SELECT kind, amount, currency FROM case_outcome WHERE case_id = ?::uuid ORDER BY recorded_at",
                        caseId))
                .hasSize(3)
                .first()
                .satisfies(row -> assertThat(row)
                        .containsEntry("kind", "WAGES_RECOVERED")
                        .containsEntry("amount", new BigDecimal("4500.50"))
                        .containsEntry("currency", "MYR"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, wagesId))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains("\"action\":\"case.outcome\"")
                        .contains("kind=WAGES_RECOVERED")
                        .doesNotContain("4500.50")
                        .doesNotContain("\"amount\""));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.outcome.read\"")
                .contains("\"username\":\"p2mi.officer\""));
    }

    @Test
    void shouldRefuseAnUnknownCurrencyANonPositiveAmountAndTooManyDecimals() {
        String caseId = Cases.reported("consul.kl", KL);

        record("consul.kl", caseId, wages("100.00", "ABC"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-currency"))
                .body("errors[0].field", equalTo("currency"));
        record("consul.kl", caseId, wages("100.00", "XAU"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:unknown-currency"));
        record("consul.kl", caseId, wages("100.00", "myr"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("currency"));
        record("consul.kl", caseId, wages("-250.00", "MYR"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("amount"));
        record("consul.kl", caseId, wages("0", "MYR")).statusCode(400).body("errors[0].field", equalTo("amount"));
        record("consul.kl", caseId, wages("10.125", "MYR")).statusCode(400).body("errors[0].field", equalTo("amount"));
        record("consul.kl", caseId, wages("1500.50", "JPY"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:amount-precision"));
        Map<String, Object> noCurrency = wages("100.00", "MYR");
        noCurrency.remove("currency");
        record("consul.kl", caseId, noCurrency)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:outcome-field-required"))
                .body("errors[0].field", equalTo("currency"));

        assertThat(stored(caseId)).isZero();
        list("consul.kl", caseId).statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void shouldRefuseADateInTheFutureAndFieldsOfAnotherKind() {
        String caseId = Cases.reported("consul.kl", KL);
        String inTwoDays = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
        Map<String, Object> repatriatedWithAmount = dated("REPATRIATED", "2026-01-05");
        repatriatedWithAmount.put("amount", new BigDecimal("10.00"));
        Map<String, Object> undated = new HashMap<>(Map.of("kind", "REPATRIATED"));

        record("consul.kl", caseId, dated("REPATRIATED", inTwoDays))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:date-in-future"))
                .body("errors[0].field", equalTo("date"));
        for (String early :
                List.of("0001-01-01", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString())) {
            record("consul.kl", caseId, dated("REPATRIATED", early))
                    .statusCode(400)
                    .body("type", equalTo("urn:sinergi:problem:date-before-report"))
                    .body("errors[0].field", equalTo("date"));
        }
        record("consul.kl", caseId, repatriatedWithAmount)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:outcome-field-not-allowed"))
                .body("errors[0].field", equalTo("amount"));
        record("consul.kl", caseId, undated)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:outcome-field-required"))
                .body("errors[0].field", equalTo("date"));
        record("consul.kl", caseId, legal("DIBEBASKAN", null)).statusCode(400).body("errors[0].field", equalTo("note"));
        record("consul.kl", caseId, legal("DIBEBASKAN", "   "))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("note"));

        assertThat(stored(caseId)).isZero();
    }

    @Test
    void shouldRecordRemainsRepatriatedForACaseOfDeathOnly() {
        String wageCase = Cases.reported("consul.kl", KL);
        String deathCase = Cases.reported("consul.kl", KL, "MENINGGAL_DUNIA");
        CaseTimes.shiftBack(dataSource, wageCase, Duration.ofDays(9));
        CaseTimes.shiftBack(dataSource, deathCase, Duration.ofDays(9));
        String lastWeek = LocalDate.now(ZoneOffset.UTC).minusDays(7).toString();

        record("consul.kl", wageCase, dated("REMAINS_REPATRIATED", lastWeek))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:not-a-death-case"))
                .body("categoryCode", equalTo("GAJI_TIDAK_DIBAYAR"));
        record("consul.kl", deathCase, dated("REMAINS_REPATRIATED", lastWeek))
                .statusCode(201)
                .body("kind.termId", equalTo("Jenazah dipulangkan"))
                .body("date", equalTo(lastWeek));

        assertThat(stored(wageCase)).isZero();
        assertThat(stored(deathCase)).isEqualTo(1);
    }

    @Test
    void shouldLetOnlyTheLeadSideRecordAndNotOnAClosedCase() {
        String caseId = Cases.reported("consul.kl", KL);

        record("p2mi.officer", caseId, wages("100.00", "MYR"))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));
        record("consul.hk", caseId, wages("100.00", "MYR")).statusCode(404);
        list("consul.hk", caseId).statusCode(404);
        Cases.close(caseId);
        record("consul.kl", caseId, wages("100.00", "MYR"))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:case-closed"));

        assertThat(stored(caseId)).isZero();
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.outcome\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.hk\""));
    }

    private static Map<String, Object> wages(String amount, String currency) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "WAGES_RECOVERED");
        body.put("amount", new BigDecimal(amount));
        body.put("currency", currency);
        return body;
    }

    private static Map<String, Object> dated(String kind, String date) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("date", date);
        return body;
    }

    private static Map<String, Object> legal(String result, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "LEGAL_RESULT");
        body.put("legalResult", result);
        if (note != null) {
            body.put("note", note);
        }
        return body;
    }

    private static ValidatableResponse record(String user, String caseId, Map<String, Object> body) {
        return Cases.update(user, caseId, "/outcomes", body);
    }

    private static ValidatableResponse list(String user, String caseId) {
        return given().auth()
                .oauth2(Tokens.user(user))
                .when()
                .get("/api/cases/" + caseId + "/outcomes")
                .then();
    }

    private long stored(String caseId) {
        return Referrals.rows(dataSource, "SELECT id FROM case_outcome WHERE case_id = ?::uuid", caseId)
                .size();
    }
}
