package id.sinergi.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import id.sinergi.devstack.Processes;
import io.restassured.response.Response;
import java.time.Duration;
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
 * 401 must carry a problem body (RFC 9457) of the defect's type ({@link Defect#problem}) and a
 * {@code WWW-Authenticate: Bearer} challenge, and no stack trace.
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
        MISSING_AGENCY((genuine, user) -> ForgedTokens.without(genuine, "agency"), "missing-agency"),
        MISSING_MISSION((genuine, user) -> ForgedTokens.without(genuine, "mission"), "missing-mission");

        private final BiFunction<String, String, String> forge;
        private final UnaryOperator<String> twin;
        private final String problem;

        Defect(BiFunction<String, String, String> forge) {
            this(forge, ForgedTokens::twin, "unauthenticated");
        }

        Defect(BiFunction<String, String, String> forge, String problem) {
            this(forge, ForgedTokens::twin, problem);
        }

        Defect(BiFunction<String, String, String> forge, UnaryOperator<String> twin) {
            this(forge, twin, "unauthenticated");
        }

        Defect(BiFunction<String, String, String> forge, UnaryOperator<String> twin, String problem) {
            this.forge = forge;
            this.twin = twin;
            this.problem = problem;
        }

        /** The type of the 401's problem (docs/security.md, "Tokens"): {@code urn:sinergi:problem:<this>}. */
        public String problem() {
            return problem;
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

        assertThat(genuineStatus).as("the genuine token of %s", user).isNotEqualTo(401);
        assertThat(twinStatus).as("the undamaged twin of the %s token", defect).isEqualTo(genuineStatus);
        refused.then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:sinergi:problem:" + defect.problem()))
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
    void cachedTokenIsServedUntilItExpiresAndRefusedAfter() {
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
            Processes.sleep(Duration.ofMillis(200));
        }
        Response afterExpiry = given().auth().oauth2(shortLived).when().get(path());

        assertThat(first).as("the short-lived token before it expires").isNotEqualTo(401);
        assertThat(second).as("the cached token the second time").isEqualTo(first);
        assertThat(hits).as("hits of the cache of verified tokens").isGreaterThanOrEqualTo(1);
        afterExpiry
                .then()
                .statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:sinergi:problem:unauthenticated"));
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
