package id.sinergi.cases.domain;

import id.sinergi.common.security.Agency;
import java.util.Optional;

/**
 * Who a case export is prepared for. The two ministries share the case file as joint controllers and receive it
 * whole; every other party receives only the fields the redaction rules share with it for the case's category
 * ({@code reference/redaction_rules.csv}).
 */
public enum Party {
    /** The worker's employer abroad, who may owe wages or hold the passport, and may be the one complained of. */
    EMPLOYER("Pemberi kerja (majikan)", "employer", null),
    /** The Indonesian placement agency (P3MI) that placed the worker and answers for the placement by law. */
    PLACEMENT_AGENCY("Perusahaan Penempatan Pekerja Migran Indonesia (P3MI)", "placement agency", null),
    /** BPJS Ketenagakerjaan, the workers' social-security insurer, for a claim (accident, death, failed placement). */
    INSURER("BPJS Ketenagakerjaan", "workers' social-security insurer", null),
    /** The foreign ministry with its missions abroad. */
    KEMLU("Kementerian Luar Negeri", "foreign ministry", Agency.KEMLU),
    /** The ministry for the protection of migrant workers. */
    KEMENP2MI(
            "Kementerian Pelindungan Pekerja Migran Indonesia",
            "ministry for the protection of migrant workers",
            Agency.KEMENP2MI);

    private final String termId;
    private final String glossEn;
    private final Agency ministry;

    Party(String termId, String glossEn, Agency ministry) {
        this.termId = termId;
        this.glossEn = glossEn;
        this.ministry = ministry;
    }

    public String termId() {
        return termId;
    }

    public String glossEn() {
        return glossEn;
    }

    /** The ministry this party is; empty for a party outside the two ministries, whose exports are redacted. */
    public Optional<Agency> ministry() {
        return Optional.ofNullable(ministry);
    }

    /** Whether the party is outside the two ministries, so that its exports are redacted. */
    public boolean isOutside() {
        return ministry == null;
    }
}
