package id.sinergi.identity.domain;

/** Sex as the source systems and the NIK record it (the NIK adds 40 to the birth day of women). */
public enum Sex {
    /** Laki-laki. */
    M,
    /** Perempuan. */
    F
}
