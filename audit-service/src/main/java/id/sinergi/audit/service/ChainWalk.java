package id.sinergi.audit.service;

import id.sinergi.audit.domain.AuditChain;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.ChainHead;
import id.sinergi.audit.service.Verification.ChainProblem;
import id.sinergi.audit.service.Verification.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of one verification walk over the rows up to a head snapshot, fed in seq order page by page.
 *
 * <p>Every row's hash is recomputed from its stored fields and its own prev_hash, so an edit shows as
 * HASH_MISMATCH on the edited row alone; links are checked between neighbouring seqs, and a gap is reported as
 * MISSING for each absent seq rather than as a broken link on the row after it.
 */
final class ChainWalk {

    /** The most problems one report lists; the walk still checks every row. */
    static final int MAX_PROBLEMS = 100;

    private final ChainHead head;
    private final List<ChainProblem> problems = new ArrayList<>();
    private long lastSeq;
    private String lastHash = AuditChain.GENESIS;
    private long checked;

    ChainWalk(ChainHead head) {
        this.head = head;
    }

    ChainHead head() {
        return head;
    }

    /** The seq of the last row checked: the walk's keyset cursor. */
    long lastSeq() {
        return lastSeq;
    }

    void check(AuditRecord row) {
        long expected = lastSeq + 1;
        if (row.seq > expected) {
            for (long missing = expected; missing < row.seq && problems.size() < MAX_PROBLEMS; missing++) {
                report(missing, Kind.MISSING);
            }
        } else if (!lastHash.equals(row.prevHash)) {
            report(row.seq, Kind.LINK_BROKEN);
        }
        if (!AuditChain.expectedHash(row).equals(row.hash)) {
            report(row.seq, Kind.HASH_MISMATCH);
        }
        checked++;
        lastSeq = row.seq;
        lastHash = row.hash;
    }

    /**
     * Compares the end of the walk with the head snapshot and with the rows appended since.
     *
     * @param maxSeq the highest seq in the table, read after the walk
     * @param currentHead the head read after {@code maxSeq}: a healthy log never has rows beyond it
     */
    Verification finish(long maxSeq, ChainHead currentHead) {
        if (lastSeq < head.lastSeq()) {
            report(lastSeq + 1, Kind.TAIL_TRUNCATED);
        } else if (!lastHash.equals(head.lastHash())) {
            report(head.lastSeq(), Kind.HEAD_MISMATCH);
        }
        if (maxSeq > currentHead.lastSeq()) {
            report(maxSeq, Kind.HEAD_MISMATCH);
        }
        return new Verification(
                problems.isEmpty() ? Verification.Status.INTACT : Verification.Status.BROKEN,
                checked,
                head.lastSeq(),
                List.copyOf(problems));
    }

    private void report(long seq, Kind kind) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ChainProblem(seq, kind));
        }
    }
}
