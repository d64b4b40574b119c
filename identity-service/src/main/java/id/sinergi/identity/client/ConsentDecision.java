package id.sinergi.identity.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * consent-service's answer. Only the per-category part is read: the top-level fields sum it up, and identity-service
 * releases or withholds each category on its own. An answer naming a basis or category this service does not know
 * fails to read, which ends as "consent unavailable" (fail closed).
 *
 * @param decision {@code PERMIT} when at least one asked category is permitted, else {@code DENY}
 * @param categories what was decided for each asked category
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentDecision(String decision, List<CategoryDecision> categories) {

    /** The decision for one category, if the answer has one. */
    public Optional<CategoryDecision> category(DataCategory category) {
        return categories == null
                ? Optional.empty()
                : categories.stream().filter(c -> c.category() == category).findFirst();
    }

    /**
     * What was decided for one category.
     *
     * @param basis the lawful basis of a permit (UU 27/2022 Pasal 20)
     * @param reason a stable code such as {@code GRANT_IN_FORCE}, {@code LAWFUL_BASIS}, {@code NO_GRANT} or
     *     {@code GRANT_REVOKED}
     * @param grantId the grant that permitted, or on a deny the grant that no longer covers
     * @param vitalInterestId the vital-interest authorisation that permitted, when one did
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryDecision(
            DataCategory category,
            String decision,
            LawfulBasis basis,
            String reason,
            UUID grantId,
            UUID vitalInterestId) {

        public boolean permits() {
            return "PERMIT".equals(decision);
        }
    }
}
