package id.sinergi.cases.domain;

/** What a case achieved for the worker. */
public enum OutcomeKind {
    /** Wages the employer owed were paid, in an amount and currency. */
    WAGES_RECOVERED("Gaji berhasil dibayarkan", "wages recovered"),
    /** The worker came home, on a date. */
    REPATRIATED("Dipulangkan", "repatriated"),
    /** A court or the parties settled the worker's legal case. */
    LEGAL_RESULT("Hasil proses hukum", "legal result"),
    /** The worker's remains were brought home, on a date; for a case of death only. */
    REMAINS_REPATRIATED("Jenazah dipulangkan", "remains repatriated");

    private final String termId;
    private final String glossEn;

    OutcomeKind(String termId, String glossEn) {
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
