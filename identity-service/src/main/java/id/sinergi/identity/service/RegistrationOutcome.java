package id.sinergi.identity.service;

/** What a registration did. */
public enum RegistrationOutcome {
    /** A new worker, with this as their first source record. */
    CREATED,
    /** A new source record for a worker already known by the NIK. */
    LINKED,
    /** The source record was known with exactly this content: nothing was written. */
    UNCHANGED,
    /** The source record was known and its content changed. */
    UPDATED
}
