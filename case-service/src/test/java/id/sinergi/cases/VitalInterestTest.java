package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Vital interest invoked through case-service, against the real consent-service this module's tests run beside. */
@QuarkusTest
@CaseTestResource
class VitalInterestTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String REASON =
            "Pekerja dikurung majikan dan tidak bisa dihubungi; keluarga melapor ancaman terhadap keselamatannya.";

    @Inject
    DataSource dataSource;

    @Test
    void shouldInvokeForTheOfficersCriticalCaseShowItOnTheCaseAndPutItOnTheReviewList() {
        String caseId = Cases.reported("consul.kl", KL, "PERDAGANGAN_ORANG");
        Instant before = Instant.now();

        JsonPath invoked = invoke("consul.kl", caseId, REASON)
                .statusCode(201)
                .body("id", equalTo(caseId))
                .body("vitalInterest.authorisationId", notNullValue())
                .body("vitalInterest.inForce", equalTo(true))
                .extract()
                .jsonPath();
        String authorisation = invoked.getString("vitalInterest.authorisationId");
        Instant expires = Instant.parse(invoked.getString("vitalInterest.expiresAt"));

        assertThat(Duration.between(before, expires)).isBetween(Duration.ofHours(71), Duration.ofHours(73));
        Cases.read("consul.kl", caseId)
                .statusCode(200)
                .body("vitalInterest.authorisationId", equalTo(authorisation))
                .body("vitalInterest.expiresAt", equalTo(invoked.getString("vitalInterest.expiresAt")));
        Map<String, Object> listed = reviewListEntry(authorisation);
        assertThat(listed)
                .containsEntry("caseId", caseId)
                .containsEntry("caseCategory", "TRAFFICKING")
                .containsEntry("mission", KL)
                .containsEntry("officerUsername", "consul.kl")
                .containsEntry("agency", "KEMLU")
                .containsEntry("reason", REASON)
                .containsEntry("inForce", true);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, authorisation))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains("\"action\":\"case.vital-interest.invoke\"")
                        .contains("\"outcome\":\"SUCCESS\"")
                        .contains(caseId)
                        .contains("category=TRAFFICKING")
                        .contains("expires=")
                        .doesNotContain("dikurung"));
    }

    @Test
    void shouldRefuseACaseWhoseCategoryIsNotCriticalAndAuditTheRefusal() {
        String caseId = Cases.reported("consul.kl", KL, "GAJI_TIDAK_DIBAYAR");

        invoke("consul.kl", caseId, REASON)
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:case-not-critical"))
                .body("categoryCode", equalTo("GAJI_TIDAK_DIBAYAR"));

        Cases.read("consul.kl", caseId).statusCode(200).body("vitalInterest", nullValue());
        assertThat(reviewList()).noneMatch(v -> caseId.equals(v.get("caseId")));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.vital-interest.invoke\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("case-not-critical"));
    }

    @Test
    void shouldLetOnlyAConsularOfficerOfTheHandlingMissionInvokeAndHideTheCaseFromOtherMissions() {
        String caseId = Cases.reported("consul.kl", KL, "KEKERASAN_MAJIKAN");

        invoke("consul.hk", caseId, REASON).statusCode(404).body("type", equalTo("urn:sinergi:problem:not-found"));
        invoke("pwni.hq", caseId, REASON).statusCode(403).body("type", equalTo("urn:sinergi:problem:forbidden"));
        invoke("p2mi.officer", caseId, REASON).statusCode(403);

        Cases.read("consul.kl", caseId).statusCode(200).body("vitalInterest", nullValue());
        assertThat(reviewList()).noneMatch(v -> caseId.equals(v.get("caseId")));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.vital-interest.invoke\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("other-mission out-of-scope")
                .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldRefuseACaseThatIsNoLongerOpen() {
        String caseId = Cases.reported("pwni.hq", KL, "MENINGGAL_DUNIA");
        Cases.close(caseId);

        invoke("consul.kl", caseId, REASON)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:case-not-open"))
                .body("status", equalTo("CLOSED"));

        assertThat(reviewList()).noneMatch(v -> caseId.equals(v.get("caseId")));
    }

    @Test
    void shouldRequireAWrittenReasonOfFortyToTwoThousandCharacters() {
        String caseId = Cases.reported("consul.kl", KL, "KEDARURATAN");

        invoke("consul.kl", caseId, "urgent").statusCode(400).body("errors[0].field", equalTo("reason"));
        invoke("consul.kl", caseId, "x".repeat(2001)).statusCode(400).body("errors[0].field", equalTo("reason"));
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .when()
                .post("/api/cases/" + caseId + "/vital-interest")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reason"));

        assertThat(reviewList()).noneMatch(v -> caseId.equals(v.get("caseId")));
    }

    @Test
    void shouldMeasureTheReasonWithoutLeadingAndTrailingWhiteSpace() {
        String caseId = Cases.reported("consul.kl", KL, "KEDARURATAN");
        String padded = " ".repeat(30) + "Pekerja dalam bahaya." + "\n".repeat(10);

        invoke("consul.kl", caseId, padded)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("size"));
        renew("consul.kl", caseId, padded).statusCode(400).body("errors[0].field", equalTo("reason"));

        Cases.read("consul.kl", caseId).statusCode(200).body("vitalInterest", nullValue());
        assertThat(reviewList()).noneMatch(v -> caseId.equals(v.get("caseId")));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId))
                .noneMatch(p -> p.contains("case.vital-interest"));
    }

    @Test
    void shouldRecordAnInvocationConsentServiceCommittedButThisCaseLostAndThenRefuseASecond() {
        String caseId = Cases.reported("consul.kl", KL, "PELECEHAN_SEKSUAL");
        JsonPath first =
                invoke("consul.kl", caseId, REASON).statusCode(201).extract().jsonPath();
        String authorisation = first.getString("vitalInterest.authorisationId");
        forgetVitalInterest(caseId);
        Cases.read("consul.kl", caseId).statusCode(200).body("vitalInterest", nullValue());

        invoke("consul.kl", caseId, REASON)
                .statusCode(201)
                .body("vitalInterest.authorisationId", equalTo(authorisation))
                .body("vitalInterest.expiresAt", equalTo(first.getString("vitalInterest.expiresAt")))
                .body("vitalInterest.inForce", equalTo(true));

        Cases.read("consul.kl", caseId).statusCode(200).body("vitalInterest.authorisationId", equalTo(authorisation));
        assertThat(reviewList()).filteredOn(v -> caseId.equals(v.get("caseId"))).hasSize(1);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, authorisation))
                .hasSize(2)
                .allSatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.vital-interest.invoke\"")
                        .contains("\"outcome\":\"SUCCESS\""))
                .anySatisfy(p -> assertThat(p).contains("recovered=").doesNotContain("renewals="));
        invoke("consul.kl", caseId, REASON)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:vital-interest-in-force"))
                .body("authorisationId", equalTo(authorisation));
        renew("consul.kl", caseId, REASON)
                .statusCode(200)
                .body("vitalInterest.authorisationId", equalTo(authorisation));
    }

    @Test
    void shouldRenewTheAuthorisationInForceAndRefuseASecondInvocation() {
        String caseId = Cases.reported("consul.kl", KL, "ANCAMAN_HUKUMAN_MATI");
        String authorisation =
                invoke("consul.kl", caseId, REASON).statusCode(201).extract().path("vitalInterest.authorisationId");

        invoke("consul.kl", caseId, REASON)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:vital-interest-in-force"));
        renew("consul.kl", caseId, REASON + " Masih ditahan.")
                .statusCode(200)
                .body("vitalInterest.authorisationId", equalTo(authorisation))
                .body("vitalInterest.inForce", equalTo(true));

        Map<String, Object> listed = reviewListEntry(authorisation);
        assertThat(listed).containsEntry("renewals", 1).containsEntry("caseCategory", "DETENTION");
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, authorisation))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.vital-interest.renew\"")
                        .contains("renewals=1"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.vital-interest.invoke\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("consent-service vital-interest-in-force"));
    }

    @Test
    void shouldRefuseToRenewWhatWasNeverInvoked() {
        String caseId = Cases.reported("consul.kl", KL, "EVAKUASI");

        renew("consul.kl", caseId, REASON)
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:no-vital-interest"));
        renew("consul.hk", caseId, REASON).statusCode(404).body("type", equalTo("urn:sinergi:problem:not-found"));
    }

    @Test
    void shouldAnswerMissingForAnUnknownCase() {
        invoke("consul.kl", "00000000-0000-0000-0000-00000000abcd", REASON)
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }

    /** Invokes as {@code user}, naming in If-Match the version the user reads first. */
    private static ValidatableResponse invoke(String user, String caseId, String reason) {
        return Cases.update(user, caseId, "/vital-interest", Map.of("reason", reason));
    }

    private static ValidatableResponse renew(String user, String caseId, String reason) {
        return Cases.update(user, caseId, "/vital-interest/renewal", Map.of("reason", reason));
    }

    @Test
    void shouldRequireTheCasesVersionAndAnswerWithItsNewOne() {
        String caseId = Cases.reported("consul.kl", KL, "KEDARURATAN");
        String before = Cases.read("consul.kl", caseId).extract().header("ETag");

        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", REASON))
                .when()
                .post("/api/cases/" + caseId + "/vital-interest")
                .then()
                .statusCode(428)
                .body("type", equalTo("urn:sinergi:problem:precondition-required"));
        String invoked =
                invoke("consul.kl", caseId, REASON).statusCode(201).extract().header("ETag");
        given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .header("If-Match", before)
                .body(Map.of("reason", REASON))
                .when()
                .post("/api/cases/" + caseId + "/vital-interest/renewal")
                .then()
                .statusCode(412)
                .body("type", equalTo("urn:sinergi:problem:stale-version"));
        String renewed =
                renew("consul.kl", caseId, REASON).statusCode(200).extract().header("ETag");

        assertThat(invoked).isNotEqualTo(before);
        assertThat(renewed).isNotEqualTo(invoked);
        Cases.read("consul.kl", caseId).statusCode(200).header("ETag", equalTo(renewed));
    }

    /** What a case-service whose recording of consent-service's answer failed leaves: no authorisation. */
    private void forgetVitalInterest(String caseId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE protection_case SET vital_interest_id = NULL,"
                        + " vital_interest_expires_at = NULL WHERE id = ?::uuid")) {
            ps.setString(1, caseId);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** consent-service's review list of authorisations not reviewed yet, as the security team reads it. */
    private static List<Map<String, Object>> reviewList() {
        return given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .queryParam("reviewed", "false")
                .when()
                .get(consentUrl() + "/api/vital-interest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static Map<String, Object> reviewListEntry(String authorisation) {
        return reviewList().stream()
                .filter(v -> authorisation.equals(v.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("authorisation " + authorisation + " not on the review list"));
    }

    private static String consentUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client.consent-service.url", String.class);
    }
}
