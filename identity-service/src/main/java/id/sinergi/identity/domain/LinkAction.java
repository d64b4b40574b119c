package id.sinergi.identity.domain;

/** What a link event did. */
public enum LinkAction {
    /** A record founded a new worker. */
    CREATED,
    /** The matcher linked a record to a known worker. */
    AUTO_LINKED,
    /** The matcher put a record and a worker in the review queue. */
    REVIEW_OPENED,
    /** A reviewer linked a record to a worker (from the queue, or by moving it). */
    LINKED,
    /** A reviewer said a record is not a worker. */
    NOT_LINKED,
    /** A reviewer took a record off a worker; it founded a worker of its own. */
    UNLINKED,
    /** A worker was merged into another; its records moved with it. */
    MERGED,
    /** An officer promoted a provisional worker to NIK-verified. */
    PROMOTED
}
