package id.sinergi.identity.domain;

import java.util.Arrays;
import java.util.Optional;

/** Purposes a caller may name when asking for a worker's data; the same vocabulary as consent-service's. */
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
