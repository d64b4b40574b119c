package id.sinergi.identity.passport;

/**
 * What {@link PassportCheck} found, each code stable for clients. A {@link Severity#REJECT} finding refuses the
 * passport; a {@link Severity#FLAG} finding keeps it and marks the record for a look, because the fact is real
 * (an old passport) or the rule cannot be exact (names transliterated differently).
 */
public enum PassportFindingCode {
    PASSPORT_NUMBER_MISSING(Severity.REJECT),
    /** Not 1 to 9 characters of A-Z and 0-9. */
    PASSPORT_NUMBER_INVALID(Severity.REJECT),
    ISSUING_STATE_MISSING(Severity.REJECT),
    /** No code of ICAO or ISO 3166-1 alpha-3 (the specimen state only when specimens are allowed). */
    ISSUING_STATE_UNKNOWN(Severity.REJECT),
    /** More than {@value Td3Mrz#MAX_EXPIRY_YEARS_AHEAD} years ahead, which no passport runs. */
    EXPIRY_DATE_TOO_FAR_AHEAD(Severity.REJECT),
    /** The expiry date is past: the passport is on record, and the worker may need a new one. */
    PASSPORT_EXPIRED(Severity.FLAG),

    // The zone's own rules, one for each MrzErrorCode.
    MRZ_WRONG_LINE_COUNT(Severity.REJECT),
    MRZ_WRONG_LENGTH(Severity.REJECT),
    MRZ_INVALID_CHARACTER(Severity.REJECT),
    MRZ_NOT_A_PASSPORT(Severity.REJECT),
    MRZ_UNKNOWN_STATE(Severity.REJECT),
    MRZ_INVALID_NAME(Severity.REJECT),
    MRZ_INVALID_DOCUMENT_NUMBER(Severity.REJECT),
    MRZ_INVALID_DATE(Severity.REJECT),
    MRZ_INVALID_SEX(Severity.REJECT),
    MRZ_BAD_CHECK_DIGIT_DOCUMENT_NUMBER(Severity.REJECT),
    MRZ_BAD_CHECK_DIGIT_BIRTH_DATE(Severity.REJECT),
    MRZ_BAD_CHECK_DIGIT_EXPIRY_DATE(Severity.REJECT),
    MRZ_BAD_CHECK_DIGIT_OPTIONAL_DATA(Severity.REJECT),
    MRZ_BAD_CHECK_DIGIT_COMPOSITE(Severity.REJECT),

    // The zone against the typed fields and the worker's record.
    MRZ_NUMBER_MISMATCH(Severity.REJECT),
    MRZ_ISSUING_STATE_MISMATCH(Severity.REJECT),
    MRZ_EXPIRY_DATE_MISMATCH(Severity.REJECT),
    MRZ_BIRTH_DATE_MISMATCH(Severity.REJECT),
    MRZ_SEX_MISMATCH(Severity.REJECT),
    /** The zone's names are not the record's full name, even in another order: often only transliteration. */
    MRZ_NAME_DIFFERS(Severity.FLAG);

    /** Whether a finding refuses the passport or only marks the record. */
    public enum Severity {
        REJECT,
        FLAG
    }

    private final Severity severity;

    PassportFindingCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The finding that reports a rule of the zone itself. */
    public static PassportFindingCode ofMrz(MrzErrorCode code) {
        return valueOf("MRZ_" + code.name());
    }
}
