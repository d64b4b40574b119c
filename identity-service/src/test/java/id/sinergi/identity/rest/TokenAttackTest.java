package id.sinergi.identity.rest;

import id.sinergi.devstack.testing.TokenAttacks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The token attacks ({@link TokenAttacks}) against identity-service: a KemenP2MI officer reads the matching rules.
 * A consular officer may not (403), which the mission-less twin of their token must still get.
 */
@QuarkusTest
@IdentityTestResource
class TokenAttackTest extends TokenAttacks {

    @Override
    protected String path() {
        return "/api/matching/rules";
    }

    @Override
    protected String user() {
        return "p2mi.officer";
    }

    @Override
    protected String missionUser() {
        return "consul.kl";
    }
}
