package id.sinergi.consent;

import id.sinergi.devstack.testing.TokenAttacks;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;

/** The token attacks ({@link TokenAttacks}) against consent-service: a consular officer lists a worker's grants. */
@QuarkusTest
@ConsentTestResource
class TokenAttackTest extends TokenAttacks {

    private static final String PATH = "/api/consents?workerId=" + UUID.randomUUID();

    @Override
    protected String path() {
        return PATH;
    }

    @Override
    protected String user() {
        return "consul.kl";
    }
}
