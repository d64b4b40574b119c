package id.sinergi.audit.alert;

import id.sinergi.common.problem.ProblemException;
import java.util.UUID;

/** Query and path parameters read as text, so that a bad value is a 400 problem naming the parameter. */
final class Params {

    private Params() {}

    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like an out-of-range number
        }
        throw ProblemException.invalidField(
                "invalid-parameter", name, "must be a whole number from " + min + " to " + max);
    }

    static long cursor(String name, String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like a negative number
        }
        throw ProblemException.invalidField(
                "invalid-parameter", name, "must be the 'next' value of the previous page (a whole number >= 0)");
    }

    static UUID uuid(String name, String value) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.invalidField("invalid-parameter", name, "must be a UUID");
        }
    }
}
