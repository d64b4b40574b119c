package id.sinergi.audit.log;

import id.sinergi.audit.domain.AuditRecord;
import java.util.List;

/**
 * A round of the sealer, fired as a CDI event once its transaction committed: the entries it appended to the tree,
 * leaf {@code firstLeaf} on, in leaf order. The alert scanner takes them from here instead of reading them back
 * (docs/audit.md, "What the scanner remembers").
 *
 * @param firstLeaf the leaf index of the first entry
 * @param records the entries, as the sealer hashed them
 * @param readBack how many of them the sealer read back from the database (the others were its intake's)
 */
public record SealedRound(long firstLeaf, List<AuditRecord> records, int readBack) {

    static final SealedRound NONE = new SealedRound(0, List.of(), 0);

    /** A round whose entries were all read back. */
    public SealedRound(long firstLeaf, List<AuditRecord> records) {
        this(firstLeaf, records, records.size());
    }
}
