package id.sinergi.common.consent;

/**
 * The six lawful bases for processing personal data of UU 27/2022 (Pasal 20 ayat (2) huruf a–f), in the law's
 * order, each with its Indonesian term and an English gloss. A consent decision names the one it used.
 */
public enum LawfulBasis {
    /** Huruf a. */
    CONSENT("persetujuan yang sah secara eksplisit", "explicit lawful consent for the stated purposes"),
    /** Huruf b. */
    CONTRACT("pemenuhan kewajiban perjanjian", "performing a contract the worker is party to"),
    /** Huruf c. */
    LEGAL_OBLIGATION("pemenuhan kewajiban hukum", "a legal obligation of the controller"),
    /** Huruf d. */
    VITAL_INTEREST("pelindungan kepentingan vital", "protecting the worker's vital interest"),
    /** Huruf e. */
    PUBLIC_TASK(
            "pelaksanaan tugas dalam rangka kepentingan umum, pelayanan publik, atau kewenangan",
            "a task in the public interest, a public service or lawful authority"),
    /** Huruf f. */
    LEGITIMATE_INTEREST("pemenuhan kepentingan yang sah lainnya", "another legitimate interest");

    private final String term;
    private final String gloss;

    LawfulBasis(String term, String gloss) {
        this.term = term;
        this.gloss = gloss;
    }

    /** The Indonesian term, as users read it. */
    public String term() {
        return term;
    }

    /** What the term means, in English. */
    public String gloss() {
        return gloss;
    }
}
