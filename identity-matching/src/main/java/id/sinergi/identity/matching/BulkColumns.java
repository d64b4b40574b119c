package id.sinergi.identity.matching;

import java.util.List;

/**
 * The flat CSV columns of identity-service's bulk registration intake, in the order exports write them: one list
 * for the intake that reads them and the generator that writes them.
 */
public final class BulkColumns {

    /** Every column a bulk CSV header may name; an empty cell is an absent value. */
    public static final List<String> NAMES = List.of(
            "source",
            "sourceRecordId",
            "nik",
            "passportNumber",
            "passportIssuingState",
            "passportExpiryDate",
            "fullName",
            "birthDate",
            "birthPlace",
            "sex",
            "destinationCountry",
            "phase",
            "reportedBy",
            "employerName",
            "placementAgency",
            "occupation",
            "departureDate",
            "contractEndDate");

    /** The columns of the registration's passport. */
    public static final List<String> PASSPORT = List.of("passportNumber", "passportIssuingState", "passportExpiryDate");

    /** The columns of the registration's placement. */
    public static final List<String> PLACEMENT =
            List.of("employerName", "placementAgency", "occupation", "departureDate", "contractEndDate");

    /** The columns every header must name. */
    public static final List<String> REQUIRED = List.of("source", "sourceRecordId");

    private BulkColumns() {}
}
