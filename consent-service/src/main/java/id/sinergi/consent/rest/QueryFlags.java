package id.sinergi.consent.rest;

import id.sinergi.common.problem.ProblemException;

/** Strict reading of true/false query parameters: anything else is a 400, never a silent false. */
final class QueryFlags {

    private QueryFlags() {}

    /** null when absent, else true or false. */
    static Boolean parse(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.invalidField("invalid-parameter", name, "must be true or false");
        };
    }
}
