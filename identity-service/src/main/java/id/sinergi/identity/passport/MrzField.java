package id.sinergi.identity.passport;

import java.util.List;

/** Where each field of a TD3 machine-readable zone sits: line and character positions, counted from 1. */
public enum MrzField {
    DOCUMENT_CODE(1, 1, 2, "document code"),
    ISSUING_STATE(1, 3, 5, "issuing state"),
    NAME(1, 6, 44, "name"),
    DOCUMENT_NUMBER(2, 1, 9, "document number"),
    DOCUMENT_NUMBER_CHECK_DIGIT(2, 10, 10, "document number check digit"),
    NATIONALITY(2, 11, 13, "nationality"),
    BIRTH_DATE(2, 14, 19, "birth date"),
    BIRTH_DATE_CHECK_DIGIT(2, 20, 20, "birth date check digit"),
    SEX(2, 21, 21, "sex"),
    EXPIRY_DATE(2, 22, 27, "expiry date"),
    EXPIRY_DATE_CHECK_DIGIT(2, 28, 28, "expiry date check digit"),
    OPTIONAL_DATA(2, 29, 42, "optional data"),
    OPTIONAL_DATA_CHECK_DIGIT(2, 43, 43, "optional data check digit"),
    COMPOSITE_CHECK_DIGIT(2, 44, 44, "composite check digit");

    private final int line;
    private final int first;
    private final int last;
    private final String label;

    MrzField(int line, int first, int last, String label) {
        this.line = line;
        this.first = first;
        this.last = last;
        this.label = label;
    }

    /** The line the field is on, counted from 1 as Doc 9303 does. */
    public int line() {
        return line;
    }

    /** The English name used in messages. */
    public String label() {
        return label;
    }

    /** The field's characters in a zone of the right shape. */
    String in(List<String> lines) {
        return lines.get(line - 1).substring(first - 1, last);
    }

    /** The field's first character in a zone of the right shape. */
    char charIn(List<String> lines) {
        return lines.get(line - 1).charAt(first - 1);
    }

    /** "birth date (line 2, positions 14-19)": where a reader finds the field on the document. */
    String where() {
        String positions = first == last ? "position " + first : "positions " + first + "-" + last;
        return label + " (line " + line + ", " + positions + ")";
    }
}
