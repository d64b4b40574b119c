package id.sinergi.audit;

import id.sinergi.devstack.testing.TokenAttacks;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The token attacks ({@link TokenAttacks}) against audit-service: the security auditor reads the sealing backlog. A
 * consular officer may not (403), which the mission-less twin of their token must still get.
 */
@QuarkusTest
@AuditTestResource
class TokenAttackTest extends TokenAttacks {

    @Override
    protected String path() {
        return "/api/audit-log/backlog";
    }

    @Override
    protected String user() {
        return "security.auditor";
    }

    @Override
    protected String missionUser() {
        return "consul.kl";
    }
}
