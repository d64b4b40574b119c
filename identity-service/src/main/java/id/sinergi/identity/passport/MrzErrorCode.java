package id.sinergi.identity.passport;

/** Why a machine-readable zone was refused; each code is stable and names one rule of ICAO Doc 9303 TD3. */
public enum MrzErrorCode {
    /** Not two lines (three lines of 30 is a TD1 identity card, two of 36 a TD2 document). */
    WRONG_LINE_COUNT,
    /** A line is not 44 characters long. */
    WRONG_LENGTH,
    /** A character outside A-Z, 0-9 and '<'; lower case is reported, never silently upper-cased. */
    INVALID_CHARACTER,
    /** The document code does not start with P, or its second character is a digit. */
    NOT_A_PASSPORT,
    /** The issuing state or the nationality is no code that ICAO or ISO 3166-1 knows. */
    UNKNOWN_STATE,
    /** The name field is empty or holds digits. */
    INVALID_NAME,
    /** The document number is empty or has a filler between its characters. */
    INVALID_DOCUMENT_NUMBER,
    /** The birth or expiry date is not numeric YYMMDD or names no real day (29 February outside a leap year). */
    INVALID_DATE,
    /** The sex is not M, F, X or '<'. */
    INVALID_SEX,
    BAD_CHECK_DIGIT_DOCUMENT_NUMBER,
    BAD_CHECK_DIGIT_BIRTH_DATE,
    BAD_CHECK_DIGIT_EXPIRY_DATE,
    BAD_CHECK_DIGIT_OPTIONAL_DATA,
    /** The digit over document number, birth date, expiry date and optional data with their own digits. */
    BAD_CHECK_DIGIT_COMPOSITE
}
