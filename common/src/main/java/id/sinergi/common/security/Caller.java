package id.sinergi.common.security;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the verified access token says: the Keycloak subject, the user name, the agency and, for
 * consular officers, the mission. Services take scope decisions and audit actors from here only.
 */
@RequestScoped
public class Caller {

    /** Claim naming the caller's ministry. */
    public static final String AGENCY_CLAIM = "agency";

    /** Claim naming a consular officer's mission, e.g. {@code KBRI-KUALALUMPUR}. */
    public static final String MISSION_CLAIM = "mission";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    public String username() {
        String name = token.getClaim("preferred_username");
        return name == null ? subject() : name;
    }

    /** The OAuth client the token was issued to ({@code azp}). */
    public String clientId() {
        return token.getClaim("azp");
    }

    public Optional<Agency> agency() {
        String value = token.getClaim(AGENCY_CLAIM);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Agency.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The agency, or 403 when the token carries none. A token with a Sinergi role and no agency never gets here
     * ({@link RequiredClaims} refuses it with 401); this guards callers with Keycloak's default roles only.
     */
    public Agency requireAgency() {
        return agency().orElseThrow(() -> ProblemException.forbidden(
                "missing-agency", "No agency in token", "The access token carries no valid 'agency' claim"));
    }

    public Optional<String> mission() {
        return Optional.ofNullable(token.<String>getClaim(MISSION_CLAIM)).filter(m -> !m.isBlank());
    }

    /**
     * The consular officer's mission, or 403 when the token carries none. A consular officer's token without one
     * never gets here ({@link RequiredClaims} refuses it with 401); this guards callers of other roles.
     */
    public String requireMission() {
        return mission()
                .orElseThrow(() -> ProblemException.forbidden(
                        "missing-mission",
                        "No mission in token",
                        "A consular officer's token must carry a 'mission' claim"));
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** The raw access token, for calls made on the caller's behalf; never log it. */
    public String rawToken() {
        return token.getRawToken();
    }

    /** The caller as an audit event names them. */
    public AuditActor actor() {
        return new AuditActor(
                subject(),
                username(),
                agency().map(Enum::name).orElse(null),
                mission().orElse(null),
                clientId(),
                identity.getRoles().stream().sorted().toList());
    }
}
