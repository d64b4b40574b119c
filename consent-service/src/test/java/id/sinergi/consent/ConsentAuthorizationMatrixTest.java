package id.sinergi.consent;

import static id.sinergi.common.security.Roles.CONSULAR_OFFICER;
import static id.sinergi.common.security.Roles.P2MI_OFFICER;
import static id.sinergi.common.security.Roles.PWNI_HQ;
import static id.sinergi.common.security.Roles.SECURITY_AUDITOR;
import static id.sinergi.common.security.Roles.SINERGI_SERVICE;
import static id.sinergi.common.security.Roles.SOURCE_CONNECTOR;

import id.sinergi.devstack.testing.AuthorizationMatrix;
import id.sinergi.devstack.testing.AuthorizationMatrixTests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Who may call which consent-service operation (function level), checked on every operation of the OpenAPI
 * document with the realm's demo accounts. Grants have no object scope by mission: any officer of either ministry
 * may read a worker's grants ({@link ConsentResourceTest}); vital interest is accepted from case-service's account
 * alone ({@link VitalInterestTest}).
 */
@QuarkusTest
@ConsentTestResource
class ConsentAuthorizationMatrixTest extends AuthorizationMatrixTests {

    private static final String[] OFFICERS = {P2MI_OFFICER, CONSULAR_OFFICER, PWNI_HQ};

    private static final String[] RECORDERS = {P2MI_OFFICER, CONSULAR_OFFICER, PWNI_HQ, SOURCE_CONNECTOR};

    private static final String[] DECIDERS = {P2MI_OFFICER, CONSULAR_OFFICER, PWNI_HQ, SINERGI_SERVICE};

    /** The table: an operation that is not in it, or a row for one that no longer exists, fails the test. */
    static final AuthorizationMatrix MATRIX = AuthorizationMatrix.of("consent-service")
            .allow("POST /api/consents", RECORDERS)
            .allow("GET /api/consents", OFFICERS)
            .allow("GET /api/consents/{id}", OFFICERS)
            .allow("GET /api/consents/{id}/history", RECORDERS)
            .allow("GET /api/consents/{id}/holders", RECORDERS)
            .allow("GET /api/consents/{id}/receipt", RECORDERS)
            .allow("GET /api/consents/{id}/fhir", RECORDERS)
            .allow("POST /api/consents/{id}/revocation", RECORDERS)
            .allow("POST /api/consents/{id}/transitions", RECORDERS)
            .allow("GET /api/workers/{id}/consents", RECORDERS)
            .allow("POST /api/consent-decisions", DECIDERS)
            .allow("POST /api/vital-interest", SINERGI_SERVICE)
            .allow("POST /api/vital-interest/{id}/renewal", SINERGI_SERVICE)
            .allow("GET /api/vital-interest", SECURITY_AUDITOR)
            .allow("POST /api/vital-interest/{id}/review", SECURITY_AUDITOR)
            .allow("GET /api/stop-notices", PWNI_HQ, SECURITY_AUDITOR)
            .allow("POST /api/stop-notices/{id}/confirmation", DECIDERS)
            .anyCaller("GET /api/purposes")
            .anyCaller("GET /api/consent-receipts/keys")
            .anyCaller("GET /api/caller");

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

    /**
     * A grant's status is the caller's to ask for, within rules: a new grant starts ACTIVE or PENDING (400
     * {@code initial-status} else, {@link GrantArtefactTest}); a transition asks for a status the lifecycle allows
     * ({@link GrantLifecycleTest}); EXPIRED is the clock's alone.
     */
    @Override
    protected Map<String, Set<String>> serverOwnedFieldsTaken() {
        return Map.of("POST /api/consents", Set.of("status"), "POST /api/consents/{id}/transitions", Set.of("status"));
    }
}
