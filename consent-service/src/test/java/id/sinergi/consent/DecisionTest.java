package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decide;
import static id.sinergi.consent.ConsentApi.decideAsConsul;
import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.readGrant;
import static id.sinergi.consent.ConsentApi.revoke;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Decisions on every lawful basis, for several categories at once, audited and counted. */
@QuarkusTest
@ConsentTestResource
class DecisionTest {

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    @Test
    void shouldPermitCaseHandlingIdentityOnThePublicTaskWithoutAGrant() {
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "IDENTITY")
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("PUBLIC_TASK"))
                .body("reason", equalTo("LAWFUL_BASIS"))
                .body("grantId", nullValue())
                .body("permittedCategories", contains("IDENTITY"))
                .body("deniedCategories", empty());
    }

    @Test
    void shouldPermitRepatriationContactOnALegalObligation() {
        decideAsConsul(worker, "REPATRIATION", "CONTACT")
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("LEGAL_OBLIGATION"));
    }

    @Test
    void shouldPermitPlacementServiceToKemenP2miOnTheContract() {
        decide(Tokens.user("p2mi.officer"), worker, "KEMENP2MI", "PLACEMENT_SERVICE", "PLACEMENT")
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("CONTRACT"));
    }

    @Test
    void shouldPermitFraudPreventionIdentityOnALegitimateInterest() {
        decideAsConsul(worker, "FRAUD_PREVENTION", "IDENTITY")
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("LEGITIMATE_INTEREST"));
    }

    @Test
    void shouldPermitAnInsuranceClaimsHealthDataOnConsentOnly() {
        decideAsConsul(worker, "INSURANCE_CLAIM", "HEALTH").body("reason", equalTo("NO_GRANT"));
        Map<String, Object> body = grantBody(worker);
        body.put("purposes", List.of("INSURANCE_CLAIM"));
        body.put("dataCategories", List.of("HEALTH"));
        String grantId = grant(body);

        decideAsConsul(worker, "INSURANCE_CLAIM", "HEALTH")
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("CONSENT"))
                .body("reason", equalTo("GRANT_IN_FORCE"))
                .body("grantId", equalTo(grantId));
    }

    @Test
    void shouldPermitOnAGuardiansOrRepresentativesGrantAsOnTheWorkersOwnUntilWithdrawn() {
        UUID other = Workers.register();
        Map<String, Object> byGuardian = grantBody(worker);
        byGuardian.put("givenBy", "GUARDIAN");
        byGuardian.put("giver", Map.of("name", "Siti Aminah", "relationship", "COURT_APPOINTED_GUARDIAN"));
        Map<String, Object> byRepresentative = grantBody(other);
        byRepresentative.put("givenBy", "REPRESENTATIVE");
        byRepresentative.put("giver", Map.of("name", "Budi Santoso", "relationship", "AUTHORISED_PERSON"));
        String guardians = grant(byGuardian);
        String representatives = grant(byRepresentative);

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("CONSENT"))
                .body("grantId", equalTo(guardians));
        decideAsConsul(other, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("PERMIT"))
                .body("grantId", equalTo(representatives));
        revoke(guardians).statusCode(200);

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GRANT_REVOKED"));
    }

    @Test
    void shouldPermitABreachNotificationsContactOnALegalObligationAndNothingElse() {
        decideAsConsul(worker, "BREACH_NOTIFICATION", List.of("CONTACT", "PLACEMENT"))
                .body("decision", equalTo("PERMIT"))
                .body("basis", equalTo("LEGAL_OBLIGATION"))
                .body("permittedCategories", contains("CONTACT"))
                .body("categories[1].reason", equalTo("CATEGORY_NOT_IN_PURPOSE"));
    }

    @Test
    void shouldDenyAPurposeTheAgencyMayNotUse() {
        decideAsConsul(worker, "PLACEMENT_SERVICE", "IDENTITY")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("PURPOSE_NOT_FOR_AGENCY"));
    }

    @Test
    void shouldDenyACategoryOutsideThePurpose() {
        decideAsConsul(worker, "STATISTICS", "HEALTH")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("CATEGORY_NOT_IN_PURPOSE"));
    }

    @Test
    void shouldSayWhichAskedCategoriesArePermittedAndOnWhichBasis() {
        String grantId = grant(grantBody(worker));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", List.of("HEALTH", "PLACEMENT", "IDENTITY"))
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("basis", nullValue())
                .body("reason", equalTo("SEVERAL_BASES"))
                .body("grantId", equalTo(grantId))
                .body("permittedCategories", contains("IDENTITY", "PLACEMENT"))
                .body("deniedCategories", contains("HEALTH"))
                .body("categories.category", contains("IDENTITY", "PLACEMENT", "HEALTH"))
                .body("categories.basis", contains("PUBLIC_TASK", "CONSENT", null))
                .body("categories.reason", contains("LAWFUL_BASIS", "GRANT_IN_FORCE", "CATEGORY_NOT_COVERED"));
    }

    @Test
    void shouldDenyWhenNoAskedCategoryIsPermitted() {
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", List.of("PLACEMENT", "HEALTH"))
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("NO_GRANT"))
                .body("permittedCategories", empty())
                .body("deniedCategories", contains("PLACEMENT", "HEALTH"));
    }

    @Test
    void shouldRefuseARequestNamingBothOrNeitherCategoryField() {
        Map<String, Object> both = Map.of(
                "workerId", worker,
                "requestingAgency", "KEMLU",
                "purpose", "PROTECTION_CASE_HANDLING",
                "dataCategory", "PLACEMENT",
                "dataCategories", List.of("IDENTITY"));
        Map<String, Object> neither =
                Map.of("workerId", worker, "requestingAgency", "KEMLU", "purpose", "PROTECTION_CASE_HANDLING");

        for (Map<String, Object> body : List.of(both, neither)) {
            given().auth()
                    .oauth2(Tokens.user("consul.kl"))
                    .contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/consent-decisions")
                    .then()
                    .statusCode(400)
                    .body("type", equalTo("urn:sinergi:problem:decision-categories"))
                    .body("errors.field", contains("dataCategories"));
        }
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString()))
                .isEmpty();
    }

    @Test
    void shouldRefuseAnEmptyOrUnknownCategoryList() {
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", List.of())
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"));
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", List.of("BIOMETRIC"))
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-json-value"));
    }

    @Test
    void shouldAuditEveryDecisionWithBasisGrantOutcomeAndRequester() {
        String grantId = grant(grantBody(worker));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").statusCode(200);

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString()))
                .filteredOn(p -> p.contains("\"action\":\"consent.decision\""))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"SUCCESS\"")
                .contains("\"resourceId\":\"" + grantId + "\"")
                .contains("GRANT_IN_FORCE basis=CONSENT agency=KEMLU")
                .contains("\"username\":\"consul.kl\"")
                .contains("\"purpose\":\"PROTECTION_CASE_HANDLING\"");
    }

    @Test
    void shouldCountEachUseOfAGrantAndRecordItsHolders() {
        String grantId = grant(grantBody(worker));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").statusCode(200);
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").statusCode(200);
        decide(Tokens.client("identity-service"), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .statusCode(200);
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "IDENTITY").statusCode(200);

        readGrant(grantId).body("useCount", equalTo(3));
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .when()
                .get("/api/consents/" + grantId + "/holders")
                .then()
                .statusCode(200)
                .body("agency", contains("KEMLU", "KEMLU"))
                .body("clientId", contains("sinergi-cli", "identity-service"))
                .body("username", contains("consul.kl", "service-account-identity-service"))
                .body("uses", contains(2, 1));
    }

    @Test
    void shouldKeepTheHoldersFromOtherAppsAndRoles() {
        String grantId = grant(grantBody(worker));

        given().auth()
                .oauth2(Tokens.client("siskop2mi-connector"))
                .when()
                .get("/api/consents/" + grantId + "/holders")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-the-workers-app"));
        given().auth()
                .oauth2(Tokens.user("security.auditor"))
                .when()
                .get("/api/consents/" + grantId + "/holders")
                .then()
                .statusCode(403);
    }
}
