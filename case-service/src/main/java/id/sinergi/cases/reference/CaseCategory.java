package id.sinergi.cases.reference;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.sinergi.cases.domain.Desk;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.consent.CriticalCaseCategory;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A category of protection case, as the ministries' published figures use it.
 *
 * @param code e.g. {@code GAJI_TIDAK_DIBAYAR}
 * @param termId the Indonesian term, e.g. {@code Gaji tidak dibayar}
 * @param glossEn the English gloss
 * @param usedIn which ministry's statistics use the category, and how
 * @param sourceUrl the public report the category was taken from
 * @param vitalInterestCategory the critical category a case of this category counts as for a vital-interest
 *     authorisation, or null when a case of this category cannot have one
 * @param defaultPriority the priority a new case of this category gets; triage may raise it
 * @param routing the desk a new case of this category goes to first
 */
@Schema(name = "CaseCategory")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseCategory(
        String code,
        String termId,
        String glossEn,
        String usedIn,
        String sourceUrl,
        @Schema(description = "Set when a consular officer may invoke vital interest for a case of this category")
                CriticalCaseCategory vitalInterestCategory,
        Priority defaultPriority,
        Desk routing) {

    public CaseCategory {
        if (vitalInterestCategory != null && defaultPriority != Priority.CRITICAL) {
            throw new IllegalStateException(
                    "category " + code + " counts as " + vitalInterestCategory + " and must be CRITICAL by default");
        }
    }

    /** The category as a case shows it. */
    public Term term() {
        return new Term(code, termId, glossEn);
    }

    /** The critical category of consent-service's vital-interest rules, when this category is one. */
    public Optional<CriticalCaseCategory> critical() {
        return Optional.ofNullable(vitalInterestCategory);
    }
}
