package id.sinergi.identity.matching.eval;

/** What the generator did to a record on purpose, written beside it so that every error can be traced to a cause. */
public enum Noise {
    NIK_MISSING,
    NIK_TYPO,
    PASSPORT_MISSING,
    NEW_PASSPORT,
    NAME_TYPO,
    NAME_TRANSPOSITION,
    SPELLING_VARIANT,
    TITLE_ADDED,
    TITLE_DROPPED,
    BIN_BINTI_ADDED,
    BIN_BINTI_DROPPED,
    NAME_SWAPPED,
    MONONYM_REPEATED,
    NAME_CASE,
    BIRTH_PLACE_MISSING,
    BIRTH_PLACE_VARIANT,
    DAY_MONTH_SWAPPED,
    DATE_TYPO,
    /** The person's NIK carries a district code of an older edition. */
    RETIRED_DISTRICT,
    /** The person is the twin of another: a hard negative. */
    TWIN,
    /** The person shares surname, birth date and birth place with a relative: a hard negative. */
    RELATIVE
}
