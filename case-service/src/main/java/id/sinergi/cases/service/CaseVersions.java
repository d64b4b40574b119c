package id.sinergi.cases.service;

import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;

/**
 * A case's version as its HTTP entity tag: the strong tag {@code "7"} for version 7. Every update names the
 * version it changes in {@code If-Match}; an update without one is refused (428), one made from an older version
 * too (412), so that no officer's change silently overwrites another's.
 */
public final class CaseVersions {

    private CaseVersions() {}

    /** The entity tag of the version. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header names.
     *
     * @throws ProblemException 428 {@code precondition-required} when the header is missing, blank or {@code *};
     *     400 {@code invalid-if-match} when it is not one entity tag this service gave
     */
    public static long fromIfMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            throw new ProblemException(new Problem(
                    "precondition-required",
                    "If-Match required",
                    428,
                    "An update names the version of the case it changes: send the ETag of your last read in"
                            + " If-Match",
                    null,
                    null));
        }
        String tag = header.strip();
        if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
            throw ProblemException.invalidParameter("invalid-if-match", "If-Match", "must be one ETag such as \"3\"");
        }
        String digits = tag.substring(1, tag.length() - 1);
        if (digits.length() > 18 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw ProblemException.invalidParameter("invalid-if-match", "If-Match", "must be one ETag such as \"3\"");
        }
        return Long.parseLong(digits);
    }

    /** The 412 answer to an update made from a version that is no longer the case's, naming the current one. */
    public static ProblemException stale(Object caseId, long current) {
        ProblemException stale = stale(caseId);
        stale.problem().with("currentVersion", current);
        return stale;
    }

    /** The 412 answer to an update that lost the race to another made from the same version. */
    public static ProblemException stale(Object caseId) {
        return new ProblemException(new Problem(
                "stale-version",
                "Changed meanwhile",
                412,
                "Case " + caseId + " was changed since the version you sent: read it again and repeat your change if"
                        + " it still applies",
                null,
                null));
    }
}
