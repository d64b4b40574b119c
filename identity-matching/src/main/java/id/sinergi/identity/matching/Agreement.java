package id.sinergi.identity.matching;

/** How one field of two records compares. */
public enum Agreement {
    /** The values are the same after normalisation. */
    AGREE,
    /** The values differ in a way that noise explains (a typo, a swap, a spelling variant). */
    PARTIAL,
    /** The values differ. */
    DISAGREE,
    /** Identifiers that belong to one person only differ: strong evidence of two people. */
    CONFLICT,
    /** One side or both lack the value: no evidence either way. */
    MISSING
}
