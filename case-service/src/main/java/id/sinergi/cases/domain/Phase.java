package id.sinergi.cases.domain;

/**
 * The worker's phase of migration when the case arose, as UU 18/2017 divides protection: before, during and after
 * work abroad. The phase decides which agency leads the case (see {@code LeadRules}).
 */
public enum Phase {
    BEFORE_DEPARTURE("Sebelum bekerja", "before departure"),
    ABROAD("Selama bekerja", "while working abroad"),
    AFTER_RETURN("Setelah bekerja", "after return");

    private final String termId;
    private final String glossEn;

    Phase(String termId, String glossEn) {
        this.termId = termId;
        this.glossEn = glossEn;
    }

    public String termId() {
        return termId;
    }

    public String glossEn() {
        return glossEn;
    }
}
