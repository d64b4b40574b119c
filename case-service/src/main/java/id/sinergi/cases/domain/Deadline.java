package id.sinergi.cases.domain;

/** The two deadlines every case has, counted from its report by its priority (see {@code LeadRules}). */
public enum Deadline {
    FIRST_RESPONSE("Tanggapan pertama", "first response"),
    RESOLUTION("Penyelesaian", "resolution");

    private final String termId;
    private final String glossEn;

    Deadline(String termId, String glossEn) {
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
