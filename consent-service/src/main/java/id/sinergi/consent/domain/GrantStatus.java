package id.sinergi.consent.domain;

/** Where a grant stands. */
public enum GrantStatus {
    /** In force within its validity window. */
    ACTIVE,
    /** Withdrawn by or for the worker; decisions deny from the next call on. */
    REVOKED
}
