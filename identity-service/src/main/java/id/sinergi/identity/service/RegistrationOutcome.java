package id.sinergi.identity.service;

/** What a registration did. */
public enum RegistrationOutcome {
    /** A new worker, with this as their first source record (possibly in review beside a known worker). */
    CREATED,
    /** A new source record, linked by the matcher to a worker already known. */
    LINKED,
    /** The source record was known with exactly this content: nothing was written. */
    UNCHANGED,
    /** The source record was known and its content changed. */
    UPDATED
}
