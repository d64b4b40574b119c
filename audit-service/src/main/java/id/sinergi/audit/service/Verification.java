package id.sinergi.audit.service;

import java.util.List;

/**
 * The result of walking the whole chain.
 *
 * @param status INTACT when no problem was found
 * @param checkedEvents rows whose hash was recomputed
 * @param headSeq the chain head's seq when the walk began; later appends are left to the next walk
 * @param problems what was found, in seq order, at most {@value ChainWalk#MAX_PROBLEMS}
 */
public record Verification(Status status, long checkedEvents, long headSeq, List<ChainProblem> problems) {

    /** Whether the chain still proves its rows. */
    public enum Status {
        INTACT,
        BROKEN
    }

    /**
     * One finding.
     *
     * @param seq the row (or missing seq) it is about
     * @param problem what is wrong there
     */
    public record ChainProblem(long seq, Kind problem) {}

    /** The kinds of finding. */
    public enum Kind {
        /** The row's stored hash is not the hash of its fields: the row was edited. */
        HASH_MISMATCH,
        /** The row's prev_hash is not the hash of the row before it: a row was replaced or re-chained. */
        LINK_BROKEN,
        /** No row has this seq although later rows exist: the row was deleted. */
        MISSING,
        /** The head names a later seq than the last row: rows at the end were deleted. */
        TAIL_TRUNCATED,
        /** The head's hash is not the last row's, or rows exist beyond the head. */
        HEAD_MISMATCH
    }
}
