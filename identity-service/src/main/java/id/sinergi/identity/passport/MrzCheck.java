package id.sinergi.identity.passport;

/** The five check digits of a TD3 zone, each with the error its failure raises. */
public enum MrzCheck {
    DOCUMENT_NUMBER(MrzField.DOCUMENT_NUMBER_CHECK_DIGIT, MrzErrorCode.BAD_CHECK_DIGIT_DOCUMENT_NUMBER),
    BIRTH_DATE(MrzField.BIRTH_DATE_CHECK_DIGIT, MrzErrorCode.BAD_CHECK_DIGIT_BIRTH_DATE),
    EXPIRY_DATE(MrzField.EXPIRY_DATE_CHECK_DIGIT, MrzErrorCode.BAD_CHECK_DIGIT_EXPIRY_DATE),
    OPTIONAL_DATA(MrzField.OPTIONAL_DATA_CHECK_DIGIT, MrzErrorCode.BAD_CHECK_DIGIT_OPTIONAL_DATA),
    COMPOSITE(MrzField.COMPOSITE_CHECK_DIGIT, MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);

    private final MrzField position;
    private final MrzErrorCode failure;

    MrzCheck(MrzField position, MrzErrorCode failure) {
        this.position = position;
        this.failure = failure;
    }

    /** Where the digit is printed. */
    public MrzField position() {
        return position;
    }

    /** The error raised when the printed digit is not the computed one. */
    public MrzErrorCode failure() {
        return failure;
    }
}
