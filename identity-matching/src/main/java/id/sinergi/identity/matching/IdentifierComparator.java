package id.sinergi.identity.matching;

import id.sinergi.identity.matching.MatchSettings.Weights;
import id.sinergi.identity.matching.name.Strings;
import java.util.Locale;

/**
 * Compares the identifiers: NIK (16 digits for life) and passport number (renewed every few years).
 *
 * <p>Explanations say how the numbers differ, never what they are.
 */
public final class IdentifierComparator {

    static final String NIK = "nik";
    static final String PASSPORT = "passport";

    /** Digits 1-12 are region and birth date; the serial that follows tells apart people born there that day. */
    private static final int NIK_SERIAL_START = 12;

    private IdentifierComparator() {}

    /** The field score of two NIKs. */
    public static FieldScore compareNik(String a, String b, Weights w) {
        String x = digits(a);
        String y = digits(b);
        if (x.isEmpty() || y.isEmpty()) {
            return new FieldScore(NIK, Agreement.MISSING, 0, "NIK missing on one side");
        }
        if (x.equals(y)) {
            return new FieldScore(NIK, Agreement.AGREE, w.nikAgree(), "NIKs agree");
        }
        if (sameExceptSerial(x, y)) {
            // Twins and siblings born the same day in one district differ exactly here, so this proves little.
            return new FieldScore(NIK, Agreement.PARTIAL, w.nikSerial(), "NIKs differ only in the serial number");
        }
        if (Strings.hamming(x, y) == 1) {
            return new FieldScore(NIK, Agreement.PARTIAL, w.nikOneDigit(), "NIKs differ in one digit");
        }
        if (Strings.adjacentTransposition(x, y)) {
            return new FieldScore(NIK, Agreement.PARTIAL, w.nikOneDigit(), "two adjacent NIK digits transposed");
        }
        return new FieldScore(NIK, Agreement.CONFLICT, w.nikConflict(), "NIKs differ");
    }

    /** The field score of two passport numbers. */
    public static FieldScore comparePassport(String a, String b, Weights w) {
        String x = alphanumeric(a);
        String y = alphanumeric(b);
        if (x.isEmpty() || y.isEmpty()) {
            return new FieldScore(PASSPORT, Agreement.MISSING, 0, "passport number missing on one side");
        }
        if (x.equals(y)) {
            return new FieldScore(PASSPORT, Agreement.AGREE, w.passportAgree(), "passport numbers agree");
        }
        if (Strings.editDistance(x, y) == 1) {
            return new FieldScore(
                    PASSPORT, Agreement.PARTIAL, w.passportPartial(), "passport numbers differ in one character");
        }
        return new FieldScore(
                PASSPORT,
                Agreement.DISAGREE,
                w.passportDisagree(),
                "passport numbers differ (a renewed passport has a new number)");
    }

    private static boolean sameExceptSerial(String x, String y) {
        return x.length() == y.length() && x.length() > NIK_SERIAL_START && x.regionMatches(0, y, 0, NIK_SERIAL_START);
    }

    /** The digits of a NIK as typed: spaces, dots and dashes dropped. */
    static String digits(String nik) {
        return nik == null ? "" : nik.replaceAll("[^0-9]", "");
    }

    /** A passport number as typed, upper case, without spaces, dashes or MRZ fillers. */
    static String alphanumeric(String passport) {
        return passport == null ? "" : passport.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
