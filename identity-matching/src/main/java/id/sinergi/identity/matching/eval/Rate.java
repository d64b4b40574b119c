package id.sinergi.identity.matching.eval;

import java.util.Arrays;

/** One configurable probability of the labelled-data generator, with its kebab-case key and default. */
public enum Rate {
    IN_BOTH("in-both", 0.60, "persons found in both exports"),
    ONLY_PEDULI("only-peduli", 0.15, "persons only in PEDULI_WNI (the rest are only in SISKOP2MI)"),
    RE_REGISTRATION("re-registration", 0.03, "persons registered twice in one export, with a new passport"),
    TWINS("twins", 0.01, "persons who get a twin: same surname, sex, birth date, place and district, other given name"),
    RELATIVES("relatives", 0.02, "persons who get a relative with the same surname, birth date and birth place"),
    SINGLE_NAME("single-name", 0.25, "Javanese, Sundanese, Muslim and modern-named persons with one name only"),
    MUHAMMAD("muhammad", 0.15, "Javanese, Sundanese and Muslim men whose name starts with Muhammad"),
    SITI("siti", 0.15, "Javanese, Sundanese and Muslim women whose name starts with Siti"),
    TITLED("titled", 0.04, "persons whose first record carries a title (H., Hj., S.Pd. ...)"),
    WITH_FATHER("with-father", 0.03, "Muslim-named persons whose first record carries bin/binti and the father's name"),
    RETIRED_DISTRICT("retired-district", 0.005, "persons whose NIK carries a district code retired in 2022"),
    SISKOP_NIK_MISSING("siskop-nik-missing", 0.0, "SISKOP2MI records without NIK (identity-service refuses them)"),
    PEDULI_NIK_MISSING("peduli-nik-missing", 0.45, "PEDULI_WNI records without NIK"),
    PEDULI_PASSPORT_MISSING("peduli-passport-missing", 0.10, "PEDULI_WNI records with a NIK but no passport"),
    PEDULI_BIRTH_PLACE_MISSING("peduli-birth-place-missing", 0.20, "PEDULI_WNI records without birth place"),
    PEDULI_CASE("peduli-case", 0.20, "PEDULI_WNI names typed all upper or all lower case"),
    MONONYM_REPEATED("mononym-repeated", 0.30, "PEDULI_WNI single names written twice, as foreign documents do"),
    NAME_TYPO("name-typo", 0.08, "repeat records with one wrong, missing or extra letter in the name"),
    NAME_TRANSPOSITION("name-transposition", 0.04, "repeat records with two adjacent letters of the name swapped"),
    SPELLING_VARIANT(
            "spelling-variant",
            0.15,
            "repeat records with another spelling of one name (Muhammad forms, old "
                    + "spelling oe/dj/tj/j/ch/sj, Arabic-origin variants)"),
    TITLE("title", 0.06, "repeat records where a title is added or dropped"),
    BIN_BINTI(
            "bin-binti",
            0.05,
            "repeat records of Muslim-named persons where bin/binti and the father's name come or go"),
    NAME_SWAP("name-swap", 0.04, "repeat records with the family name put first"),
    BIRTH_PLACE_MISSING("birth-place-missing", 0.05, "repeat records without birth place"),
    BIRTH_PLACE_VARIANT("birth-place-variant", 0.15, "repeat records writing the birth place another way"),
    DAY_MONTH_SWAP("day-month-swap", 0.03, "repeat records with day and month of the birth date swapped"),
    DATE_TYPO("date-typo", 0.03, "repeat records with one wrong digit in the birth date"),
    NIK_TYPO("nik-typo", 0.02, "repeat records with one wrong digit in the NIK"),
    NEW_PASSPORT("new-passport", 0.25, "repeat records in the other export showing a renewed passport");

    private final String key;
    private final double defaultValue;
    private final String description;

    Rate(String key, double defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The rate named by a kebab-case key; an unknown key is a mistake worth stopping for. */
    public static Rate byKey(String key) {
        return Arrays.stream(values())
                .filter(r -> r.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown generator rate: " + key));
    }
}
