package id.sinergi.identity.matching.eval;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The structural NIK rules identity-service applies at intake: 16 digits, a known district, a real DDMMYY date
 * (day + 40 for women) not after the export date, and a serial from 0001. Restated here because this module must
 * not depend on the service.
 */
final class NikStructure {

    private NikStructure() {}

    static boolean isValid(String nik, RegionCodes regions) {
        return nik != null
                && nik.matches("[0-9]{16}")
                && regions.isKnown(nik.substring(0, 6))
                && hasRealDate(nik.substring(6, 12))
                && !nik.endsWith("0000");
    }

    /** The two-digit year fits either century; the day is 1-31 for men or 41-71 for women. */
    private static boolean hasRealDate(String ddmmyy) {
        int day = Integer.parseInt(ddmmyy.substring(0, 2));
        int month = Integer.parseInt(ddmmyy.substring(2, 4));
        int yy = Integer.parseInt(ddmmyy.substring(4, 6));
        int realDay = day > 40 ? day - 40 : day;
        return isDate(1900 + yy, month, realDay) || isDate(2000 + yy, month, realDay);
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            return !LocalDate.of(year, month, day).isAfter(RecordMaker.EXPORT_DATE);
        } catch (DateTimeException e) {
            return false;
        }
    }
}
