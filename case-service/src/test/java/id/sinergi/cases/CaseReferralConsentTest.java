package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Referrals that share worker data, against the real consent-service: its permit, its denial, and PWNI
 * headquarters' override.
 */
@QuarkusTest
@CaseTestResource
class CaseReferralConsentTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String OVERRIDE =
            "Pekerja dirawat darurat; BP3MI harus menyiapkan penjemputan di bandara malam ini juga.";

    @Inject
    DataSource dataSource;

    @Test
    void shouldShareWorkerDataOnConsentServicesPermitAndRecordTheGrantThatDecided() {
        String caseId = triagedCase();
        String grantId = Referrals.grant("consul.kl", Referrals.workerOf(caseId), "KEMENP2MI", "PLACEMENT");

        String referralId = Referrals.refer(
                        "consul.kl", caseId, Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "PLACEMENT"))
                .statusCode(201)
                .body("sharing.dataCategories", contains("PLACEMENT"))
                .body("sharing.allowedBy", equalTo("PERMIT"))
                .body("sharing.consentBasis", equalTo("CONSENT"))
                .body("sharing.consentReason", equalTo("GRANT_IN_FORCE"))
                .body("sharing.consentGrantId", equalTo(grantId))
                .body("sharing.overrideReason", nullValue())
                .extract()
                .path("id");

        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("REFERRED"));
        assertThat(Referrals.stored(dataSource, caseId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("shares_worker_data", true)
                .containsEntry("data_categories", "PLACEMENT")
                .containsEntry("sharing_basis", "PERMIT")
                .containsEntry("consent_reason", "GRANT_IN_FORCE")
                .containsEntry("consent_grant_id", java.util.UUID.fromString(grantId)));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, referralId))
                .singleElement()
                .satisfies(p -> assertThat(p)
                        .contains("\"action\":\"case.referral\"")
                        .contains("\"outcome\":\"SUCCESS\"")
                        .contains("categories=[PLACEMENT] sharing=PERMIT consent=GRANT_IN_FORCE")
                        .contains("grant=" + grantId));
    }

    @Test
    void shouldPermitCategoriesTheCaseHandlingPurposeCoversByItsOwnBasis() {
        String caseId = triagedCase();

        Referrals.refer(
                        "consul.kl",
                        caseId,
                        Referrals.sharing(Referrals.toService("SHELTER", "Shelter KBRI Kuala Lumpur"), "CONTACT"))
                .statusCode(201)
                .body("sharing.allowedBy", equalTo("PERMIT"))
                .body("sharing.consentBasis", equalTo("PUBLIC_TASK"))
                .body("sharing.consentReason", equalTo("LAWFUL_BASIS"));

        assertThat(Referrals.stored(dataSource, caseId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("consent_basis", "PUBLIC_TASK"));
    }

    @Test
    void shouldRefuseSharingConsentServiceDeniesStoreNothingAndAuditTheDenial() {
        String caseId = triagedCase();
        Map<String, Object> before = Referrals.caseRow(dataSource, caseId);

        Referrals.refer("consul.kl", caseId, Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "HEALTH"))
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:consent-denied"))
                .body("consentReason", equalTo("NO_GRANT"))
                .body("deniedCategories", contains("HEALTH"));

        assertThat(Referrals.stored(dataSource, caseId)).isEmpty();
        assertThat(Referrals.caseRow(dataSource, caseId)).isEqualTo(before);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.referral\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("consent-denied decision=NO_GRANT agency=KEMENP2MI")
                .contains("denied=[HEALTH]"));
    }

    @Test
    void shouldRefuseWhenAnyAskedCategoryIsDeniedThoughConsentServiceAnswersPermit() {
        String caseId = triagedCase();

        Referrals.refer(
                        "consul.kl",
                        caseId,
                        Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "IDENTITY", "PLACEMENT"))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:consent-denied"))
                .body("deniedCategories", contains("PLACEMENT"));

        assertThat(Referrals.stored(dataSource, caseId)).isEmpty();
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));
    }

    @Test
    void shouldLetPwniHeadquartersOverrideWithAWrittenReasonRecordedAndAudited() {
        String caseId = triagedCase();
        Map<String, Object> body = Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "HEALTH");
        body.put("overrideReason", "  " + OVERRIDE + "\n");

        String referralId = Referrals.refer("pwni.hq", caseId, body)
                .statusCode(201)
                .body("sharing.allowedBy", equalTo("OVERRIDE"))
                .body("sharing.overrideReason", equalTo(OVERRIDE))
                .body("sharing.consentReason", nullValue())
                .body("createdBy", equalTo("pwni.hq"))
                .extract()
                .path("id");

        assertThat(Referrals.stored(dataSource, caseId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("sharing_basis", "OVERRIDE")
                .containsEntry("override_reason", OVERRIDE)
                .containsEntry("created_username", "pwni.hq"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, referralId))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.referral-override\"")
                        .contains("\"outcome\":\"SUCCESS\"")
                        .contains("\"username\":\"pwni.hq\"")
                        .contains("agency=KEMENP2MI categories=[HEALTH]")
                        .contains("\"details\":{")
                        .contains(OVERRIDE))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.referral\"")
                        .contains("sharing=OVERRIDE")
                        .doesNotContain(OVERRIDE));
    }

    @Test
    void shouldRefuseAnotherRolesOverrideAndAuditTheAttempt() {
        String caseId = triagedCase();
        Map<String, Object> body = Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "HEALTH");
        body.put("overrideReason", OVERRIDE);

        Referrals.refer("consul.kl", caseId, body)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:override-not-allowed"));

        assertThat(Referrals.stored(dataSource, caseId)).isEmpty();
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.referral-override\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("override-not-allowed")
                .contains("\"username\":\"consul.kl\"")
                .doesNotContain(OVERRIDE));
    }

    @Test
    void shouldRefuseAShortOverrideReasonAndAnOverrideWithoutSharing() {
        String caseId = triagedCase();
        Map<String, Object> shortReason = Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "HEALTH");
        shortReason.put("overrideReason", " ".repeat(20) + "darurat" + " ".repeat(20));
        Map<String, Object> nothingShared = Referrals.body("REFERRAL", "KEMENP2MI");
        nothingShared.put("overrideReason", OVERRIDE);
        Map<String, Object> noCategories = Referrals.body("REFERRAL", "KEMENP2MI");
        noCategories.put("sharesWorkerData", true);

        Referrals.refer("pwni.hq", caseId, shortReason)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("overrideReason"));
        Referrals.refer("pwni.hq", caseId, nothingShared)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:override-without-sharing"));
        Referrals.refer("pwni.hq", caseId, noCategories)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:categories-required"));

        assertThat(Referrals.stored(dataSource, caseId)).isEmpty();
    }

    /** A triaged wage case at the Kuala Lumpur embassy, led by Kemlu with KemenP2MI taking part. */
    private static String triagedCase() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        return caseId;
    }
}
