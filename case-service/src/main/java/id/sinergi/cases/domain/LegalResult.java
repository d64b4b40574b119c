package id.sinergi.cases.domain;

/** How the worker's legal case ended, in the terms the ministries report. */
public enum LegalResult {
    DIBEBASKAN("Dibebaskan", "acquitted or released"),
    HUKUMAN_DIRINGANKAN("Hukuman diringankan", "sentence reduced"),
    DIVONIS("Divonis bersalah", "convicted"),
    DAMAI("Berdamai", "settled between the parties"),
    DIHENTIKAN("Perkara dihentikan", "proceedings dropped");

    private final String termId;
    private final String glossEn;

    LegalResult(String termId, String glossEn) {
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
