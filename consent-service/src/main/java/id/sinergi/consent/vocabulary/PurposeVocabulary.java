package id.sinergi.consent.vocabulary;

import static id.sinergi.common.consent.DataCategory.CASE_DETAILS;
import static id.sinergi.common.consent.DataCategory.CONTACT;
import static id.sinergi.common.consent.DataCategory.HEALTH;
import static id.sinergi.common.consent.DataCategory.IDENTITY;
import static id.sinergi.common.consent.DataCategory.PLACEMENT;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lawful basis of every purpose; docs/consent.md explains each choice. */
public final class PurposeVocabulary {

    private static final Set<Agency> BOTH = Set.of(Agency.KEMENP2MI, Agency.KEMLU);

    private static final Map<Purpose, PurposeRule> RULES = new EnumMap<>(Purpose.class);

    static {
        add(new PurposeRule(
                Purpose.PROTECTION_CASE_HANDLING,
                LawfulBasis.PUBLIC_TASK,
                "UU 18/2017 (pelindungan selama bekerja, bantuan kekonsuleran); UU 27/2022 Pasal 20 ayat (2) huruf e",
                BOTH,
                Set.of(IDENTITY, CONTACT, CASE_DETAILS),
                Set.of(PLACEMENT, HEALTH),
                true));
        add(new PurposeRule(
                Purpose.REPATRIATION,
                LawfulBasis.LEGAL_OBLIGATION,
                "UU 18/2017 (fasilitasi pemulangan); UU 27/2022 Pasal 20 ayat (2) huruf c",
                BOTH,
                Set.of(IDENTITY, CONTACT),
                Set.of(PLACEMENT, CASE_DETAILS, HEALTH),
                true));
        add(consentOnly(Purpose.INSURANCE_CLAIM, BOTH, Set.of(IDENTITY, CONTACT, PLACEMENT, CASE_DETAILS, HEALTH)));
        add(consentOnly(Purpose.STATISTICS, BOTH, Set.of(IDENTITY, CONTACT, PLACEMENT, CASE_DETAILS)));
        add(new PurposeRule(
                Purpose.PLACEMENT_SERVICE,
                LawfulBasis.CONTRACT,
                "perjanjian penempatan (UU 18/2017); UU 27/2022 Pasal 20 ayat (2) huruf b",
                Set.of(Agency.KEMENP2MI),
                Set.of(IDENTITY, CONTACT, PLACEMENT),
                Set.of(),
                false));
        add(new PurposeRule(
                Purpose.BREACH_NOTIFICATION,
                LawfulBasis.LEGAL_OBLIGATION,
                "UU 27/2022 Pasal 46 and Pasal 20 ayat (2) huruf c",
                BOTH,
                Set.of(IDENTITY, CONTACT),
                Set.of(),
                false));
        add(new PurposeRule(
                Purpose.FRAUD_PREVENTION,
                LawfulBasis.LEGITIMATE_INTEREST,
                "UU 27/2022 Pasal 20 ayat (2) huruf f, after a balancing test",
                BOTH,
                Set.of(IDENTITY),
                Set.of(),
                false));
        add(consentOnly(Purpose.REINTEGRATION, Set.of(Agency.KEMENP2MI), Set.of(IDENTITY, CONTACT, PLACEMENT)));
        if (RULES.size() != Purpose.values().length) {
            throw new IllegalStateException("a purpose has no lawful basis: " + Arrays.toString(Purpose.values()));
        }
    }

    private PurposeVocabulary() {}

    private static PurposeRule consentOnly(Purpose purpose, Set<Agency> agencies, Set<DataCategory> categories) {
        return new PurposeRule(
                purpose, LawfulBasis.CONSENT, Vocabularies.CONSENT_REFERENCE, agencies, Set.of(), categories, false);
    }

    private static void add(PurposeRule rule) {
        RULES.put(rule.purpose(), rule);
    }

    public static PurposeRule rule(Purpose purpose) {
        return RULES.get(purpose);
    }

    /** Every rule, in the order of {@link Purpose}. */
    public static List<PurposeRule> all() {
        return List.copyOf(RULES.values());
    }
}
