package id.sinergi.identity.service;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Nik;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a registration must pass beyond its shape: a valid NIK, a birth date not in the future, an ISO 3166-1
 * alpha-2 destination. A NIK that disagrees with the declared birth date or sex is no reason to refuse the record
 * (such NIKs exist); it earns the worker a flag instead ({@link Nik#flagsAgainst}).
 */
public final class RegistrationChecks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final NikValidator nikValidator;
    private final Clock clock;

    public RegistrationChecks(NikValidator nikValidator, Clock clock) {
        this.nikValidator = nikValidator;
        this.clock = clock;
    }

    /**
     * Throws the problem of the first rule broken; otherwise returns the decoded NIK, against which
     * {@link Nik#flagsAgainst} tells the flags the record earns.
     */
    public Nik check(String nik, LocalDate birthDate, String destinationCountry) {
        Nik decoded = nikValidator.decode(nik);
        if (birthDate.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField("future-birth-date", "birthDate", "must not be in the future");
        }
        if (!isCountry(destinationCountry)) {
            throw ProblemException.invalidField(
                    "unknown-country",
                    "destinationCountry",
                    "must be an ISO 3166-1 alpha-2 country code in capitals, e.g. MY");
        }
        return decoded;
    }

    /** Whether the code is an ISO 3166-1 alpha-2 code as Java knows them (including HK and TW). */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
