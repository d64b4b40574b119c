package id.sinergi.identity.passport;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Builds TD3 zones from field values with correct check digits, so a test can break exactly one rule. */
final class TestZones {

    /** The day the tests run on, fixed so century inference and expiry do not drift. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

    /** A synthetic Indonesian passport (no real person): CONTOH, SITI NUR, born 29 February 1992. */
    static final List<String> VALID = List.of(line1("IDN", "CONTOH<<SITI<NUR"), line2(fields()));

    private TestZones() {}

    static Line2 fields() {
        return new Line2("X0000001", "IDN", "920229", 'F', "340228", "");
    }

    static String line1(String state, String name) {
        return padded("P<" + state + name, 44);
    }

    static String line2(Line2 f) {
        String number = padded(f.number(), 9);
        String optional = padded(f.optional(), 14);
        String upToComposite = number
                + digit(number)
                + f.nationality()
                + f.birth()
                + digit(f.birth())
                + f.sex()
                + f.expiry()
                + digit(f.expiry())
                + optional
                + digit(optional);
        String composite =
                upToComposite.substring(0, 10) + upToComposite.substring(13, 20) + upToComposite.substring(21, 43);
        return upToComposite + digit(composite);
    }

    static List<String> zone(String line1, Line2 fields) {
        return List.of(line1, line2(fields));
    }

    /** {@code line} with the characters from {@code position} (counted from 1) replaced by {@code text}. */
    static String replaced(String line, int position, String text) {
        return line.substring(0, position - 1) + text + line.substring(position - 1 + text.length());
    }

    private static char digit(String data) {
        return MrzCheckDigits.compute(data);
    }

    private static String padded(String text, int length) {
        return text + "<".repeat(length - text.length());
    }

    /** The fields of line 2 before check digits are added. */
    record Line2(String number, String nationality, String birth, char sex, String expiry, String optional) {

        Line2 withNumber(String value) {
            return new Line2(value, nationality, birth, sex, expiry, optional);
        }

        Line2 withNationality(String value) {
            return new Line2(number, value, birth, sex, expiry, optional);
        }

        Line2 withBirth(String value) {
            return new Line2(number, nationality, value, sex, expiry, optional);
        }

        Line2 withSex(char value) {
            return new Line2(number, nationality, birth, value, expiry, optional);
        }

        Line2 withExpiry(String value) {
            return new Line2(number, nationality, birth, sex, value, optional);
        }

        Line2 withOptional(String value) {
            return new Line2(number, nationality, birth, sex, expiry, value);
        }
    }
}
