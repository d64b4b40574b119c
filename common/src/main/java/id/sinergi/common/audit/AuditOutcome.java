package id.sinergi.common.audit;

/** How an audited action ended. */
public enum AuditOutcome {
    /** Done, or data disclosed. */
    SUCCESS,
    /** Refused by a rule: consent, role or scope. */
    DENIED,
    /** Could not be done: a dependency failed or the input was rejected. */
    FAILED
}
