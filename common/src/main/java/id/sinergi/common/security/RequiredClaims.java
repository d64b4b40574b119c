package id.sinergi.common.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Refuses, at authentication, a verified token that lacks a claim its roles require, so that no service meets a
 * caller it cannot scope: every Sinergi role needs an {@code agency} claim naming one of the two ministries
 * ({@link Agency}), and a consular officer also a {@code mission}. KemenP2MI's officers, PWNI headquarters and the
 * security and platform teams work for every mission and carry none. A token with only Keycloak's default roles
 * passes: every endpoint refuses it with 403 for its role.
 *
 * <p>A refusal is an {@link AuthenticationFailedException} caused by a {@link MissingClaimException}: 401 with a
 * problem body naming the claim, logged as a security denial.
 */
@ApplicationScoped
public class RequiredClaims implements SecurityIdentityAugmentor {

    /** The realm roles that act on Sinergi's data or logs, each of which needs an agency. */
    static final Set<String> SINERGI_ROLES = Set.of(
            Roles.P2MI_OFFICER,
            Roles.CONSULAR_OFFICER,
            Roles.PWNI_HQ,
            Roles.PROTECTION_SUPERVISOR,
            Roles.SECURITY_AUDITOR,
            Roles.PLATFORM_ADMIN,
            Roles.SOURCE_CONNECTOR,
            Roles.SINERGI_SERVICE,
            Roles.AUDIT_WITNESS);

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<String> missing = missingClaim(identity.getRoles(), token);
        if (missing.isPresent()) {
            return Uni.createFrom()
                    .failure(new AuthenticationFailedException(
                            new MissingClaimException(missing.get(), token.getSubject())));
        }
        return Uni.createFrom().item(identity);
    }

    /** The first claim the token's roles require and it lacks (or carries blank or unknown), if any. */
    static Optional<String> missingClaim(Set<String> roles, JsonWebToken token) {
        if (roles.stream().anyMatch(SINERGI_ROLES::contains) && !Agency.isAgency(token.getClaim(Caller.AGENCY_CLAIM))) {
            return Optional.of(Caller.AGENCY_CLAIM);
        }
        if (roles.contains(Roles.CONSULAR_OFFICER) && isBlank(token.getClaim(Caller.MISSION_CLAIM))) {
            return Optional.of(Caller.MISSION_CLAIM);
        }
        return Optional.empty();
    }

    private static boolean isBlank(Object claim) {
        return !(claim instanceof String value) || value.isBlank();
    }
}
