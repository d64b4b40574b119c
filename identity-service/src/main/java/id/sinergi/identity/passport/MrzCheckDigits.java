package id.sinergi.identity.passport;

/** The ICAO Doc 9303 check digit: character values weighted 7, 3, 1 in turn, summed, modulo 10. */
public final class MrzCheckDigits {

    private static final int[] WEIGHTS = {7, 3, 1};

    private MrzCheckDigits() {}

    /** The check digit of {@code data}, which must hold MRZ characters only (A-Z, 0-9, '<'). */
    public static char compute(CharSequence data) {
        int sum = 0;
        for (int i = 0; i < data.length(); i++) {
            sum += value(data.charAt(i)) * WEIGHTS[i % WEIGHTS.length];
        }
        return (char) ('0' + sum % 10);
    }

    /** The value of one MRZ character: digits their own, A-Z 10 to 35, the filler '<' 0. */
    static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not an MRZ character at this position");
    }
}
