package id.sinergi.identity.service;

import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.passport.PassportCheck;
import id.sinergi.identity.passport.PassportCheckResult;
import id.sinergi.identity.passport.PassportFinding;
import id.sinergi.identity.passport.PassportFindingCode;
import id.sinergi.identity.passport.PassportInput;
import id.sinergi.identity.passport.PersonFacts;
import id.sinergi.identity.rest.WorkerDtos.PassportDetails;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules a registration must pass beyond its shape: a valid NIK, a birth date from {@link #EARLIEST} to today,
 * the other dates from {@link #EARLIEST} to {@link #LATEST}, an ISO 3166-1 alpha-2 destination, and at least one
 * way to know the worker: a NIK, a passport, or a family report. A NIK that disagrees with the declared birth
 * date or sex is no reason to refuse the record (such NIKs exist); it earns the worker a flag instead
 * ({@link Nik#flagsAgainst}).
 */
public final class RegistrationChecks {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** The earliest date a record may give: no living worker was born, and no passport issued, before it. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /** The latest passport expiry, departure or contract end a record may give. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private final NikValidator nikValidator;
    private final PassportCheck passportCheck;
    private final Clock clock;

    public RegistrationChecks(NikValidator nikValidator, PassportCheck passportCheck, Clock clock) {
        this.nikValidator = nikValidator;
        this.passportCheck = passportCheck;
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
        if (request.birthDate().isBefore(EARLIEST)) {
            throw outOfRange("birthDate", "today");
        }
        checkDates(request);
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
        if (request.passport() != null) {
            flags.addAll(checkPassport(request));
        }
        return new CheckedRecord(decoded, flags);
    }

    /**
     * Refuses a passport expiry, departure or contract end outside {@link #EARLIEST} to {@link #LATEST}: such a date
     * is a typing error, and one past the database's range would otherwise fail the write.
     */
    private static void checkDates(RegistrationRequest request) {
        if (request.passport() != null) {
            requireWithin(request.passport().expiryDate(), "passport.expiryDate");
        }
        if (request.placement() != null) {
            requireWithin(request.placement().departureDate(), "placement.departureDate");
            requireWithin(request.placement().contractEndDate(), "placement.contractEndDate");
        }
    }

    private static void requireWithin(LocalDate date, String field) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
            throw outOfRange(field, LATEST.toString());
        }
    }

    private static ProblemException outOfRange(String field, String latest) {
        return ProblemException.invalidField("date-out-of-range", field, "must be from " + EARLIEST + " to " + latest);
    }

    /**
     * Refuses a passport that breaks a rule (its typed fields, its MRZ's check digits and layout, an MRZ that
     * disagrees with the typed fields or the record), with the first finding as the problem type and every
     * finding as an error; returns the flags of the findings that only mark the record (an MRZ spelling the name
     * otherwise). An expired passport is flagged on the worker from the expiry date itself.
     */
    private Set<WorkerFlag> checkPassport(RegistrationRequest request) {
        PassportDetails p = request.passport();
        PassportCheckResult result = passportCheck.check(
                new PassportInput(p.number(), p.issuingState(), p.expiryDate(), p.mrz()),
                new PersonFacts(request.fullName(), request.birthDate(), request.sex()));
        if (!result.isAccepted()) {
            List<Problem.FieldError> errors = result.errors().stream()
                    .map(f -> new Problem.FieldError(f.path(), slug(f.code()), f.message()))
                    .toList();
            PassportFinding first = result.errors().get(0);
            throw ProblemException.badRequest(
                    slug(first.code()), "Invalid passport", "The passport breaks a rule: " + first.message(), errors);
        }
        Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        if (result.flags().stream().anyMatch(f -> f.code() == PassportFindingCode.MRZ_NAME_DIFFERS)) {
            flags.add(WorkerFlag.MRZ_NAME_DIFFERS);
        }
        return flags;
    }

    /** A finding's problem type: its code in kebab case, e.g. mrz-bad-check-digit-birth-date. */
    static String slug(PassportFindingCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the code is an ISO 3166-1 alpha-2 code as Java knows them (including HK and TW). */
    public static boolean isCountry(String code) {
        return code != null && COUNTRIES.contains(code);
    }
}
