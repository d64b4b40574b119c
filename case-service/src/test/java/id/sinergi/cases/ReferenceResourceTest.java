package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CaseTestResource
class ReferenceResourceTest {

    @Test
    void shouldListMissionsWithTypeTermAndGloss() {
        given().auth()
                .oauth2(Tokens.user("platform.admin"))
                .when()
                .get("/api/reference/missions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(134))
                .body("find { it.id == 'KJRI-HONGKONG' }.countryIso2", equalTo("HK"))
                .body("find { it.id == 'KJRI-HONGKONG' }.type.termId", equalTo("Konsulat Jenderal Republik Indonesia"))
                .body("find { it.id == 'KJRI-HONGKONG' }.type.glossEn", equalTo("consulate-general"))
                .body("find { it.id == 'KDEI-TAIPEI' }.countryIso2", equalTo("TW"));
    }

    @Test
    void shouldListCaseCategoriesWithTermAndGlossToASourceConnector() {
        given().auth()
                .oauth2(Tokens.client("peduli-wni-portal"))
                .when()
                .get("/api/reference/case-categories")
                .then()
                .statusCode(200)
                .body("size()", equalTo(23))
                .body("code", hasItem("PERDAGANGAN_ORANG"))
                .body("find { it.code == 'PERDAGANGAN_ORANG' }.glossEn", equalTo("human trafficking"))
                .body(
                        "find { it.code == 'PERDAGANGAN_ORANG' }.termId",
                        equalTo("Perdagangan orang / TPPO (Tindak Pidana Perdagangan Orang)"));
    }

    @Test
    void shouldAnswer401WithoutToken() {
        given().when().get("/api/reference/missions").then().statusCode(401);
        given().when().get("/api/reference/case-categories").then().statusCode(401);
    }
}
