package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.listGrants;
import static id.sinergi.consent.ConsentApi.postGrant;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** What a grant records: who gave it, retention, and how it was captured; every part checked before writing. */
@QuarkusTest
@ConsentTestResource
class GrantArtefactTest {

    private static final String UUID_PATTERN = "[0-9a-f-]{36}";

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    private Map<String, Object> body() {
        return grantBody(worker);
    }

    private void expectProblem(String token, Map<String, Object> body, String type, String field) {
        postGrant(token, body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:" + type))
                .body("errors.field", contains(field));
        listGrants(worker).statusCode(200).body("size()", equalTo(0));
    }

    private String officer() {
        return Tokens.user("p2mi.officer");
    }

    @Test
    void shouldRecordAGuardiansGrantAsTheGuardians() {
        Map<String, Object> body = body();
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "PARENT"));

        postGrant(officer(), body)
                .statusCode(201)
                .body("givenBy", equalTo("GUARDIAN"))
                .body("giver.name", equalTo("Siti Aminah"))
                .body("giver.relationship", equalTo("PARENT"));
    }

    @Test
    void shouldRecordARepresentativesGrant() {
        Map<String, Object> body = body();
        body.put("givenBy", "REPRESENTATIVE");
        body.put("giver", Map.of("name", "Budi Santoso", "relationship", "LAWYER"));

        postGrant(officer(), body).statusCode(201).body("givenBy", equalTo("REPRESENTATIVE"));
    }

    @Test
    void shouldRecordTheWorkerAsGiverWhenNoneIsNamed() {
        postGrant(officer(), body())
                .statusCode(201)
                .body("givenBy", equalTo("SELF"))
                .body("giver", nullValue())
                .body("retention", equalTo("P1Y"));
    }

    @Test
    void shouldRefuseAGuardianGrantThatNamesNoGuardian() {
        Map<String, Object> body = body();
        body.put("givenBy", "GUARDIAN");

        expectProblem(officer(), body, "giver", "giver");
    }

    @Test
    void shouldRefuseAGiverOnTheWorkersOwnGrant() {
        Map<String, Object> body = body();
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "PARENT"));

        expectProblem(officer(), body, "giver", "giver");
    }

    @Test
    void shouldRefuseAGiverWithoutRelationship() {
        Map<String, Object> body = body();
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah"));

        expectProblem(officer(), body, "validation", "giver.relationship");
    }

    @Test
    void shouldKeepARetentionWithinItsBounds() {
        Map<String, Object> body = body();
        body.put("retention", "P5Y");

        postGrant(officer(), body).statusCode(201).body("retention", equalTo("P5Y"));
    }

    @Test
    void shouldRefuseARetentionBeyondFiveYears() {
        Map<String, Object> body = body();
        body.put("retention", "P4Y13M");

        expectProblem(officer(), body, "retention", "retention");
    }

    @Test
    void shouldRefuseARetentionOfNoTimeOrWithATimePart() {
        for (String retention : List.of("P0D", "PT12H", "-P1Y", "p1y", "P", "1Y", "P1Y2Q")) {
            Map<String, Object> body = body();
            body.put("retention", retention);

            expectProblem(officer(), body, "retention", "retention");
        }
    }

    @Test
    void shouldRecordAnAssistedCaptureAtTheOfficersMissionFromTheToken() {
        Map<String, Object> body = body();
        body.put("receivingAgency", "KEMENP2MI");
        body.put(
                "capture",
                Map.of(
                        "language", "jv",
                        "interpreter", Map.of("name", "Dewi Lestari"),
                        "witness", Map.of("name", "Agus Salim")));

        postGrant(Tokens.user("consul.kl"), body)
                .statusCode(201)
                .body("capture.channel", equalTo("ASSISTED"))
                .body("capture.place", equalTo("MISSION"))
                .body("capture.placeCode", equalTo("KBRI-KUALALUMPUR"))
                .body("capture.officer", matchesPattern(UUID_PATTERN))
                .body("capture.officerUsername", equalTo("consul.kl"))
                .body("capture.language", equalTo("jv"))
                .body("capture.interpreter.name", equalTo("Dewi Lestari"))
                .body("capture.witness.name", equalTo("Agus Salim"));
    }

    @Test
    void shouldRecordAnAssistedCaptureAtAServicePoint() {
        Map<String, Object> body = body();
        body.put("capture", Map.of("servicePoint", "LTSA-JEMBER"));

        postGrant(officer(), body)
                .statusCode(201)
                .body("capture.channel", equalTo("ASSISTED"))
                .body("capture.place", equalTo("SERVICE_POINT"))
                .body("capture.placeCode", equalTo("LTSA-JEMBER"))
                .body("capture.officerUsername", equalTo("p2mi.officer"))
                .body("capture.language", equalTo("id"));
    }

    @Test
    void shouldRecordTheWorkersOwnAppAsSelfService() {
        postGrant(Tokens.client("peduli-wni-portal"), body())
                .statusCode(201)
                .body("capture.channel", equalTo("SELF_SERVICE"))
                .body("capture.officer", nullValue())
                .body("capture.place", nullValue());
    }

    @Test
    void shouldRefuseAWitnessOnASelfServiceGrant() {
        Map<String, Object> body = body();
        body.put("capture", Map.of("witness", Map.of("name", "Agus Salim")));

        expectProblem(Tokens.client("peduli-wni-portal"), body, "capture-mismatch", "capture");
    }

    @Test
    void shouldRefuseAServicePointNamedAtAMission() {
        Map<String, Object> body = body();
        body.put("receivingAgency", "KEMENP2MI");
        body.put("capture", Map.of("servicePoint", "LTSA-JEMBER"));

        expectProblem(Tokens.user("consul.kl"), body, "capture-mismatch", "capture.servicePoint");
    }

    @Test
    void shouldRefuseALanguageOutsideTheList() {
        Map<String, Object> body = body();
        body.put("capture", Map.of("language", "xx"));

        expectProblem(officer(), body, "capture-language", "capture.language");
    }

    @Test
    void shouldRefuseAMalformedServicePoint() {
        Map<String, Object> body = body();
        body.put("capture", Map.of("servicePoint", "ltsa jember"));

        expectProblem(officer(), body, "validation", "capture.servicePoint");
    }

    @Test
    void shouldRefuseConsentWhereItIsNotTheBasis() {
        Map<String, Object> body = body();
        body.put("dataCategories", List.of("IDENTITY", "CONTACT"));

        expectProblem(officer(), body, "consent-not-the-basis", "purposes");
    }

    @Test
    void shouldRefuseAPurposeTheReceivingAgencyMayNotUse() {
        Map<String, Object> body = body();
        body.put("purposes", List.of("REINTEGRATION"));

        expectProblem(officer(), body, "purpose-not-for-agency", "purposes");
    }

    @Test
    void shouldRefuseAnUnknownPurpose() {
        Map<String, Object> body = body();
        body.put("purposes", List.of("MARKETING"));

        expectProblem(officer(), body, "invalid-json-value", "purposes[0]");
    }

    @Test
    void shouldRefuseAnInitialStatusOtherThanActiveOrPending() {
        Map<String, Object> body = body();
        body.put("status", "REVOKED");

        expectProblem(officer(), body, "initial-status", "status");
    }

    @Test
    void shouldRecordAPendingGrant() {
        Map<String, Object> body = body();
        body.put("status", "PENDING");

        postGrant(officer(), body)
                .statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("revision", equalTo(1));
    }

    @Test
    void shouldKeepNamesOfGiversAndWitnessesOutOfTheAuditTrail() {
        Map<String, Object> body = body();
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "PARENT"));
        body.put("capture", Map.of("witness", Map.of("name", "Agus Salim")));

        postGrant(officer(), body).statusCode(201);

        Assertions.assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString()))
                .singleElement()
                .asString()
                .contains("givenBy=GUARDIAN")
                .doesNotContain("Siti")
                .doesNotContain("Agus");
    }

    @Test
    void shouldNameTheFieldOfAnUnknownRelationship() {
        Map<String, Object> body = body();
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "NEIGHBOUR"));

        postGrant(officer(), body)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:invalid-json-value"))
                .body("errors.field", contains("giver.relationship"))
                .body("detail", not(containsString("GiverRelationship")));
    }
}
