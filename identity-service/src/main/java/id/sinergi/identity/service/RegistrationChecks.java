package id.sinergi.identity.service;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a registration must pass beyond its shape: a valid NIK, a birth date not in the future, an ISO 3166-1
 * alpha-2 destination, and at least one way to know the worker: a NIK, a passport, or a family report. A NIK that disagrees with the declared birth date or sex is no reason to refuse the record
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
     * Throws the problem of the first rule broken; otherwise returns the decoded NIK (if any) and the findings
     * that flag the record instead of rejecting it.
     */
    public CheckedRecord check(RegistrationRequest request) {
        if (request.nik() == null && request.passport() == null && request.reportedBy() == null) {
            throw ProblemException.invalidField(
                    "missing-identifier",
                    "nik",
                    "give a NIK, a passport, or reportedBy for a worker reported by family without either");
        }
        if (request.nik() == null && request.source() == Source.SISKOP2MI) {
            throw ProblemException.invalidField(
                    "nik-required", "nik", "SiskoP2MI registers every worker with their NIK; give it");
        }
        Nik decoded = request.nik() == null ? null : nikValidator.decode(request.nik());
        if (request.birthDate().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField("future-birth-date", "birthDate", "must not be in the future");
        }
        if (!isCountry(request.destinationCountry())) {
            throw ProblemException.invalidField(
                    "unknown-country",
                    "destinationCountry",
                    "must be an ISO 3166-1 alpha-2 country code in capitals, e.g. MY");
        }
        Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        if (decoded != null) {
            flags.addAll(decoded.flagsAgainst(request.birthDate(), request.sex()));
        }
        return new CheckedRecord(decoded, flags);
    }

    /** Whether the code is an ISO 3166-1 alpha-2 code as Java knows them (including HK and TW). */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
