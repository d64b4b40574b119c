package id.sinergi.cases.domain;

/** What a referral asks of the party it goes to. */
public enum ReferralKind {
    /** Another party is asked to do something for the worker; the lead stays where it is. */
    REFERRAL("Rujukan", "referral: another party is asked to act; the lead stays"),
    /** The case is handed to the other ministry, which leads it once it accepts. */
    TRANSFER("Pengalihan penanganan", "transfer: the other ministry takes over the lead");

    private final String termId;
    private final String glossEn;

    ReferralKind(String termId, String glossEn) {
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
