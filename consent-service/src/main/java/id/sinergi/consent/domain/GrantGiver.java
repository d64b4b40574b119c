package id.sinergi.consent.domain;

/** Who gave the consent. */
public enum GrantGiver {
    /** The worker themselves (pekerja migran sendiri). */
    SELF,
    /** A guardian, for a worker who cannot consent alone (wali). */
    GUARDIAN,
    /** Someone the worker authorised to act for them (kuasa). */
    REPRESENTATIVE
}
