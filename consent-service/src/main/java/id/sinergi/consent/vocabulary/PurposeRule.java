package id.sinergi.consent.vocabulary;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The lawful basis of one purpose: which agencies may use it, which data categories its own basis covers without
 * asking the worker, and which it may use only on the worker's consent (or, where {@code vitalInterest} holds, on
 * a vital-interest authorisation of a critical case). A category in neither set is outside the purpose.
 *
 * @param basis the purpose's own basis for {@code basisCategories}; {@code CONSENT} when consent is all it has
 * @param legalReference where the basis comes from, for people (check against the law's text before quoting)
 */
public record PurposeRule(
        Purpose purpose,
        LawfulBasis basis,
        String legalReference,
        Set<Agency> agencies,
        Set<DataCategory> basisCategories,
        Set<DataCategory> consentCategories,
        boolean vitalInterest) {

    public PurposeRule {
        agencies = Set.copyOf(agencies);
        basisCategories = Set.copyOf(basisCategories);
        consentCategories = Set.copyOf(consentCategories);
        if (basis == LawfulBasis.CONSENT && !basisCategories.isEmpty()) {
            throw new IllegalArgumentException(purpose + ": a consent purpose covers nothing without consent");
        }
    }

    /** Whether some category of this purpose needs the worker's consent. */
    public boolean consentRequired() {
        return !consentCategories.isEmpty();
    }

    /**
     * The lawful basis of each of a grant's categories under this purpose: consent for the categories consent is
     * asked for, the purpose's own basis for those it covers anyway; categories outside the purpose are left out.
     * Consent comes first; a basis without categories is not listed.
     */
    public Map<LawfulBasis, Set<DataCategory>> basesOf(Set<DataCategory> granted) {
        Map<LawfulBasis, Set<DataCategory>> bases = new LinkedHashMap<>();
        Set<DataCategory> byConsent = EnumSet.noneOf(DataCategory.class);
        Set<DataCategory> byOwnBasis = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : granted) {
            if (consentCategories.contains(category)) {
                byConsent.add(category);
            } else if (basisCategories.contains(category)) {
                byOwnBasis.add(category);
            }
        }
        if (!byConsent.isEmpty()) {
            bases.put(LawfulBasis.CONSENT, byConsent);
        }
        if (!byOwnBasis.isEmpty()) {
            bases.put(basis, byOwnBasis);
        }
        return bases;
    }

    /** Where a basis of this purpose comes from: the law's consent clause, or the purpose's own reference. */
    public String referenceOf(LawfulBasis lawfulBasis) {
        return lawfulBasis == LawfulBasis.CONSENT && basis != LawfulBasis.CONSENT
                ? Vocabularies.CONSENT_REFERENCE
                : legalReference;
    }

    public boolean usableBy(Agency agency) {
        return agencies.contains(agency);
    }
}
