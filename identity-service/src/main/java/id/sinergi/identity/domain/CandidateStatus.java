package id.sinergi.identity.domain;

/** Where a review question stands. */
public enum CandidateStatus {
    /** Waiting for a reviewer. */
    OPEN,
    /** A reviewer said same person: the record was linked to the worker. */
    LINKED,
    /** A reviewer said not the same person: no automatic run proposes the pair again. */
    NOT_LINKED,
    /** Answered by another decision: the record was linked elsewhere, or the worker merged. */
    CLOSED
}
