package id.sinergi.cases.reference;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A category of protection case, as the ministries' published figures use it.
 *
 * @param code e.g. {@code GAJI_TIDAK_DIBAYAR}
 * @param termId the Indonesian term, e.g. {@code Gaji tidak dibayar}
 * @param glossEn the English gloss
 * @param usedIn which ministry's statistics use the category, and how
 * @param sourceUrl the public report the category was taken from
 */
@Schema(name = "CaseCategory")
public record CaseCategory(String code, String termId, String glossEn, String usedIn, String sourceUrl) {

    /** The category as a case shows it. */
    public Term term() {
        return new Term(code, termId, glossEn);
    }
}
