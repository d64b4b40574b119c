package id.sinergi.identity.matching.name;

/**
 * How two normalised names compare, counted per kind of difference so that the scorer can weigh and explain it.
 *
 * @param outcome SAME, CLOSE (only typos, initials, missing tokens or a different split), DIFFERENT or EMPTY
 * @param pairedTokens tokens compared pairwise: the token count of the shorter name
 * @param typos token pairs that differ by a typo or a transposition
 * @param initials tokens written as an initial on one side
 * @param missingTokens tokens that one side has and the other lacks (dropped middle names)
 * @param splitDifferently true when the names agree only once written without spaces ("Nurhayati"/"Nur Hayati")
 * @param fatherNameAsOwn true when one side's father's name (after bin/binti) stands in the other's own name
 * @param similarity a similarity in [0, 1] for ranking; not used for the decision
 */
public record NameComparison(
        Outcome outcome,
        int pairedTokens,
        int typos,
        int initials,
        int missingTokens,
        boolean splitDifferently,
        boolean fatherNameAsOwn,
        double similarity) {

    /** The overall result of a name comparison. */
    public enum Outcome {
        SAME,
        CLOSE,
        DIFFERENT,
        EMPTY
    }
}
