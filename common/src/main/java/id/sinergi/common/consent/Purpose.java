package id.sinergi.common.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * The published vocabulary of purposes for which an agency may process a worker's data: what consent grants
 * name and what callers declare when they ask for a worker's data.
 */
public enum Purpose {
    /** Handling a consular protection case (penanganan kasus pelindungan). */
    PROTECTION_CASE_HANDLING,
    /** Bringing the worker home (pemulangan). */
    REPATRIATION,
    /** A claim on the worker's social-security insurance (klaim jaminan sosial). */
    INSURANCE_CLAIM,
    /** Aggregate statistics (statistik). */
    STATISTICS;

    /** The purpose of this exact name, if there is one. */
    public static Optional<Purpose> named(String name) {
        return Arrays.stream(values()).filter(p -> p.name().equals(name)).findFirst();
    }
}
