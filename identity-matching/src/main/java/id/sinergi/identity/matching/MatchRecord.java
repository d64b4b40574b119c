package id.sinergi.identity.matching;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What the matcher compares of one source record; every field may be null except the full name and birth date.
 *
 * <p>The values are personal data: {@link #toString()} names no value so that a record never reaches a log by accident.
 */
public record MatchRecord(
        String nik, String passportNumber, String fullName, LocalDate birthDate, Sex sex, String birthPlace) {

    public MatchRecord {
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
    }

    @Override
    public String toString() {
        return "MatchRecord[personal data hidden]";
    }
}
