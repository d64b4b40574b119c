package id.sinergi.cases.service;

/**
 * A row that a change of its case made (a closure request, referral or outcome) with the case's version after the
 * change, which the answer gives as its {@code ETag} so the caller can make the next update without a read.
 *
 * @param value the row made or changed
 * @param caseVersion the case's version once the change is written
 */
public record Versioned<T>(T value, long caseVersion) {}
