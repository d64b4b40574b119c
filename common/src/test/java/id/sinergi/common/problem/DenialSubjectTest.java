package id.sinergi.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class DenialSubjectTest {

    /** A verified token as OIDC hands it on: its principal name is the user name, its subject the Keycloak id. */
    record Token(Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return (String) claims.get("preferred_username");
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    @Test
    void shouldLogTheTokenSubjectAndNotTheUserName() {
        Token token =
                new Token(Map.of("sub", "5b0c6a4e-1d2f-4c1a-9d8e-0f3b2a1c4d5e", "preferred_username", "consul.kl"));
        QuarkusSecurityIdentity identity =
                QuarkusSecurityIdentity.builder().setPrincipal(token).build();

        assertThat(ProblemMappers.subjectOf(identity)).isEqualTo("5b0c6a4e-1d2f-4c1a-9d8e-0f3b2a1c4d5e");
    }

    @Test
    void shouldLogADashForAnAnonymousCallerOrAPrincipalWithoutSubject() {
        QuarkusSecurityIdentity anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        QuarkusSecurityIdentity noSubject = QuarkusSecurityIdentity.builder()
                .setPrincipal(new Token(Map.of("preferred_username", "consul.kl")))
                .build();

        assertThat(ProblemMappers.subjectOf(anonymous)).isEqualTo("-");
        assertThat(ProblemMappers.subjectOf(noSubject)).isEqualTo("-");
        assertThat(ProblemMappers.subjectOf(null)).isEqualTo("-");
    }
}
