package id.sinergi.identity.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/**
 * consent-service's answer.
 *
 * @param decision {@code PERMIT} or {@code DENY}
 * @param basis the lawful basis of a permit ({@code CONSENT})
 * @param reason a stable code such as {@code GRANT_IN_FORCE}, {@code NO_GRANT} or {@code GRANT_REVOKED}
 * @param grantId the grant that decided, when one did
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentDecision(String decision, String basis, String reason, UUID grantId) {

    public boolean permits() {
        return "PERMIT".equals(decision);
    }
}
