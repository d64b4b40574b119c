package id.sinergi.cases.domain;

/**
 * Where one deadline of a case stands: the red/amber/green of a deadline still running, or whether it was met in
 * time once it is met.
 */
public enum DeadlineStatus {
    /** Running, and less than the amber share of its time has passed. */
    GREEN("Hijau", "green: on track"),
    /** Running, past the amber share of its time but not past due. */
    AMBER("Kuning", "amber: due soon"),
    /** Not met, and past due: a breach. */
    RED("Merah", "red: overdue"),
    /** Met at or before its due time. */
    MET("Terpenuhi tepat waktu", "met in time"),
    /** Met after its due time: a breach that has ended. */
    MET_LATE("Terpenuhi terlambat", "met late");

    private final String termId;
    private final String glossEn;

    DeadlineStatus(String termId, String glossEn) {
        this.termId = termId;
        this.glossEn = glossEn;
    }

    public String termId() {
        return termId;
    }

    public String glossEn() {
        return glossEn;
    }

    /** Whether the deadline was or is breached: RED or MET_LATE. */
    public boolean isBreach() {
        return this == RED || this == MET_LATE;
    }
}
