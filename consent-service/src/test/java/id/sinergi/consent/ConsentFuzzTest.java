package id.sinergi.consent;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import id.sinergi.devstack.testing.OpenApiFuzzer;
import id.sinergi.devstack.testing.RawHttp;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@ConsentTestResource
class ConsentFuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryFuzzedRequestBelow500WithProblemsAndNoChangeFromRefusedOnes() {
        UUID worker = Workers.register();
        String grantId = ConsentApi.grant(ConsentApi.grantBody(worker));

        OpenApiFuzzer.Report report = OpenApiFuzzer.ofTestedService()
                .watching(dataSource)
                .knowing("id", grantId)
                .knowing("workerId", worker.toString())
                .run();

        System.out.println(report);
        assertThat(report.failures()).isEmpty();
        assertThat(report.operations()).isGreaterThan(5);
    }

    @Test
    void shouldRefuseARevocationNamingAFieldTwiceAsMalformedJson() {
        String grantId = ConsentApi.grant(ConsentApi.grantBody(Workers.register()));

        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .contentType(ContentType.JSON)
                .body("{\"reason\":null,\"reason\":\"worker asked at the service point\"}")
                .when()
                .post("/api/consents/" + grantId + "/revocation")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:malformed-json"));
        ConsentApi.readGrant(grantId).statusCode(200).body("status", not(equalTo("REVOKED")));
    }

    @Test
    void shouldRefuseABodyOverTheLimitWithA413Problem() throws Exception {
        String body = "{\"reason\":\"" + "a".repeat(1_100_000) + "\"}";

        RawHttp.Response response =
                RawHttp.postJson(RestAssured.port, "/api/consents", Tokens.user("p2mi.officer"), body);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"urn:sinergi:problem:body-too-large\"", "\"status\":413");
    }
}
