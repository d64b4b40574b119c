package id.sinergi.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.hamcrest.Matchers;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The token attacks every service must refuse with 401, run by each service's own {@code @QuarkusTest} against one
 * of its protected GETs, with the real Keycloak: each attack is a token that differs from a genuine one of the test
 * realm in exactly one {@link Defect}.
 *
 * <p>Each case first sends the genuine token and its undamaged twin (the same claims signed with the key the realm
 * trusts, {@link ForgedTokens#twin}, or, for a defect of the signature or of the realm, the genuine token itself) and
 * checks that both get the same answer, and not 401: so the 401 of the defective token is that defect's alone. The
 * 401 must carry a problem body (RFC 9457) and a {@code WWW-Authenticate: Bearer} challenge, and no stack trace.
 */
public abstract class TokenAttacks {

    /** One way a token is wrong; {@link #forge} makes it from a genuine token of the user. */
    public enum Defect {
        EXPIRED((genuine, user) -> ForgedTokens.expired(genuine)),
        NOT_YET_VALID((genuine, user) -> ForgedTokens.notYetValid(genuine)),
        WRONG_ISSUER((genuine, user) -> ForgedTokens.wrongIssuer(genuine)),
        WRONG_AUDIENCE((genuine, user) -> ForgedTokens.wrongAudience(genuine)),
        ANOTHER_REALM((genuine, user) -> ForgedTokens.fromOtherRealm(user), UnaryOperator.identity()),
        ALG_NONE((genuine, user) -> ForgedTokens.algNone(genuine), UnaryOperator.identity()),
        HS256_KEYED_WITH_PUBLIC_KEY(
                (genuine, user) -> ForgedTokens.hs256WithRealmPublicKey(genuine), UnaryOperator.identity()),
        FLIPPED_SIGNATURE_BIT((genuine, user) -> ForgedTokens.flippedSignature(genuine), UnaryOperator.identity()),
        UNTRUSTED_KEY((genuine, user) -> ForgedTokens.untrustedKey(genuine)),
        MISSING_AGENCY((genuine, user) -> ForgedTokens.without(genuine, "agency")),
        MISSING_MISSION((genuine, user) -> ForgedTokens.without(genuine, "mission"));

        private final BiFunction<String, String, String> forge;
        private final UnaryOperator<String> twin;

        Defect(BiFunction<String, String, String> forge) {
            this(forge, ForgedTokens::twin);
        }

        Defect(BiFunction<String, String, String> forge, UnaryOperator<String> twin) {
            this.forge = forge;
            this.twin = twin;
        }

        /** The defective token made from a genuine token of {@code user}. */
        public String forge(String genuine, String user) {
            return forge.apply(genuine, user);
        }

        /** The token that differs from {@link #forge}'s in the defect only. */
        public String twin(String genuine) {
            return twin.apply(genuine);
        }
    }

    /** A protected GET of the service that {@link #user} may call (2xx), e.g. {@code /api/case-statistics}. */
    protected abstract String path();

    /** The demo user who may GET {@link #path}, e.g. {@code consul.kl}. */
    protected abstract String user();

    /**
     * A demo user whose role requires a {@code mission} claim (a consular officer), for {@link Defect#MISSING_MISSION};
     * {@link #user} unless the service has no GET a consular officer may call, when their genuine token's answer
     * (403) is the twin's to match.
     */
    protected String missionUser() {
        return user();
    }

    @Test
    void genuineTokenIsServed() {
        given().auth()
                .oauth2(Tokens.user(user()))
                .when()
                .get(path())
                .then()
                .statusCode(allOf(Matchers.greaterThanOrEqualTo(200), lessThan(300)));
    }

    @ParameterizedTest
    @EnumSource(Defect.class)
    void tokenWithOneDefectIsRefused(Defect defect) {
        String user = defect == Defect.MISSING_MISSION ? missionUser() : user();
        String genuine = Tokens.user(user);
        String forged = defect.forge(genuine, user);

        int genuineStatus = status(genuine);
        int twinStatus = status(defect.twin(genuine));
        Response refused = given().auth().oauth2(forged).when().get(path());

        assertNotEquals(401, genuineStatus, "the genuine token of " + user + " is refused");
        assertEquals(genuineStatus, twinStatus, "the undamaged twin of the " + defect + " token is answered otherwise");
        refused.then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body(not(Matchers.containsString("Exception")))
                .body(not(Matchers.containsString("\tat ")));
    }

    /**
     * A token the service verified once is served again from its cache of verified tokens
     * ({@code id.sinergi.common.security.VerifiedTokens}), and refused once it expires although it is still cached:
     * a token valid for four more seconds is served twice (the second time a cache hit, counted in
     * {@code sinergi_token_cache_requests_total}), then refused with 401 after its {@code exp}.
     */
    @Test
    void cachedTokenIsServedUntilItExpiresAndRefusedAfter() throws InterruptedException {
        String genuine = Tokens.user(user());
        ForgedTokens.trustTestKey();
        long expiresAt = Instant.now().getEpochSecond() + 4;
        String shortLived =
                ForgedTokens.resigned(genuine, claims -> claims.setExpirationTime(NumericDate.fromSeconds(expiresAt)));
        double hitsBefore = cacheCount("hit");

        int first = status(shortLived);
        int second = status(shortLived);
        double hits = cacheCount("hit") - hitsBefore;
        while (Instant.now().getEpochSecond() <= expiresAt) {
            Thread.sleep(200);
        }
        Response afterExpiry = given().auth().oauth2(shortLived).when().get(path());

        assertNotEquals(401, first, "the short-lived token is refused before it expires");
        assertEquals(first, second, "the cached token is answered otherwise the second time");
        assertTrue(hits >= 1, "the second request did not hit the cache of verified tokens");
        afterExpiry
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401));
    }

    private static double cacheCount(String result) {
        return MetricsScrape.metric(
                        MetricsScrape.scrape(), "sinergi_token_cache_requests_total", Map.of("result", result))
                .orElse(0);
    }

    private int status(String token) {
        return given().auth().oauth2(token).when().get(path()).statusCode();
    }
}
