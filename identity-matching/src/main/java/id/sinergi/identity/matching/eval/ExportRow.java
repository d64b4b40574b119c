package id.sinergi.identity.matching.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import id.sinergi.identity.matching.MatchRecord;
import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;

/**
 * One row of a source export in identity-service's bulk intake format; absent values are left out of the JSON.
 *
 * @param source {@code SISKOP2MI} or {@code PEDULI_WNI}
 * @param phase {@code PRE_DEPARTURE}, {@code ABROAD} or {@code RETURNED}
 * @param placement employer and contract, sent by SISKOP2MI only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "source",
    "sourceRecordId",
    "nik",
    "passport",
    "fullName",
    "birthDate",
    "birthPlace",
    "sex",
    "destinationCountry",
    "phase",
    "placement"
})
public record ExportRow(
        String source,
        String sourceRecordId,
        String nik,
        Passport passport,
        String fullName,
        LocalDate birthDate,
        String birthPlace,
        Sex sex,
        String destinationCountry,
        String phase,
        Placement placement) {

    public static final String SISKOP2MI = "SISKOP2MI";
    public static final String PEDULI_WNI = "PEDULI_WNI";

    /** A passport as the exports carry it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"number", "issuingState", "expiryDate"})
    public record Passport(String number, String issuingState, LocalDate expiryDate) {}

    /** The placement as SiskoP2MI records it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"employerName", "placementAgency", "occupation", "departureDate", "contractEndDate"})
    public record Placement(
            String employerName,
            String placementAgency,
            String occupation,
            LocalDate departureDate,
            LocalDate contractEndDate) {}

    /** The same row under another record id. */
    public ExportRow withSourceRecordId(String id) {
        return new ExportRow(
                source, id, nik, passport, fullName, birthDate, birthPlace, sex, destinationCountry, phase, placement);
    }

    /** The row as the matcher compares it. */
    public MatchRecord toMatchRecord() {
        return new MatchRecord(nik, passport == null ? null : passport.number(), fullName, birthDate, sex, birthPlace);
    }

    @Override
    public String toString() {
        // Synthetic or not, a row holds identifiers and names: keep them out of any log line.
        return "ExportRow[" + source + " " + sourceRecordId + "]";
    }
}
