package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CaseTestResource
class OpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldDescribeEveryOperationWithSummaryAndAuthenticationFailures() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");

        List<String> operations = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            operations.add(method + " " + path);
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            if (operation.get("summary") == null || !responses.containsKey("401") || !responses.containsKey("403")) {
                undocumented.add(method + " " + path);
            }
        }));

        assertThat(operations)
                .containsExactlyInAnyOrder(
                        "post /api/cases",
                        "get /api/cases",
                        "get /api/cases/{id}",
                        "get /api/cases/breaches",
                        "get /api/case-statistics",
                        "post /api/cases/{id}/triage",
                        "post /api/cases/{id}/transitions",
                        "post /api/cases/{id}/closure-requests",
                        "get /api/cases/{id}/closure-requests",
                        "get /api/cases/{id}/closure-requests/{requestId}",
                        "post /api/cases/{id}/closure-requests/{requestId}/decision",
                        "post /api/cases/{id}/lead",
                        "post /api/cases/{id}/referrals",
                        "get /api/cases/{id}/referrals",
                        "get /api/cases/{id}/referrals/{referralId}",
                        "post /api/cases/{id}/referrals/{referralId}/decision",
                        "post /api/cases/{id}/outcomes",
                        "get /api/cases/{id}/outcomes",
                        "get /api/cases/{id}/outcomes/{outcomeId}",
                        "post /api/cases/{id}/vital-interest",
                        "post /api/cases/{id}/vital-interest/renewal",
                        "get /api/cases/{id}/export",
                        "get /api/cases/export",
                        "get /api/reference/missions",
                        "get /api/reference/case-categories");
        assertThat(undocumented).isEmpty();
    }
}
