package id.sinergi.identity.domain;

/** Who reported a worker on their behalf (hubungan pelapor); the record is then provisional at best. */
public enum Relationship {
    /** Suami/istri. */
    SPOUSE,
    /** Orang tua. */
    PARENT,
    /** Anak. */
    CHILD,
    /** Saudara kandung. */
    SIBLING,
    /** Kerabat lain, teman, atau pendamping. */
    OTHER
}
