package id.sinergi.cases.domain;

/**
 * Where a protection case stands. A case moves forward one step at a time and never back: a case closed too
 * early is reported again, so the history stays as it happened.
 */
public enum CaseStatus {
    REPORTED("Dilaporkan", "reported"),
    IN_PROGRESS("Dalam penanganan", "being handled"),
    RESOLVED("Selesai ditangani", "resolved"),
    CLOSED("Ditutup", "closed");

    private final String termId;
    private final String glossEn;

    CaseStatus(String termId, String glossEn) {
        this.termId = termId;
        this.glossEn = glossEn;
    }

    /** The Indonesian term the ministries use. */
    public String termId() {
        return termId;
    }

    /** A short English gloss of the term. */
    public String glossEn() {
        return glossEn;
    }

    /** Whether the workflow allows a case in this status to move to {@code target}: only to the next step. */
    public boolean canMoveTo(CaseStatus target) {
        return target != null && target.ordinal() == ordinal() + 1;
    }
}
