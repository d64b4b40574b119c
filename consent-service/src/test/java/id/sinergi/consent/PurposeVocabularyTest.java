package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.common.consent.Purpose;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ConsentTestResource
class PurposeVocabularyTest {

    private static final String PURPOSE = "find { it.code == '%s' }.";

    @Test
    void shouldPublishEveryPurposeWithoutAToken() {
        given().when()
                .get("/api/purposes")
                .then()
                .statusCode(200)
                .body(
                        "code",
                        containsInAnyOrder(Arrays.stream(Purpose.values())
                                .map(Purpose::name)
                                .toArray()));
    }

    @Test
    void shouldRestCaseHandlingOnThePublicTaskAndAskConsentForPlacementAndHealth() {
        given().when()
                .get("/api/purposes")
                .then()
                .statusCode(200)
                .rootPath(String.format(PURPOSE, "PROTECTION_CASE_HANDLING"))
                .body("term", equalTo("penanganan kasus pelindungan"))
                .body("gloss", equalTo("handling a protection case"))
                .body("basis", equalTo("PUBLIC_TASK"))
                .body("consentRequired", equalTo(true))
                .body("basisCategories", contains("IDENTITY", "CONTACT", "CASE_DETAILS"))
                .body("consentCategories", contains("PLACEMENT", "HEALTH"))
                .body("vitalInterest", equalTo(true))
                .body("agencies", containsInAnyOrder("KEMENP2MI", "KEMLU"));
    }

    @Test
    void shouldAskConsentForEveryCategoryOfAnInsuranceClaim() {
        given().when()
                .get("/api/purposes")
                .then()
                .rootPath(String.format(PURPOSE, "INSURANCE_CLAIM"))
                .body("basis", equalTo("CONSENT"))
                .body("basisTerm", equalTo("persetujuan yang sah secara eksplisit"))
                .body("basisCategories", empty())
                .body("consentCategories", contains("IDENTITY", "CONTACT", "PLACEMENT", "CASE_DETAILS", "HEALTH"));
    }

    @Test
    void shouldNeverAskConsentWhereAnotherBasisCoversThePurpose() {
        given().when()
                .get("/api/purposes")
                .then()
                .body(String.format(PURPOSE, "PLACEMENT_SERVICE") + "basis", equalTo("CONTRACT"))
                .body(String.format(PURPOSE, "PLACEMENT_SERVICE") + "consentRequired", equalTo(false))
                .body(String.format(PURPOSE, "PLACEMENT_SERVICE") + "agencies", contains("KEMENP2MI"))
                .body(String.format(PURPOSE, "BREACH_NOTIFICATION") + "basis", equalTo("LEGAL_OBLIGATION"))
                .body(String.format(PURPOSE, "FRAUD_PREVENTION") + "basis", equalTo("LEGITIMATE_INTEREST"))
                .body(String.format(PURPOSE, "FRAUD_PREVENTION") + "consentRequired", equalTo(false));
    }
}
