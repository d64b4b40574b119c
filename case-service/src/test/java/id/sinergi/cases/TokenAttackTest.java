package id.sinergi.cases;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.TokenClient;
import id.sinergi.devstack.testing.RealmUsers;
import id.sinergi.devstack.testing.SinergiTestResource;
import id.sinergi.devstack.testing.TokenAttacks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The token attacks ({@link TokenAttacks}) against case-service, where a consular officer counts their mission's
 * cases; and what a user disabled in Keycloak can still do with the access token they hold.
 */
@QuarkusTest
@CaseTestResource
class TokenAttackTest extends TokenAttacks {

    private static final String PATH = "/api/case-statistics";

    @Override
    protected String path() {
        return PATH;
    }

    @Override
    protected String user() {
        return "consul.kl";
    }

    /**
     * Disabling a user in Keycloak stops new tokens at once (refresh and sign-in refused), but the access token
     * already issued is a self-contained JWT the services verify locally: it works until it expires.
     */
    @Test
    void disabledUserCannotRefreshButKeepsTheAccessTokenUntilItExpires() {
        String username = "throwaway-" + UUID.randomUUID().toString().substring(0, 8);
        String id = RealmUsers.create(
                username, "consular-officer", Map.of("agency", "KEMLU", "mission", "KBRI-KUALALUMPUR"));
        try {
            TokenClient keycloak = new TokenClient(SinergiTestResource.realmUrl());
            TokenClient.Session first =
                    keycloak.signIn(username, TokenClient.DEMO_PASSWORD).orElseThrow();
            TokenClient.Session refreshed =
                    keycloak.refresh(first.refreshToken()).orElseThrow();

            RealmUsers.disable(id);

            assertThat(keycloak.refresh(refreshed.refreshToken())).isEmpty();
            assertThat(keycloak.signIn(username, TokenClient.DEMO_PASSWORD)).isEmpty();
            given().auth()
                    .oauth2(refreshed.accessToken())
                    .when()
                    .get(PATH)
                    .then()
                    .statusCode(200);
        } finally {
            RealmUsers.delete(id);
        }
    }
}
