package id.sinergi.identity.domain;

/** How a source record came to be linked to its worker; a manual link is never moved by an automatic run. */
public enum LinkKind {
    /** The record founded its worker: the matcher found no one it is. */
    NEW,
    /** The matcher linked it, with a score at or above the match threshold. */
    AUTO,
    /** A reviewer linked, unlinked or merged it. */
    MANUAL
}
