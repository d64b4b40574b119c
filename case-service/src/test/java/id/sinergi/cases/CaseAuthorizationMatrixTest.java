package id.sinergi.cases;

import static id.sinergi.common.security.Roles.CONSULAR_OFFICER;
import static id.sinergi.common.security.Roles.P2MI_OFFICER;
import static id.sinergi.common.security.Roles.PROTECTION_SUPERVISOR;
import static id.sinergi.common.security.Roles.PWNI_HQ;
import static id.sinergi.common.security.Roles.SOURCE_CONNECTOR;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.AuthorizationMatrix;
import id.sinergi.devstack.testing.AuthorizationMatrixTests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Who may call which case-service operation (function level), checked on every operation of the OpenAPI document
 * with the realm's demo accounts; object level (a case out of the caller's sight answers 404 and is audited) is
 * swept on every operation that names a case by {@link CaseScopeTest} through {@link CaseCalls}, which this test
 * holds complete.
 */
@QuarkusTest
@CaseTestResource
class CaseAuthorizationMatrixTest extends AuthorizationMatrixTests {

    private static final String[] OFFICERS = {CONSULAR_OFFICER, PWNI_HQ, P2MI_OFFICER};

    /** The table: an operation that is not in it, or a row for one that no longer exists, fails the test. */
    static final AuthorizationMatrix MATRIX = AuthorizationMatrix.of("case-service")
            .allow("POST /api/cases", SOURCE_CONNECTOR, CONSULAR_OFFICER, PWNI_HQ, P2MI_OFFICER)
            .allow("GET /api/cases", OFFICERS)
            .allow("GET /api/cases/{id}", OFFICERS)
            .allow("GET /api/cases/breaches", OFFICERS)
            .allow("GET /api/case-statistics", OFFICERS)
            .allow("POST /api/cases/{id}/triage", OFFICERS)
            .allow("POST /api/cases/{id}/transitions", OFFICERS)
            .allow("POST /api/cases/{id}/closure-requests", OFFICERS)
            .allow("GET /api/cases/{id}/closure-requests", OFFICERS)
            .allow("GET /api/cases/{id}/closure-requests/{requestId}", OFFICERS)
            .allow("POST /api/cases/{id}/closure-requests/{requestId}/decision", PROTECTION_SUPERVISOR, PWNI_HQ)
            .allow("POST /api/cases/{id}/lead", OFFICERS)
            .allow("POST /api/cases/{id}/referrals", OFFICERS)
            .allow("GET /api/cases/{id}/referrals", OFFICERS)
            .allow("GET /api/cases/{id}/referrals/{referralId}", OFFICERS)
            .allow("POST /api/cases/{id}/referrals/{referralId}/decision", OFFICERS)
            .allow("POST /api/cases/{id}/outcomes", OFFICERS)
            .allow("GET /api/cases/{id}/outcomes", OFFICERS)
            .allow("GET /api/cases/{id}/outcomes/{outcomeId}", OFFICERS)
            .allow("POST /api/cases/{id}/vital-interest", CONSULAR_OFFICER)
            .allow("POST /api/cases/{id}/vital-interest/renewal", CONSULAR_OFFICER)
            .allow("GET /api/cases/{id}/export", OFFICERS)
            .allow("GET /api/cases/export", OFFICERS)
            .anyCaller("GET /api/reference/missions")
            .anyCaller("GET /api/reference/case-categories");

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
     * The mission a case is reported for, handed to or referred to is the caller's to name: case-service checks it
     * against the token's mission (403 {@code other-mission}, {@link CaseScopeTest}) or, for a referral, the case's
     * own (409 {@code other-mission}, docs/cases.md); a hand-over names the agency that takes the lead.
     */
    @Override
    protected Map<String, Set<String>> serverOwnedFieldsTaken() {
        return Map.of(
                "POST /api/cases", Set.of("missionId"),
                "POST /api/cases/{id}/lead", Set.of("agency", "missionId"),
                "POST /api/cases/{id}/referrals", Set.of("missionId"));
    }

    @Test
    void shouldSweepEveryOperationThatNamesACaseInTheScopeTestsCalls() {
        Set<String> namingACase = AuthorizationMatrix.documentedOperations().stream()
                .filter(o -> o.contains("/api/cases/{id}"))
                .map(o -> o.replaceAll("\\{[^}]+}", "{}"))
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> swept = Arrays.stream(CaseCalls.values())
                .map(CaseCalls::operation)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(swept).isEqualTo(namingACase);
    }
}
