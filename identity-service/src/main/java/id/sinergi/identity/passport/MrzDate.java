package id.sinergi.identity.passport;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A date field of the zone.
 *
 * @param text the six characters as printed (YYMMDD)
 * @param date the day they name, the century inferred; null when they name no real day
 */
public record MrzDate(String text, LocalDate date) {

    /** The day, if the text names one. */
    public Optional<LocalDate> asDate() {
        return Optional.ofNullable(date);
    }
}
