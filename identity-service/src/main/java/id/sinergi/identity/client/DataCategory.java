package id.sinergi.identity.client;

/**
 * The categories of a worker's data that identity-service holds fields of, by the names consent-service's decision
 * call uses (its vocabulary also has contact, case and health data, which this service keeps none of and never
 * asks about).
 */
public enum DataCategory {
    /** NIK, passport, name, birth date and place, sex. */
    IDENTITY,
    /** Destination, phase, employer, placement agency, occupation, departure and contract end. */
    PLACEMENT
}
