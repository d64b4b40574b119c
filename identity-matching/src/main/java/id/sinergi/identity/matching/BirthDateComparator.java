package id.sinergi.identity.matching;

import id.sinergi.identity.matching.MatchSettings.Weights;
import id.sinergi.identity.matching.name.Strings;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Compares birth dates with the mistakes clerks make: day and month swapped, one digit wrong in DDMMYYYY, the year off
 * by one, two adjacent digits transposed.
 */
public final class BirthDateComparator {

    static final String FIELD = "birthDate";

    private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("ddMMuuuu");

    private BirthDateComparator() {}

    /** The field score of two birth dates. */
    public static FieldScore compare(LocalDate a, LocalDate b, Weights w) {
        if (a == null || b == null) {
            return new FieldScore(FIELD, Agreement.MISSING, 0, "birth date missing on one side");
        }
        if (a.equals(b)) {
            return new FieldScore(FIELD, Agreement.AGREE, w.birthDateAgree(), "birth dates agree");
        }
        if (swapped(a, b)) {
            return partial(w.birthDateSwapped(), "day and month swapped");
        }
        return digitMistake(a, b, w);
    }

    private static boolean swapped(LocalDate a, LocalDate b) {
        return a.getYear() == b.getYear()
                && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth();
    }

    private static FieldScore digitMistake(LocalDate a, LocalDate b, Weights w) {
        String x = DIGITS.format(a);
        String y = DIGITS.format(b);
        if (Strings.hamming(x, y) == 1) {
            int position = Strings.firstDifference(x, y);
            double weight = position >= 4 ? w.birthDateYearOff() : w.birthDateOneDigit();
            return partial(weight, "one digit differs in the " + part(position));
        }
        if (Strings.adjacentTransposition(x, y)) {
            return partial(w.birthDateOneDigit(), "two adjacent digits of the birth date transposed");
        }
        if (a.getDayOfMonth() == b.getDayOfMonth()
                && a.getMonthValue() == b.getMonthValue()
                && Math.abs(a.getYear() - b.getYear()) == 1) {
            return partial(w.birthDateYearOff(), "birth year differs by one");
        }
        return new FieldScore(FIELD, Agreement.DISAGREE, w.birthDateDisagree(), "birth dates differ");
    }

    private static String part(int position) {
        return position < 2 ? "day" : position < 4 ? "month" : "year";
    }

    private static FieldScore partial(double weight, String explanation) {
        return new FieldScore(FIELD, Agreement.PARTIAL, weight, explanation);
    }
}
