package id.sinergi.cases.domain;

/** How urgent a case is; it sets the case's deadlines. Declared from the most urgent down. */
public enum Priority {
    CRITICAL("Kritis", "critical"),
    HIGH("Tinggi", "high"),
    MEDIUM("Sedang", "medium"),
    LOW("Rendah", "low");

    private final String termId;
    private final String glossEn;

    Priority(String termId, String glossEn) {
        this.termId = termId;
        this.glossEn = glossEn;
    }

    public String termId() {
        return termId;
    }

    public String glossEn() {
        return glossEn;
    }

    /** Whether this priority is more urgent than {@code other}. */
    public boolean isAbove(Priority other) {
        return ordinal() < other.ordinal();
    }
}
