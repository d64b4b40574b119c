package id.sinergi.identity.domain;

/** Where the worker stands in the placement cycle that UU 18/2017 protects. */
public enum Phase {
    /** Before work: documents, training, waiting to depart (sebelum bekerja). */
    PRE_DEPARTURE,
    /** During work abroad (selama bekerja). */
    ABROAD,
    /** After work: back home (setelah bekerja). */
    RETURNED
}
