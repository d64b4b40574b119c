package id.sinergi.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

/** Which claims each role requires of a verified token ({@link RequiredClaims#missingClaim}). */
class RequiredClaimsTest {

    private static JsonWebToken token(Map<String, String> claims) {
        JwtClaims jwt = new JwtClaims();
        jwt.setSubject("3f0c2a4e-0000-4000-8000-000000000001");
        claims.forEach(jwt::setClaim);
        return new DefaultJWTCallerPrincipal(jwt);
    }

    @Test
    void consularOfficerNeedsAgencyAndMission() {
        Set<String> roles = Set.of(Roles.CONSULAR_OFFICER);

        assertThat(RequiredClaims.missingClaim(roles, token(Map.of("agency", "KEMLU", "mission", "KBRI-KUALALUMPUR"))))
                .isEmpty();
        assertThat(RequiredClaims.missingClaim(roles, token(Map.of("agency", "KEMLU"))))
                .contains("mission");
        assertThat(RequiredClaims.missingClaim(roles, token(Map.of("agency", "KEMLU", "mission", " "))))
                .contains("mission");
        assertThat(RequiredClaims.missingClaim(roles, token(Map.of("mission", "KBRI-KUALALUMPUR"))))
                .contains("agency");
    }

    @Test
    void officersAtHomeNeedAnAgencyButNoMission() {
        for (String role : Set.of(Roles.P2MI_OFFICER, Roles.PWNI_HQ, Roles.SECURITY_AUDITOR, Roles.SINERGI_SERVICE)) {
            assertThat(RequiredClaims.missingClaim(Set.of(role), token(Map.of("agency", "KEMENP2MI"))))
                    .as(role)
                    .isEmpty();
            assertThat(RequiredClaims.missingClaim(Set.of(role), token(Map.of())))
                    .as(role)
                    .contains("agency");
        }
    }

    @Test
    void anAgencyOutsideTheTwoMinistriesCountsAsMissing() {
        assertThat(RequiredClaims.missingClaim(Set.of(Roles.PWNI_HQ), token(Map.of("agency", "kemlu"))))
                .contains("agency");
    }

    @Test
    void aTokenWithoutSinergiRolesNeedsNoClaim() {
        assertThat(RequiredClaims.missingClaim(Set.of("default-roles-sinergi", "offline_access"), token(Map.of())))
                .isEmpty();
    }
}
