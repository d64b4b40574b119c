package id.sinergi.identity.domain;

/**
 * A finding about a worker's NIK that does not reject the record: such NIKs exist, so a mismatch is a signal for
 * an officer to check the documents, not a proof of fraud.
 */
public enum WorkerFlag {
    /** The birth date a source declared is none of the dates the NIK's digits 7–12 can stand for. */
    NIK_BIRTH_DATE_MISMATCH,
    /** The sex a source declared differs from the NIK's (day above 40 means a woman). */
    NIK_SEX_MISMATCH
}
