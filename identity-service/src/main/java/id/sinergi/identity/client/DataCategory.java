package id.sinergi.identity.client;

/**
 * consent-service's categories of a worker's data, by the names its decision call uses. identity-service holds
 * fields of two of them: {@link #IDENTITY} and {@link #PLACEMENT}; the others are listed so that an answer naming
 * them still reads.
 */
public enum DataCategory {
    /** NIK, passport, name, birth date and place, sex. */
    IDENTITY,
    /** Phone, e-mail, address abroad; identity-service keeps none. */
    CONTACT,
    /** Destination, phase, employer, placement agency, occupation, departure and contract end. */
    PLACEMENT,
    /** What a protection case holds; case-service's. */
    CASE_DETAILS,
    /** Health data; identity-service keeps none. */
    HEALTH
}
