package id.sinergi.common.consent;

/**
 * Categories of a worker's data, as consent grants cover them and decisions name them; one vocabulary for every
 * service (identity-service holds fields of IDENTITY and PLACEMENT only).
 */
public enum DataCategory {
    /** Name, birth date, sex, NIK and passport (data identitas). */
    IDENTITY,
    /** Phone, e-mail, address abroad (data kontak). */
    CONTACT,
    /** Placement: employer, placement agency, job, destination, dates (data penempatan). */
    PLACEMENT,
    /** What the worker reported in a protection case (data kasus). */
    CASE_DETAILS,
    /** Health data, a specific category under UU 27/2022 (data kesehatan). */
    HEALTH
}
