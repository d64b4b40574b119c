package id.sinergi.consent.domain;

/** Purposes a receiving agency may process a worker's data for (the published vocabulary). */
public enum Purpose {
    /** Handling a consular protection case (penanganan kasus pelindungan). */
    PROTECTION_CASE_HANDLING,
    /** Bringing the worker home (pemulangan). */
    REPATRIATION,
    /** A claim on the worker's social-security insurance (klaim jaminan sosial). */
    INSURANCE_CLAIM,
    /** Aggregate statistics (statistik). */
    STATISTICS
}
