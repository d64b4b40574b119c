package id.sinergi.consent.domain;

/** How a guardian or representative stands to the worker. */
public enum GiverRelationship {
    /** Orang tua. */
    PARENT,
    /** Suami atau istri. */
    SPOUSE,
    /** Anak. */
    CHILD,
    /** Saudara kandung. */
    SIBLING,
    /** Keluarga lain. */
    OTHER_RELATIVE,
    /** Wali yang ditetapkan pengadilan. */
    COURT_APPOINTED_GUARDIAN,
    /** Kuasa hukum (advocate). */
    LAWYER,
    /** Penerima kuasa with a written authorisation. */
    AUTHORISED_PERSON
}
