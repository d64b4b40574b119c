package id.sinergi.identity.passport;

import java.time.LocalDate;
import java.util.List;

/**
 * A passport as a source system or an officer typed it, with its machine-readable zone when one was scanned.
 *
 * @param number the passport number, 1 to 9 characters of A-Z and 0-9
 * @param issuingState the issuing state's ICAO code without fillers, e.g. {@code IDN} or {@code D}
 * @param mrz the zone's two lines, top first, or null when none was scanned
 */
public record PassportInput(String number, String issuingState, LocalDate expiryDate, List<String> mrz) {}
