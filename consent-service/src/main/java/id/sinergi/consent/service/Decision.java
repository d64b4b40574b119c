package id.sinergi.consent.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a decision request. The first four fields are the answer for a single category as it has always
 * been; the others say what was decided for each asked category.
 *
 * @param decision PERMIT when at least one asked category is permitted, else DENY
 * @param basis the lawful basis of the permitted categories (UU 27/2022 Pasal 20), when they share one
 * @param reason a stable code: on PERMIT GRANT_IN_FORCE, LAWFUL_BASIS, VITAL_INTEREST_IN_FORCE or
 *     SEVERAL_BASES (see categories); on DENY the
 *     reason of the first denied category (NO_GRANT, GRANT_REVOKED, GRANT_EXPIRED, GRANT_PAUSED, GRANT_PENDING,
 *     GRANT_REJECTED, GRANT_NOT_YET_VALID, PURPOSE_NOT_COVERED, CATEGORY_NOT_COVERED, CATEGORY_NOT_IN_PURPOSE,
 *     PURPOSE_NOT_FOR_AGENCY)
 * @param grantId the grant that decided, when exactly one did (or, on DENY, the grant that no longer covers)
 * @param vitalInterestId the vital-interest authorisation that decided, when one did
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ConsentDecision")
public record Decision(
        Outcome decision,
        LawfulBasis basis,
        String reason,
        UUID grantId,
        UUID vitalInterestId,
        List<DataCategory> permittedCategories,
        List<DataCategory> deniedCategories,
        List<CategoryDecision> categories) {

    /** Permit or deny. */
    public enum Outcome {
        PERMIT,
        DENY
    }

    public boolean permits() {
        return decision == Outcome.PERMIT;
    }

    /** What was decided for one category, on which basis, with which grant or authorisation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ConsentCategoryDecision")
    public record CategoryDecision(
            DataCategory category,
            Outcome decision,
            LawfulBasis basis,
            String reason,
            UUID grantId,
            UUID vitalInterestId) {

        static CategoryDecision permit(DataCategory c, LawfulBasis basis, String reason, UUID grant, UUID vital) {
            return new CategoryDecision(c, Outcome.PERMIT, basis, reason, grant, vital);
        }

        static CategoryDecision deny(DataCategory c, String reason, UUID grant) {
            return new CategoryDecision(c, Outcome.DENY, null, reason, grant, null);
        }

        boolean permits() {
            return decision == Outcome.PERMIT;
        }
    }
}
