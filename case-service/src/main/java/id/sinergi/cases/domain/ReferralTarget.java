package id.sinergi.cases.domain;

import id.sinergi.common.security.Agency;
import java.util.Optional;

/**
 * Where a case is referred: the other ministry, or a named service that does one thing for the worker. A referral
 * to a ministry is answered by its officers; one to a service by the lead side, recording the provider's answer.
 */
public enum ReferralTarget {
    /** Kemlu: a mission abroad or the protection directorate at home. */
    KEMLU("Kementerian Luar Negeri", "the foreign ministry (a mission or PWNI)", Agency.KEMLU),
    /** KemenP2MI and its regional offices (BP3MI/UPT). */
    KEMENP2MI("Kementerian Pelindungan Pekerja Migran Indonesia", "the ministry for migrant workers", Agency.KEMENP2MI),
    /** Bringing the worker, or their remains, home. */
    REPATRIATION("Pemulangan", "repatriation", null),
    /** A claim on the worker's insurance, such as BPJS Ketenagakerjaan. */
    INSURANCE_CLAIM("Klaim asuransi (BPJS Ketenagakerjaan)", "insurance claim (workers' social security)", null),
    /** A lawyer or legal-aid body for a worker before a court or the police. */
    LEGAL_AID("Bantuan hukum", "legal aid", null),
    /** A safe house for a worker who has fled or must be kept away from the employer. */
    SHELTER("Rumah aman (shelter)", "shelter / safe house", null);

    private final String termId;
    private final String glossEn;
    private final Agency agency;

    ReferralTarget(String termId, String glossEn, Agency agency) {
        this.termId = termId;
        this.glossEn = glossEn;
        this.agency = agency;
    }

    public String termId() {
        return termId;
    }

    public String glossEn() {
        return glossEn;
    }

    /** The ministry this target is; empty for a named service. */
    public Optional<Agency> agency() {
        return Optional.ofNullable(agency);
    }

    /** Whether this target is a named service rather than a ministry. */
    public boolean isService() {
        return agency == null;
    }
}
