package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.revoke;
import static id.sinergi.consent.ConsentApi.transition;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FHIR R4 Consent export of a grant: its shape, the status mapping, the giver, and who may read it. */
@QuarkusTest
@ConsentTestResource
class FhirExportTest {

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private final Instant until = start.plus(30, ChronoUnit.DAYS);

    private TestClock clock;

    @BeforeEach
    void installClock() {
        clock = TestClock.installAt(start);
    }

    private Map<String, Object> body() {
        Map<String, Object> body = grantBody(worker);
        body.put("validUntil", until.toString());
        return body;
    }

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    private static ValidatableResponse fhir(String token, String grantId) {
        return given().auth()
                .oauth2(token)
                .accept("application/fhir+json")
                .when()
                .get("/api/consents/" + grantId + "/fhir")
                .then();
    }

    @Test
    void shouldExportAGrantAsAFhirConsent() {
        Map<String, Object> body = body();
        body.put("dataCategories", List.of("IDENTITY", "PLACEMENT"));
        String grantId = grant(body);

        fhir(portal(), grantId)
                .statusCode(200)
                .contentType(startsWith("application/fhir+json"))
                .body("resourceType", equalTo("Consent"))
                .body("id", equalTo(grantId))
                .body("meta.versionId", equalTo("1"))
                .body("meta.lastUpdated", equalTo(start.toString()))
                .body("identifier[0].system", equalTo("urn:sinergi:consent-grant"))
                .body("identifier[0].value", equalTo(grantId))
                .body("status", equalTo("active"))
                .body("scope.coding[0].system", equalTo("http://terminology.hl7.org/CodeSystem/consentscope"))
                .body("scope.coding[0].code", equalTo("patient-privacy"))
                .body("category[0].coding[0].system", equalTo("http://loinc.org"))
                .body("category[0].coding[0].code", equalTo("59284-0"))
                .body("patient.identifier.system", equalTo("urn:sinergi:worker"))
                .body("patient.identifier.value", equalTo(worker.toString()))
                .body("dateTime", equalTo(start.toString()))
                .body("performer[0].type", equalTo("Patient"))
                .body("performer[0].identifier.value", equalTo(worker.toString()))
                .body("contained", nullValue())
                .body("organization[0].identifier.system", equalTo("urn:sinergi:agency"))
                .body("organization[0].identifier.value", equalTo("KEMLU"))
                .body("organization[0].display", equalTo("Kementerian Luar Negeri"))
                .body("policy[0].uri", equalTo("https://peraturan.bpk.go.id/Details/229798/uu-no-27-tahun-2022"))
                .body("provision.type", equalTo("permit"))
                .body("provision.period.start", equalTo(start.toString()))
                .body("provision.period.end", equalTo(until.toString()))
                .body("provision.actor[0].role.coding[0].code", equalTo("IRCP"))
                .body("provision.actor[0].reference.identifier.value", equalTo("KEMLU"))
                .body(
                        "provision.purpose.system",
                        contains(
                                "urn:sinergi:consent:purpose",
                                "urn:sinergi:consent:lawful-basis",
                                "urn:sinergi:consent:lawful-basis"))
                .body("provision.purpose.code", contains("PROTECTION_CASE_HANDLING", "CONSENT", "PUBLIC_TASK"))
                .body(
                        "provision.class.system",
                        contains("urn:sinergi:consent:data-category", "urn:sinergi:consent:data-category"))
                .body("provision.class.code", contains("IDENTITY", "PLACEMENT"));
    }

    @Test
    void shouldMapEveryStatusOfTheLifecycle() {
        String pending = pendingGrant();
        String active = grant(body());
        String paused = grant(body());
        transition(portal(), paused, "PAUSED").statusCode(200);
        String revoked = grant(body());
        revoke(revoked).statusCode(200);
        String rejected = pendingGrant();
        transition(portal(), rejected, "REJECTED").statusCode(200);

        expectStatus(pending, "proposed", "PENDING");
        expectStatus(active, "active", "ACTIVE");
        expectStatus(paused, "inactive", "PAUSED");
        expectStatus(revoked, "inactive", "REVOKED");
        expectStatus(rejected, "rejected", "REJECTED");
        fhir(portal(), revoked).body("meta.versionId", equalTo("2"));
    }

    @Test
    void shouldReadInactiveFromTheInstantTheGrantExpires() {
        String grantId = grant(body());

        clock.set(until.minus(1, ChronoUnit.MICROS));
        expectStatus(grantId, "active", "ACTIVE");
        clock.set(until);

        expectStatus(grantId, "inactive", "EXPIRED");
        fhir(portal(), grantId).body("meta.lastUpdated", equalTo(until.toString()));
    }

    private String pendingGrant() {
        Map<String, Object> body = body();
        body.put("status", "PENDING");
        return grant(body);
    }

    private static void expectStatus(String grantId, String fhirStatus, String ours) {
        fhir(portal(), grantId)
                .statusCode(200)
                .body("status", equalTo(fhirStatus))
                .body("extension[0].url", equalTo("urn:sinergi:fhir:consent-status"))
                .body("extension[0].valueCode", equalTo(ours));
    }

    @Test
    void shouldContainTheGuardianAsTheConsentsPerformer() {
        Map<String, Object> body = body();
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "COURT_APPOINTED_GUARDIAN"));
        String grantId = grant(body);

        fhir(portal(), grantId)
                .statusCode(200)
                .body("performer[0].reference", equalTo("#giver"))
                .body("performer[0].type", equalTo("RelatedPerson"))
                .body("performer[0].display", equalTo("Siti Aminah"))
                .body("contained[0].resourceType", equalTo("RelatedPerson"))
                .body("contained[0].id", equalTo("giver"))
                .body("contained[0].patient.identifier.value", equalTo(worker.toString()))
                .body("contained[0].relationship[0].coding.code", contains("GUARD", "COURT_APPOINTED_GUARDIAN"))
                .body("contained[0].name[0].text", equalTo("Siti Aminah"))
                .body("patient.identifier.value", equalTo(worker.toString()));
    }

    @Test
    void shouldCodeARepresentativeAsPowerOfAttorney() {
        Map<String, Object> body = body();
        body.put("givenBy", "REPRESENTATIVE");
        body.put("giver", Map.of("name", "Budi Santoso", "relationship", "LAWYER"));

        fhir(portal(), grant(body))
                .statusCode(200)
                .body("contained[0].relationship[0].coding.code", contains("POWATT", "LAWYER"));
    }

    @Test
    void shouldAuditTheExportAsARead() {
        String grantId = grant(body());

        fhir(Tokens.user("pwni.hq"), grantId).statusCode(200);

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, grantId))
                .filteredOn(p -> p.contains("\"action\":\"consent.fhir.read\""))
                .hasSize(1);
    }

    @Test
    void shouldGiveTheExportToOfficersAndTheWorkersAppOnly() {
        String grantId = grant(body());

        fhir(Tokens.user("consul.kl"), grantId).statusCode(200);
        fhir(Tokens.user("security.auditor"), grantId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        fhir(Tokens.client("siskop2mi-connector"), grantId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-the-workers-app"));
        fhir(Tokens.client("case-service"), grantId).statusCode(403);
        given().when().get("/api/consents/" + grantId + "/fhir").then().statusCode(401);
        fhir(portal(), UUID.randomUUID().toString())
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }
}
