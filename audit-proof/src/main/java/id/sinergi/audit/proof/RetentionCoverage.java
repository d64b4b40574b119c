package id.sinergi.audit.proof;

import id.sinergi.audit.proof.RetentionStatement.Expired;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which leaves the log's retention statements cover, for a verifier walking the tree in index order: a leaf whose
 * payload is gone is accepted as expired only where a statement signed by the log key, itself a leaf after it,
 * names it and its policy made it due, and no later statement took the claim back ({@code kept}).
 */
public final class RetentionCoverage {

    private final NoteKey logKey;
    private final BitSet covered = new BitSet();
    private long statements;

    public RetentionCoverage(NoteKey logKey) {
        this.logKey = logKey;
    }

    /**
     * Takes in the statement that leaf {@code leafIndex} carries (the signed note of its {@code purge} member);
     * gives what is wrong with it, empty when all of it holds. A statement that is not the log's signed one covers
     * nothing; a leaf line that does not hold covers nothing, the others still do.
     */
    public List<String> statement(long leafIndex, String note) {
        List<String> problems = new ArrayList<>();
        RetentionStatement statement;
        try {
            SignedNote signed = SignedNote.parse(note);
            if (!logKey.signed(signed)) {
                problems.add("the retention statement is not signed by the log key " + logKey.name());
                return problems;
            }
            statement = RetentionStatement.parse(signed.text());
        } catch (IllegalArgumentException e) {
            problems.add("the retention statement cannot be read: " + e.getMessage());
            return problems;
        }
        if (!statement.origin().equals(logKey.name())) {
            problems.add("the retention statement names another log, " + statement.origin());
            return problems;
        }
        statements++;
        for (Expired leaf : statement.leaves()) {
            if (leaf.index() >= leafIndex || leaf.index() >= Integer.MAX_VALUE) {
                problems.add("the retention statement names leaf " + leaf.index() + ", which is not before it");
            } else if (!statement.due(leaf)) {
                problems.add("the retention statement expires leaf " + leaf.index() + " (" + leaf.category()
                        + ", recorded " + leaf.recordedAt() + ") before its policy's period passed");
            } else {
                covered.set((int) leaf.index());
            }
        }
        for (long kept : statement.kept()) {
            if (kept < Integer.MAX_VALUE) {
                covered.clear((int) kept);
            }
        }
        return problems;
    }

    /** Whether the leaf's payload may be missing: a valid statement expired it. */
    public boolean covers(long index) {
        return index >= 0 && index < Integer.MAX_VALUE && covered.get((int) index);
    }

    /** How many valid statements were taken in. */
    public long statements() {
        return statements;
    }
}
