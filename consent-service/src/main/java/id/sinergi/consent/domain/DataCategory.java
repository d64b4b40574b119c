package id.sinergi.consent.domain;

/** Categories of a worker's data that a grant covers. */
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
