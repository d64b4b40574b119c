package id.sinergi.identity.passport;

import id.sinergi.identity.matching.Sex;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks a typed passport (number, issuing state, expiry) and, when its machine-readable zone was scanned, holds the
 * zone against the typed fields and the worker's record. Disagreements of fact refuse the passport; an expired
 * passport and a differently spelt name only flag the record, since both happen to honest records.
 */
public final class PassportCheck {

    public static final String NUMBER_PATH = "passport.number";
    public static final String ISSUING_STATE_PATH = "passport.issuingState";
    public static final String EXPIRY_DATE_PATH = "passport.expiryDate";
    public static final String MRZ_PATH = "passport.mrz";
    public static final String BIRTH_DATE_PATH = "birthDate";
    public static final String SEX_PATH = "sex";

    private static final Pattern NUMBER_SHAPE = Pattern.compile("[A-Z0-9]{1,9}");

    private final StateCodes states;
    private final Clock clock;
    private final Td3Mrz reader;

    public PassportCheck(StateCodes states, Clock clock) {
        this.states = states;
        this.clock = clock;
        this.reader = new Td3Mrz(states, clock);
    }

    /** Checks {@code passport}; {@code person} may be null when there is no record to hold the zone against. */
    public PassportCheckResult check(PassportInput passport, PersonFacts person) {
        Findings findings = new Findings();
        checkNumber(passport.number(), findings);
        checkIssuingState(passport.issuingState(), findings);
        checkExpiryDate(passport.expiryDate(), findings);
        if (passport.mrz() == null) {
            flagExpired(passport.expiryDate(), findings);
            return findings.result(null);
        }
        Td3MrzResult zone = reader.parse(passport.mrz());
        zone.errors().forEach(e -> findings.add(PassportFindingCode.ofMrz(e.code()), mrzPath(e), e.message()));
        zone.fields().ifPresent(fields -> new CrossCheck(zone, fields, findings).against(passport, person));
        flagExpired(passport.expiryDate() != null ? passport.expiryDate() : trustedExpiry(zone), findings);
        return findings.result(zone.fields().orElse(null));
    }

    private static void checkNumber(String number, Findings findings) {
        if (number == null || number.isEmpty()) {
            findings.add(PassportFindingCode.PASSPORT_NUMBER_MISSING, NUMBER_PATH, "the passport number is required");
        } else if (!NUMBER_SHAPE.matcher(number).matches()) {
            findings.add(
                    PassportFindingCode.PASSPORT_NUMBER_INVALID,
                    NUMBER_PATH,
                    "the passport number must be 1 to 9 characters of A-Z and 0-9, without spaces or lower case");
        }
    }

    private void checkIssuingState(String state, Findings findings) {
        if (state == null || state.isEmpty()) {
            findings.add(
                    PassportFindingCode.ISSUING_STATE_MISSING, ISSUING_STATE_PATH, "the issuing state is required");
        } else if (!states.isKnown(state)) {
            findings.add(
                    PassportFindingCode.ISSUING_STATE_UNKNOWN,
                    ISSUING_STATE_PATH,
                    "the issuing state must be an ICAO 9303 code such as IDN, or D for Germany");
        }
    }

    private void checkExpiryDate(LocalDate expiry, Findings findings) {
        // Sources do not always know the expiry (Peduli WNI users often leave it out): absent is no error.
        if (expiry == null) {
            return;
        }
        if (expiry.isAfter(LocalDate.now(clock).plusYears(Td3Mrz.MAX_EXPIRY_YEARS_AHEAD))) {
            findings.add(
                    PassportFindingCode.EXPIRY_DATE_TOO_FAR_AHEAD,
                    EXPIRY_DATE_PATH,
                    "the expiry date lies more than " + Td3Mrz.MAX_EXPIRY_YEARS_AHEAD + " years ahead");
        }
    }

    /** A passport is good through its expiry day. */
    private void flagExpired(LocalDate expiry, Findings findings) {
        if (expiry != null && expiry.isBefore(LocalDate.now(clock))) {
            findings.add(PassportFindingCode.PASSPORT_EXPIRED, EXPIRY_DATE_PATH, "the passport has expired");
        }
    }

    private static LocalDate trustedExpiry(Td3MrzResult zone) {
        return zone.fields()
                .filter(f -> f.check(MrzCheck.EXPIRY_DATE).passed())
                .map(f -> f.expiryDate().date())
                .orElse(null);
    }

