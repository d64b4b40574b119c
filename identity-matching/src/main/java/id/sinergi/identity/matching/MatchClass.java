package id.sinergi.identity.matching;

/** What a score means: link automatically, send to review, or treat as a new worker. */
public enum MatchClass {
    MATCH,
    POSSIBLE_MATCH,
    NO_MATCH
}
