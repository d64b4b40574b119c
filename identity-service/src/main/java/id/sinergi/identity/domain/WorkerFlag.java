package id.sinergi.identity.domain;

/**
 * A finding about a worker's records that does not reject them: such NIKs and such discrepancies exist, so a flag
 * is a signal for an officer to check the documents, not a proof of fraud.
 */
public enum WorkerFlag {
    /** The birth date a source declared is none of the dates the NIK's digits 7–12 can stand for. */
    NIK_BIRTH_DATE_MISMATCH,
    /** The sex a source declared differs from the NIK's (day above 40 means a woman). */
    NIK_SEX_MISMATCH,
    /**
     * A record of a lower-ranked source names the worker, or gives their birth date or sex, otherwise than the
     * worker's attributes: the record keeps what its source said, the worker what the higher-ranked source said.
     */
    SOURCE_DISAGREEMENT,
    /** A linked record gives another NIK than the worker's: a typo in one system, or a second NIK issued. */
    NIK_DISAGREEMENT,
    /** A linked record gives a NIK, but the worker is provisional until an officer promotes them. */
    NIK_AWAITING_PROMOTION,
    /** The latest passport on record has expired (an old passport is a fact, not an error). */
    PASSPORT_EXPIRED,
    /** The MRZ spells the name otherwise than the typed full name (transliteration differs; check the document). */
    MRZ_NAME_DIFFERS
}
