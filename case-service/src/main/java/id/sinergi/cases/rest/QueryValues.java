package id.sinergi.cases.rest;

import id.sinergi.common.problem.ProblemException;
import java.util.Arrays;
import java.util.UUID;

/** Reads optional query parameters, answering a value that cannot be read with 400 naming the parameter. */
final class QueryValues {

    private QueryValues() {}

    /** The enum constant named by the value; null when the parameter is absent or blank. */
    static <E extends Enum<E>> E constant(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(
                    "invalid-parameter", name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** The UUID the value spells; null when the parameter is absent or blank. */
    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("invalid-parameter", name, "must be a UUID");
        }
    }
}
