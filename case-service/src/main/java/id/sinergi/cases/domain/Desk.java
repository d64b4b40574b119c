package id.sinergi.cases.domain;

/** The unit a case is routed to first, by its category (see complaint_categories.csv). */
public enum Desk {
    /** The mission's citizen-protection function (fungsi pelindungan WNI). */
    MISSION_PROTECTION("Fungsi Pelindungan WNI perwakilan", "the mission's citizen-protection desk"),
    /** The labour attaché at the mission (atase ketenagakerjaan): wages, contracts, employers. */
    LABOUR_ATTACHE("Atase Ketenagakerjaan", "the mission's labour attaché"),
    /** Legal aid for detained nationals and court cases (bantuan hukum). */
    LEGAL_AID("Bantuan hukum", "legal aid"),
    /** KemenP2MI's protection directorate at home, for cases before departure and after return. */
    HOME_PROTECTION("Direktorat Pelindungan KemenP2MI", "KemenP2MI's protection directorate");

    private final String termId;
    private final String glossEn;

    Desk(String termId, String glossEn) {
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
