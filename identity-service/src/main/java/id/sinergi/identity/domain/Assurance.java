package id.sinergi.identity.domain;

/**
 * How sure the index is of who a worker is. A worker without a NIK is provisional; promoting them to
 * {@link #NIK_VERIFIED} is an explicit, audited step by an officer who has checked the NIK.
 */
public enum Assurance {
    /** A NIK that passed the structural checks came with the founding record, or an officer promoted the worker. */
    NIK_VERIFIED,
    /** Provisional: known by a passport only (re-entry and undocumented workers often have no NIK on record). */
    PASSPORT,
    /** Provisional: reported by family or another proxy with a name and birth date, no document seen. */
    REPORTED
}
