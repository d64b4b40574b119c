package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.postGrant;
import static id.sinergi.consent.ConsentApi.revoke;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Consent receipts: signed with Ed25519, verifiable with the published key set, true to the grant's state. */
@QuarkusTest
@ConsentTestResource
class ReceiptTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    private final UUID worker = Workers.register();

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    static ValidatableResponse receipt(String token, String grantId) {
        return given().auth()
                .oauth2(token)
                .when()
                .get("/api/consents/" + grantId + "/receipt")
                .then();
    }

    static String keySet() {
        return given().when()
                .get("/api/consent-receipts/keys")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private JsonPath receiptOf(String grantId) {
        return receipt(portal(), grantId).statusCode(200).extract().jsonPath();
    }

    private JsonNode payloadOf(String jws) throws Exception {
        return json.readTree(ReceiptVerifier.payload(jws));
    }

    @Test
    void shouldSignAReceiptThatVerifiesWithThePublishedKeySet() throws Exception {
        String grantId = grant(grantBody(worker));

        JsonPath answer = receiptOf(grantId);

        String jws = answer.getString("jws");
        assertThat(jws.split("\\.", -1)).hasSize(3);
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(jws.substring(0, jws.indexOf('.'))));
        assertThat(header.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(header.get("typ").asText()).isEqualTo("consent-receipt+jws");
        assertThat(header.get("kid").asText()).isEqualTo(answer.getString("kid"));
        assertThat(ReceiptVerifier.verify(jws, keySet())).isTrue();
        assertThat(payloadOf(jws)).isEqualTo(json.valueToTree(answer.getMap("receipt")));
    }

    @Test
    void shouldPublishTheKeyAsAnEd25519JwkNamedByItsThumbprint() throws Exception {
        ValidatableResponse keys =
                given().when().get("/api/consent-receipts/keys").then();

        keys.statusCode(200)
                .contentType("application/jwk-set+json")
                .header("Cache-Control", equalTo("public, max-age=300"));
        JsonNode key = json.readTree(keySet()).get("keys").get(0);
        assertThat(key.get("kty").asText()).isEqualTo("OKP");
        assertThat(key.get("crv").asText()).isEqualTo("Ed25519");
        assertThat(key.get("use").asText()).isEqualTo("sig");
        assertThat(key.get("alg").asText()).isEqualTo("EdDSA");
        assertThat(key.has("d")).as("no private part").isFalse();
        String canonical =
                "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + key.get("x").asText() + "\"}";
        byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        assertThat(key.get("kid").asText())
                .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(thumbprint));
    }

    @Test
    void shouldFailVerificationWhenOneByteOfThePayloadChanges() throws Exception {
        String jws = receiptOf(grant(grantBody(worker))).getString("jws");
        String[] parts = jws.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        String text = new String(payload, StandardCharsets.UTF_8);
        int at = text.indexOf("\"ACTIVE\"") + 1;
        payload[at] = (byte) 'B';

        String tampered =
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];

        assertThat(new String(payload, StandardCharsets.UTF_8)).contains("\"BCTIVE\"");
        assertThat(ReceiptVerifier.verify(tampered, keySet())).isFalse();
        assertThat(ReceiptVerifier.verify(jws, keySet())).isTrue();
    }

    @Test
    void shouldFailVerificationWhenOneByteOfTheSignatureChanges() throws Exception {
        String jws = receiptOf(grant(grantBody(worker))).getString("jws");

        for (int at : new int[] {10, 40}) {
            String tampered = withSignatureByteFlipped(jws, at);

            assertThat(ReceiptVerifier.verify(tampered, keySet()))
                    .as("byte %d of the signature changed", at)
                    .isFalse();
        }
    }

    /** Byte 10 lies in the signature's point R, byte 40 in its scalar S (RFC 8032 section 5.1.6). */
    private static String withSignatureByteFlipped(String jws, int at) {
        String[] parts = jws.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[at] ^= 0x01;
        return parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    @Test
    void shouldReflectARevocationWithTheNewStatusAndVersion() throws Exception {
        String grantId = grant(grantBody(worker));
        JsonPath before = receiptOf(grantId);

        revoke(grantId).statusCode(200);

        JsonPath after = receiptOf(grantId);
        assertThat(before.getString("receipt.state.status")).isEqualTo("ACTIVE");
        assertThat(before.getInt("receipt.state.revision")).isEqualTo(1);
        assertThat(before.getString("receipt.state.revokedAt")).isNull();
        assertThat(after.getString("receipt.state.status")).isEqualTo("REVOKED");
        assertThat(after.getInt("receipt.state.revision")).isEqualTo(2);
        assertThat(after.getString("receipt.state.revokedAt")).isEqualTo(after.getString("receipt.state.changedAt"));
        assertThat(after.getString("receipt.state.revocationReason"))
                .isEqualTo("worker withdrew consent in the portal");
        assertThat(after.getString("receipt.receiptId")).isNotEqualTo(before.getString("receipt.receiptId"));
        JsonNode signed = payloadOf(after.getString("jws"));
        assertThat(signed.at("/state/status").asText()).isEqualTo("REVOKED");
        assertThat(ReceiptVerifier.verify(after.getString("jws"), keySet())).isTrue();
    }

    @Test
    void shouldNameTheGuardianAsTheGiverAndTheWorkerAsThePrincipal() {
        Map<String, Object> body = grantBody(worker);
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "PARENT"));
        String grantId = grant(body);

        receipt(portal(), grantId)
                .statusCode(200)
                .body("receipt.piiPrincipal.id", equalTo(worker.toString()))
                .body("receipt.piiPrincipal.idSystem", equalTo("urn:sinergi:worker"))
                .body("receipt.consentGiver.role", equalTo("GUARDIAN"))
                .body("receipt.consentGiver.name", equalTo("Siti Aminah"))
                .body("receipt.consentGiver.relationship", equalTo("PARENT"))
                .body("receipt.consentGiver.actingFor", equalTo(worker.toString()));
    }

    @Test
    void shouldNameTheWorkerAsTheGiverOfTheirOwnGrant() {
        receipt(portal(), grant(grantBody(worker)))
                .statusCode(200)
                .body("receipt.consentGiver.role", equalTo("SELF"))
                .body("receipt.consentGiver.name", nullValue())
                .body("receipt.consentGiver.actingFor", nullValue());
    }

    @Test
    void shouldStatePurposesBasesCategoriesWindowRetentionAndCapture() {
        Map<String, Object> body = grantBody(worker);
        body.put("dataCategories", List.of("IDENTITY", "PLACEMENT", "HEALTH"));
        body.put("retention", "P6M");
        body.put(
                "capture",
                Map.of(
                        "language",
                        "jv",
                        "servicePoint",
                        "LTSA-JEMBER",
                        "interpreter",
                        Map.of("name", "Dewi Lestari"),
                        "witness",
                        Map.of("name", "Agus Salim")));
        ValidatableResponse created =
                postGrant(Tokens.user("p2mi.officer"), body).statusCode(201);
        String grantId = created.extract().path("id");

        receipt(portal(), grantId)
                .statusCode(200)
                .rootPath("receipt")
                .body("version", equalTo("sinergi-consent-receipt/1"))
                .body("grantId", equalTo(grantId))
                .body("language", equalTo("jv"))
                .body("piiControllers.code", contains("KEMLU"))
                .body("piiControllers.name", contains("Kementerian Luar Negeri"))
                .body("purposes.code", contains("PROTECTION_CASE_HANDLING"))
                .body("purposes[0].system", equalTo("urn:sinergi:consent:purpose"))
                .body("purposes[0].term", equalTo("penanganan kasus pelindungan"))
                .body("purposes[0].consentType", equalTo("EXPLICIT"))
                .body("purposes[0].lawfulBases.basis", contains("CONSENT", "PUBLIC_TASK"))
                .body("purposes[0].lawfulBases[0].categories", contains("PLACEMENT", "HEALTH"))
                .body("purposes[0].lawfulBases[0].reference", equalTo("UU 27/2022 Pasal 20 ayat (2) huruf a"))
                .body("purposes[0].lawfulBases[1].categories", contains("IDENTITY"))
                .body("piiCategories.code", contains("IDENTITY", "PLACEMENT", "HEALTH"))
                .body("piiCategories.specific", contains(false, false, true))
                .body("specificData", equalTo(true))
                .body("validity.from", equalTo(created.extract().path("validFrom")))
                .body("validity.until", equalTo(created.extract().path("validUntil")))
                .body("retention", equalTo("P6M"))
                .body("collection.channel", equalTo("ASSISTED"))
                .body("collection.place", equalTo("SERVICE_POINT"))
                .body("collection.placeCode", equalTo("LTSA-JEMBER"))
                .body("collection.officer", equalTo("p2mi.officer"))
                .body("collection.interpreter", equalTo("Dewi Lestari"))
                .body("collection.witness", equalTo("Agus Salim"))
                .body("state.status", equalTo("ACTIVE"));
    }

    @Test
    void shouldPointToWhereTheGrantIsWithdrawn() {
        String grantId = grant(grantBody(worker));

        JsonPath answer = receiptOf(grantId);

        assertThat(answer.getString("receipt.withdrawal.method")).isEqualTo("POST");
        String url = answer.getString("receipt.withdrawal.url");
        assertThat(url).as("a path alone without a public-url").isEqualTo("/api/consents/" + grantId + "/revocation");
        given().auth()
                .oauth2(portal())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "worker followed the receipt's withdrawal pointer"))
                .when()
                .post(url)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"));
    }

    @Test
    void shouldNeverSignTheRequestsHostIntoTheWithdrawalPointer() {
        String grantId = grant(grantBody(worker));

        String url = given().auth()
                .oauth2(portal())
                .header("Host", "withdraw-here.example")
                .when()
                .get("/api/consents/" + grantId + "/receipt")
                .then()
                .statusCode(200)
                .extract()
                .path("receipt.withdrawal.url");

        assertThat(url).isEqualTo("/api/consents/" + grantId + "/revocation");
    }

    @Test
    void shouldAuditEachIssueWithoutTheGiversName() {
        Map<String, Object> body = grantBody(worker);
        body.put("givenBy", "GUARDIAN");
        body.put("giver", Map.of("name", "Siti Aminah", "relationship", "PARENT"));
        String grantId = grant(body);

        String receiptId = receiptOf(grantId).getString("receipt.receiptId");

        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, grantId))
                .filteredOn(p -> p.contains("\"action\":\"consent.receipt.issue\""))
                .hasSize(1)
                .allMatch(p -> p.contains("receipt=" + receiptId) && p.contains("peduli-wni-portal"))
                .noneMatch(p -> p.contains("Siti Aminah"));
    }

    @Test
    void shouldGiveReceiptsToOfficersAndTheWorkersAppOnly() {
        String grantId = grant(grantBody(worker));

        receipt(Tokens.user("consul.hk"), grantId).statusCode(200);
        receipt(Tokens.user("security.auditor"), grantId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:forbidden"));
        receipt(Tokens.client("siskop2mi-connector"), grantId)
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-the-workers-app"));
        receipt(Tokens.client("identity-service"), grantId).statusCode(403);
        given().when().get("/api/consents/" + grantId + "/receipt").then().statusCode(401);
    }

    @Test
    void shouldAnswer404ForTheReceiptOfAnUnknownGrant() {
        receipt(portal(), UUID.randomUUID().toString())
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
    }
}
