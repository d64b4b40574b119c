package id.sinergi.consent.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a decision request.
 *
 * @param decision PERMIT or DENY
 * @param basis the lawful basis a permit rests on (UU 27/2022 Pasal 20); here always CONSENT
 * @param reason a stable code: GRANT_IN_FORCE, NO_GRANT, GRANT_REVOKED, GRANT_EXPIRED, GRANT_NOT_YET_VALID,
 *     PURPOSE_NOT_COVERED or CATEGORY_NOT_COVERED
 * @param grantId the grant that decided, when one did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ConsentDecision")
public record Decision(Outcome decision, String basis, String reason, UUID grantId) {

    /** Permit or deny. */
    public enum Outcome {
        PERMIT,
        DENY
    }

    static Decision permit(UUID grantId) {
        return new Decision(Outcome.PERMIT, "CONSENT", "GRANT_IN_FORCE", grantId);
    }

    static Decision deny(String reason, UUID grantId) {
        return new Decision(Outcome.DENY, null, reason, grantId);
    }
}