    /** {@code passport.mrz[0]} for line 1: JSON counts array items from 0, Doc 9303 lines from 1. */
    private static String mrzPath(MrzError error) {
        return error.line() == 0 ? MRZ_PATH : mrzLine(error.line());
    }

    static String mrzLine(int line) {
        return MRZ_PATH + "[" + (line - 1) + "]";
    }

    /**
     * The zone against the typed fields and the record. A field whose own check digit failed is not compared
     * again: its error already refuses the passport, and a second finding would only repeat it.
     */
    private final class CrossCheck {

        private final Td3MrzResult zone;
        private final Td3Fields mrz;
        private final Findings findings;

        CrossCheck(Td3MrzResult zone, Td3Fields mrz, Findings findings) {
            this.zone = zone;
            this.mrz = mrz;
            this.findings = findings;
        }

        void against(PassportInput passport, PersonFacts person) {
            number(passport.number());
            issuingState(passport.issuingState());
            expiryDate(passport.expiryDate());
            if (person != null) {
                birthDate(person.birthDate());
                sex(person.sex());
                name(person.fullName());
            }
        }

        private void number(String typed) {
            boolean comparable = typed != null
                    && NUMBER_SHAPE.matcher(typed).matches()
                    && mrz.check(MrzCheck.DOCUMENT_NUMBER).passed()
                    && !zone.has(MrzErrorCode.INVALID_DOCUMENT_NUMBER);
            if (comparable && !typed.equals(mrz.documentNumber())) {
                findings.add(
                        PassportFindingCode.MRZ_NUMBER_MISMATCH,
                        NUMBER_PATH,
                        "the typed passport number differs from the document number in the MRZ (line 2)");
            }
        }

        private void issuingState(String typed) {
            String printed = mrz.issuingStateCode();
            if (states.isKnown(typed) && states.isKnown(printed) && !StateCodes.sameState(typed, printed)) {
                findings.add(
                        PassportFindingCode.MRZ_ISSUING_STATE_MISMATCH,
                        ISSUING_STATE_PATH,
                        "the typed issuing state differs from the issuing state in the MRZ (line 1)");
            }
        }

        private void expiryDate(LocalDate typed) {
            LocalDate printed = trusted(MrzCheck.EXPIRY_DATE, mrz.expiryDate());
            if (typed != null && printed != null && !typed.equals(printed)) {
                findings.add(
                        PassportFindingCode.MRZ_EXPIRY_DATE_MISMATCH,
                        EXPIRY_DATE_PATH,
                        "the typed expiry date differs from the expiry date in the MRZ (line 2)");
            }
        }

        private void birthDate(LocalDate recorded) {
            LocalDate printed = trusted(MrzCheck.BIRTH_DATE, mrz.birthDate());
            if (recorded != null && printed != null && !recorded.equals(printed)) {
                findings.add(
                        PassportFindingCode.MRZ_BIRTH_DATE_MISMATCH,
                        BIRTH_DATE_PATH,
                        "the worker's birth date differs from the birth date in the MRZ (line 2)");
            }
        }

        /** X and '<' say the passport states no sex, which disagrees with nothing. */
        private void sex(Sex recorded) {
            char printed = mrz.sex();
            if (recorded != null
                    && (printed == 'M' || printed == 'F')
                    && printed != recorded.name().charAt(0)) {
                findings.add(
                        PassportFindingCode.MRZ_SEX_MISMATCH,
                        SEX_PATH,
                        "the worker's sex differs from the sex in the MRZ (line 2)");
            }
        }

        private void name(String fullName) {
            if (fullName == null || fullName.isBlank() || zone.has(MrzErrorCode.INVALID_NAME)) {
                return;
            }
            if (!MrzNameComparison.sameName(mrz.name(), fullName)) {
                findings.add(
                        PassportFindingCode.MRZ_NAME_DIFFERS,
                        mrzLine(MrzField.NAME.line()),
                        "the names in the MRZ are not the words of the worker's full name in any order;"
                                + " check the spelling, which transliteration may change");
            }
        }

        private LocalDate trusted(MrzCheck check, MrzDate date) {
            return mrz.check(check).passed() ? date.date() : null;
        }
    }

    /** Collects findings in the order they are found. */
    private static final class Findings {

        private final List<PassportFinding> list = new ArrayList<>();

        void add(PassportFindingCode code, String path, String message) {
            list.add(new PassportFinding(code, path, message));
        }

        PassportCheckResult result(Td3Fields mrz) {
            return new PassportCheckResult(list, mrz);
        }
    }
}
