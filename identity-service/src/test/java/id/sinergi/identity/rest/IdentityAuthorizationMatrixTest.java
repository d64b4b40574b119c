package id.sinergi.identity.rest;

import static id.sinergi.common.security.Roles.CONSULAR_OFFICER;
import static id.sinergi.common.security.Roles.P2MI_OFFICER;
import static id.sinergi.common.security.Roles.PLATFORM_ADMIN;
import static id.sinergi.common.security.Roles.PWNI_HQ;
import static id.sinergi.common.security.Roles.SECURITY_AUDITOR;
import static id.sinergi.common.security.Roles.SOURCE_CONNECTOR;

import id.sinergi.devstack.testing.AuthorizationMatrix;
import id.sinergi.devstack.testing.AuthorizationMatrixTests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Who may call which identity-service operation (function level), checked on every operation of the OpenAPI
 * document with the realm's demo accounts. identity-service has no object scope: what a caller sees of a worker
 * is decided per data category by consent ({@link WorkerDisclosureTest}).
 */
@QuarkusTest
@IdentityTestResource
class IdentityAuthorizationMatrixTest extends AuthorizationMatrixTests {

    private static final String[] READERS = {P2MI_OFFICER, CONSULAR_OFFICER, PWNI_HQ};

    private static final String[] STEWARDS = {P2MI_OFFICER, PWNI_HQ};

    private static final String[] FEEDERS = {SOURCE_CONNECTOR, P2MI_OFFICER, CONSULAR_OFFICER, PWNI_HQ};

    /** The table: an operation that is not in it, or a row for one that no longer exists, fails the test. */
    static final AuthorizationMatrix MATRIX = AuthorizationMatrix.of("identity-service")
            .allow("POST /api/workers/registrations", FEEDERS)
            .allow("POST /api/workers/registrations/bulk", FEEDERS)
            .allow("POST /api/workers/search", FEEDERS)
            .allow("GET /api/workers/{id}", FEEDERS)
            .allow("GET /api/workers/{id}/placement", READERS)
            .allow("GET /api/workers/{id}/history", STEWARDS)
            .allow("POST /api/workers/{id}/unlink", STEWARDS)
            .allow("POST /api/workers/{id}/merge", STEWARDS)
            .allow("POST /api/workers/{id}/promotion", STEWARDS)
            .allow("GET /api/workers/provisional", STEWARDS)
            .allow("GET /api/workers/flagged", STEWARDS)
            .allow("GET /api/reviews", STEWARDS)
            .allow("POST /api/reviews/{id}/decision", STEWARDS)
            .allow("GET /api/matching/rules", P2MI_OFFICER, PWNI_HQ, PLATFORM_ADMIN, SECURITY_AUDITOR)
            .allow("POST /api/matching/runs", STEWARDS);

    @Inject
    DataSource dataSource;

    @Override
    protected AuthorizationMatrix matrix() {
        return MATRIX;
    }

    @Override
    protected AuthorizationMatrix.DeniedEvents deniedEvents() {
        return AuthorizationMatrix.inOutbox(dataSource);
    }

    @Override
    protected Map<String, Set<String>> serverOwnedFieldsTaken() {
        return Map.of();
    }
}
