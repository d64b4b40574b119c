package id.sinergi.identity.service;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.matching.Sex;
import id.sinergi.identity.reference.DistrictCodes;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a NIK's structure and decodes it: 16 digits; digits 1–6 a district of the Kemendagri list, current or
 * retired; digits 7–12 a real birth date DDMMYY (40 added to the day for women) in 19YY or 20YY, not after today;
 * digits 13–16 a serial from 0001. The NIK has no check digit, so these rules are all there is.
 *
 * <p>Each broken rule is a 400 problem of its own kind naming the field {@code nik}; no message repeats the number.
 */
public final class NikValidator {

    /** The request field the problems name. */
    public static final String FIELD = "nik";

    private static final int FEMALE_DAY_OFFSET = 40;

    private final DistrictCodes districts;
    private final Clock clock;

    public NikValidator(DistrictCodes districts, Clock clock) {
        this.districts = districts;
        this.clock = clock;
    }

    /** Decodes a valid NIK, or throws the problem of the first rule it breaks. */
    public Nik decode(String nik) {
        if (nik == null || nik.length() != 16 || !nik.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw ProblemException.invalidField(
                    "invalid-nik-format", FIELD, "must be exactly 16 digits, without spaces or separators");
        }
        String district = nik.substring(0, 6);
        if (!districts.isKnown(district)) {
            throw ProblemException.invalidField(
                    "unknown-district",
                    FIELD,
                    "digits 1-6 name no district (kecamatan) of the Kemendagri list, current or retired");
        }
        int dayField = Integer.parseInt(nik.substring(6, 8));
        Sex sex = dayField > FEMALE_DAY_OFFSET ? Sex.F : Sex.M;
        int day = sex == Sex.F ? dayField - FEMALE_DAY_OFFSET : dayField;
        List<LocalDate> candidates = birthDates(day, Integer.parseInt(nik.substring(8, 10)), nik.substring(10, 12));
        if (candidates.isEmpty()) {
            throw ProblemException.invalidField(
                    "invalid-nik-date",
                    FIELD,
                    "digits 7-12 are no real birth date up to today (DDMMYY, with 40 added to the day for women)");
        }
        String serial = nik.substring(12);
        if ("0000".equals(serial)) {
            throw ProblemException.invalidField("invalid-nik-serial", FIELD, "digits 13-16 must not be 0000");
        }
        return new Nik(district, sex, candidates, serial);
    }

    /** The real dates in 19YY and 20YY, oldest first, that are not after today. */
    private List<LocalDate> birthDates(int day, int month, String yy) {
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> dates = new ArrayList<>(2);
        for (String century : List.of("19", "20")) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(century + yy), month, day);
                if (!date.isAfter(today)) {
                    dates.add(date);
                }
            } catch (DateTimeException e) {
                // No such day in that year (31 April, 29 February outside a leap year, day 0, month 13): skip it.
            }
        }
        return dates;
    }
}
