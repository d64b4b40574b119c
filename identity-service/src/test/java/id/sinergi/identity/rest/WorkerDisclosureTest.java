package id.sinergi.identity.rest;

import static id.sinergi.identity.rest.TestWorkers.registration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Worker reads and searches show the caller's own agency's records whole and the other agency's only in the data
 * categories consent-service permits, with the real consent-service deciding.
 */
@QuarkusTest
@IdentityTestResource
class WorkerDisclosureTest {

    private static final String CASE_HANDLING = "PROTECTION_CASE_HANDLING";

    private static final String INSURANCE = "INSURANCE_CLAIM";

    @Inject
    DataSource dataSource;

    private static ValidatableResponse read(String token, String workerId, String purpose) {
        var request = given().auth().oauth2(token);
        if (purpose != null) {
            request.queryParam("purpose", purpose);
        }
        return request.when().get("/api/workers/" + workerId).then();
    }

    private static ValidatableResponse searchByNik(String token, String nik, String purpose) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("nik", nik));
        if (purpose != null) {
            request.queryParam("purpose", purpose);
        }
        return request.when().post("/api/workers/search").then();
    }

    private String readEvent(String workerId) {
        return AuditOutboxProbe.payloadsMentioning(dataSource, workerId).stream()
                .filter(p -> p.contains("\"action\":\"worker.read\""))
                .reduce((first, second) -> second)
                .orElseThrow();
    }

    @Test
    void shouldShowTheCallersOwnAgencysRecordsWholeWithoutAPurpose() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);

        read(Tokens.user("p2mi.officer"), workerId, null)
                .statusCode(200)
                .body("nik", equalTo(body.get("nik")))
                .body("fullName", equalTo(body.get("fullName")))
                .body("birthDate", equalTo(body.get("birthDate")))
                .body("passportNumbers", contains(TestWorkers.passportOf(body)))
                .body("destinationCountry", equalTo("MY"))
                .body("phase", equalTo("PRE_DEPARTURE"))
                .body("placement.employerName", equalTo("Syarikat Contoh Sdn Bhd"))
                .body("placement.contractEndDate", equalTo("2028-01-14"))
                .body("disclosure.purpose", nullValue())
                .body("disclosure.permitted.category", contains("IDENTITY", "PLACEMENT"))
                .body("disclosure.permitted.source", contains("SISKOP2MI", "SISKOP2MI"))
                .body("disclosure.permitted.basis", contains("LEGAL_OBLIGATION", "LEGAL_OBLIGATION"))
                .body("disclosure.permitted.reason", contains("OWN_RECORDS", "OWN_RECORDS"))
                .body("disclosure.withheld", empty());
    }

    @Test
    void shouldShowKemluItsOwnPeduliWniRecordsWholeOnItsPublicTask() {
        Map<String, Object> body = registration("PEDULI_WNI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);

        read(Tokens.user("consul.kl"), workerId, null)
                .statusCode(200)
                .body("nik", equalTo(body.get("nik")))
                .body("fullName", equalTo(body.get("fullName")))
                .body("destinationCountry", equalTo("MY"))
                .body("disclosure.permitted.basis", contains("PUBLIC_TASK", "PUBLIC_TASK"))
                .body("disclosure.withheld", empty());
    }

    @Test
    void shouldWithholdTheOtherAgencysRecordsWhenNoPurposeIsDeclared() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);

        read(Tokens.user("consul.kl"), workerId, null)
                .statusCode(200)
                .body("id", equalTo(workerId))
                .body("nik", nullValue())
                .body("fullName", nullValue())
                .body("birthDate", nullValue())
                .body("birthPlace", nullValue())
                .body("sex", nullValue())
                .body("passportNumbers", empty())
                .body("destinationCountry", nullValue())
                .body("phase", nullValue())
                .body("placement", nullValue())
                .body("provenance", equalTo(Map.of()))
                .body("sources[0].source", equalTo("SISKOP2MI"))
                .body("disclosure.permitted", empty())
                .body("disclosure.withheld.category", contains("IDENTITY", "PLACEMENT"))
                .body("disclosure.withheld.reason", contains("NO_PURPOSE", "NO_PURPOSE"));

        assertThat(readEvent(workerId))
                .contains("\"username\":\"consul.kl\"")
                .contains("permitted=- withheld=SISKOP2MI.IDENTITY:NO_PURPOSE,SISKOP2MI.PLACEMENT:NO_PURPOSE")
                .doesNotContain("\"purpose\"");
    }

    @Test
    void shouldReleaseIdentityOnThePublicTaskButWithholdPlacementWithoutAGrant() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);

        read(Tokens.user("consul.kl"), workerId, CASE_HANDLING)
                .statusCode(200)
                .body("nik", equalTo(body.get("nik")))
                .body("fullName", equalTo(body.get("fullName")))
                .body("birthPlace", equalTo("Kota Jakarta Pusat"))
                .body("passportNumbers", contains(TestWorkers.passportOf(body)))
                .body("destinationCountry", nullValue())
                .body("phase", nullValue())
                .body("placement", nullValue())
                .body("provenance", hasKey("fullName"))
                .body("provenance", not(hasKey("destinationCountry")))
                .body("disclosure.purpose", equalTo(CASE_HANDLING))
                .body("disclosure.permitted.category", contains("IDENTITY"))
                .body("disclosure.permitted[0].basis", equalTo("PUBLIC_TASK"))
                .body("disclosure.permitted[0].reason", equalTo("LAWFUL_BASIS"))
                .body("disclosure.withheld.category", contains("PLACEMENT"))
                .body("disclosure.withheld[0].reason", equalTo("NO_GRANT"));

        assertThat(readEvent(workerId))
                .contains("\"outcome\":\"SUCCESS\"")
                .contains("\"purpose\":\"" + CASE_HANDLING + "\"")
                .contains("permitted=SISKOP2MI.IDENTITY:PUBLIC_TASK withheld=SISKOP2MI.PLACEMENT:NO_GRANT")
                .doesNotContain((String) body.get("nik"))
                .doesNotContain(TestWorkers.passportOf(body));
    }

    @Test
    void shouldReleasePlacementButWithholdIdentityOnAGrantForPlacementOnly() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));
        String grantId = TestConsents.grantToKemlu(workerId, INSURANCE, List.of("PLACEMENT"));

        read(Tokens.user("pwni.hq"), workerId, INSURANCE)
                .statusCode(200)
                .body("nik", nullValue())
                .body("fullName", nullValue())
                .body("passportNumbers", empty())
                .body("destinationCountry", equalTo("MY"))
                .body("phase", equalTo("PRE_DEPARTURE"))
                .body("placement.employerName", equalTo("Syarikat Contoh Sdn Bhd"))
                .body("placement.placementAgency", equalTo("PT Contoh Penempatan"))
                .body("disclosure.permitted.category", contains("PLACEMENT"))
                .body("disclosure.permitted[0].basis", equalTo("CONSENT"))
                .body("disclosure.permitted[0].grantId", equalTo(grantId))
                .body("disclosure.withheld.category", contains("IDENTITY"))
                .body("disclosure.withheld[0].reason", equalTo("CATEGORY_NOT_COVERED"));

        assertThat(readEvent(workerId))
                .contains("\"purpose\":\"" + INSURANCE + "\"")
                .contains("permitted=SISKOP2MI.PLACEMENT:CONSENT")
                .contains("withheld=SISKOP2MI.IDENTITY:CATEGORY_NOT_COVERED")
                .contains("grants=" + grantId);
    }

    @Test
    void shouldWithholdAllOfTheOtherAgencysDataWithoutAGrant() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        read(Tokens.user("consul.kl"), workerId, INSURANCE)
                .statusCode(200)
                .body("fullName", nullValue())
                .body("destinationCountry", nullValue())
                .body("placement", nullValue())
                .body("disclosure.permitted", empty())
                .body("disclosure.withheld.category", contains("IDENTITY", "PLACEMENT"))
                .body("disclosure.withheld.reason", contains("NO_GRANT", "NO_GRANT"));
    }

    @Test
    void shouldWithholdOnTheVeryNextReadAfterARevocation() {
        Map<String, Object> body = registration("SISKOP2MI", TestWorkers.nik());
        String workerId = TestWorkers.registered(body);
        String grantId = TestConsents.grantToKemlu(workerId, INSURANCE, List.of("IDENTITY", "PLACEMENT"));
        read(Tokens.user("consul.kl"), workerId, INSURANCE)
                .statusCode(200)
                .body("fullName", equalTo(body.get("fullName")))
                .body("placement.occupation", equalTo("caregiver"))
                .body("disclosure.permitted.grantId", contains(grantId, grantId));

        TestConsents.revoke(grantId);

        read(Tokens.user("consul.kl"), workerId, INSURANCE)
                .statusCode(200)
                .body("fullName", nullValue())
                .body("placement", nullValue())
                .body("disclosure.permitted", empty())
                .body("disclosure.withheld.reason", contains("GRANT_REVOKED", "GRANT_REVOKED"))
                .body("disclosure.withheld.grantId", contains(grantId, grantId));
    }

    @Test
    void shouldBuildTheCombinedViewFromTheRecordsTheCallerMaySee() {
        String nik = TestWorkers.nik();
        Map<String, Object> sisko = registration("SISKOP2MI", nik);
        Map<String, Object> peduli = registration("PEDULI_WNI", nik);
        peduli.put("birthPlace", "Kota Bandung");
        String workerId = TestWorkers.registered(sisko);
        TestWorkers.register(Tokens.client("peduli-wni-portal"), peduli).statusCode(200);

        read(Tokens.user("consul.kl"), workerId, null)
                .statusCode(200)
                .body("nik", equalTo(nik))
                .body("birthPlace", equalTo("Kota Bandung"))
                .body("passportNumbers", contains(TestWorkers.passportOf(peduli)))
                .body("provenance.fullName.sourceRecordKey", equalTo(peduli.get("sourceRecordId")))
                .body("placement", nullValue())
                .body("disclosure.permitted.source", contains("PEDULI_WNI", "PEDULI_WNI"))
                .body("disclosure.withheld.source", contains("SISKOP2MI", "SISKOP2MI"));
        read(Tokens.user("p2mi.officer"), workerId, null)
                .statusCode(200)
                .body("birthPlace", equalTo("Kota Jakarta Pusat"))
                .body("passportNumbers", contains(TestWorkers.passportOf(sisko)))
                .body("provenance.fullName.sourceRecordKey", equalTo(sisko.get("sourceRecordId")))
                .body("placement.employerName", equalTo("Syarikat Contoh Sdn Bhd"))
                .body("disclosure.withheld.source", contains("PEDULI_WNI", "PEDULI_WNI"))
                .body("disclosure.withheld.reason", contains("NO_PURPOSE", "NO_PURPOSE"));
    }

    @Test
    void shouldNotLeakWithheldFieldsThroughSearch() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));

        searchByNik(Tokens.user("consul.kl"), nik, null)
                .statusCode(200)
                .body("matches.id", contains(workerId))
                .body("matches[0].fullName", nullValue())
                .body("matches[0].birthDate", nullValue())
                .body("matches[0].sex", nullValue())
                .body("matches[0].destinationCountry", nullValue())
                .body("matches[0].disclosure.withheld.reason", contains("NO_PURPOSE", "NO_PURPOSE"));
        searchByNik(Tokens.user("consul.kl"), nik, CASE_HANDLING)
                .statusCode(200)
                .body("matches[0].fullName", equalTo(TestWorkers.nameOf(nik)))
                .body("matches[0].destinationCountry", nullValue())
                .body("matches[0].phase", nullValue())
                .body("matches[0].disclosure.withheld[0].reason", equalTo("NO_GRANT"));

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, workerId))
                .filteredOn(p -> p.contains("\"action\":\"worker.search\""))
                .hasSize(2)
                .anyMatch(p -> p.contains("by=nik permitted=- withheld=SISKOP2MI.IDENTITY:NO_PURPOSE"))
                .anyMatch(p -> p.contains("by=nik permitted=SISKOP2MI.IDENTITY:PUBLIC_TASK")
                        && p.contains("\"purpose\":\"" + CASE_HANDLING + "\""));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, nik)).isEmpty();
    }

    @Test
    void shouldShowASourceConnectorOnlyItsOwnAgencysRecordsWhateverThePurpose() {
        String nik = TestWorkers.nik();
        TestWorkers.registered(registration("SISKOP2MI", nik));

        searchByNik(Tokens.client("peduli-wni-portal"), nik, CASE_HANDLING)
                .statusCode(200)
                .body("matches[0].fullName", nullValue())
                .body("matches[0].disclosure.withheld.reason", contains("NOT_AN_OFFICER", "NOT_AN_OFFICER"));
    }

    @Test
    void shouldReadAWorkerByIdForASourceConnectorWithOnlyItsOwnAgencysRecords() {
        String nik = TestWorkers.nik();
        String workerId = TestWorkers.registered(registration("SISKOP2MI", nik));

        read(Tokens.client("peduli-wni-portal"), workerId, CASE_HANDLING)
                .statusCode(200)
                .body("id", equalTo(workerId))
                .body("fullName", nullValue())
                .body("disclosure.withheld.reason", contains("NOT_AN_OFFICER", "NOT_AN_OFFICER"));
        read(Tokens.client("siskop2mi-connector"), workerId, null)
                .statusCode(200)
                .body("fullName", equalTo(TestWorkers.nameOf(nik)));
    }

    @Test
    void shouldRefuseAnUnknownPurposeOnARead() {
        String workerId = TestWorkers.registered(registration("SISKOP2MI", TestWorkers.nik()));

        read(Tokens.user("consul.kl"), workerId, "MARKETING")
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-purpose"))
                .body("errors.field", contains("purpose"));
    }
}
