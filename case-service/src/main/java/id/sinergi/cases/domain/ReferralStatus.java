package id.sinergi.cases.domain;

/** Where a referral stands: waiting for the receiving party's answer, or answered. */
public enum ReferralStatus {
    PENDING("Menunggu jawaban", "awaiting an answer"),
    ACCEPTED("Diterima", "accepted"),
    REJECTED("Ditolak", "rejected");

    private final String termId;
    private final String glossEn;

    ReferralStatus(String termId, String glossEn) {
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
