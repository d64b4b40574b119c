package id.sinergi.consent.vocabulary;

import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.domain.DataCategory;
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

    public boolean usableBy(Agency agency) {
        return agencies.contains(agency);
    }
}
