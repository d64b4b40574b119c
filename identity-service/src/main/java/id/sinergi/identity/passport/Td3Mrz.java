package id.sinergi.identity.passport;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and checks the machine-readable zone of a passport in the ICAO Doc 9303 TD3 format: two lines of 44
 * characters from A-Z, 0-9 and the filler '<'. Every rule is checked and every failure reported, so one reading
 * tells an officer all that is wrong; the zone's content never appears in a message.
 */
public final class Td3Mrz {

    /** Lines of a TD3 zone. */
    public static final int LINE_COUNT = 2;

    /** Characters per line. */
    public static final int LINE_LENGTH = 44;

    /**
     * How far ahead an expiry date may lie. It also decides the century of a two-digit expiry year: a passport
     * runs ten years at most, so 20 years leaves room without mistaking a 1990s date for the 2090s.
     */
    public static final int MAX_EXPIRY_YEARS_AHEAD = 20;

    private final StateCodes states;
    private final Clock clock;

    public Td3Mrz(StateCodes states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    /** Reads {@code lines}, the zone top line first; null or a wrong shape gives errors and no fields. */
    public Td3MrzResult parse(List<String> lines) {
        List<MrzError> errors = new ArrayList<>();
        if (lines == null || lines.size() != LINE_COUNT) {
            errors.add(wrongLineCount(lines));
            return new Td3MrzResult(null, errors);
        }
        for (int i = 0; i < LINE_COUNT; i++) {
            checkShape(lines.get(i), i + 1, errors);
        }
        if (!errors.isEmpty()) {
            return new Td3MrzResult(null, errors);
        }
        Td3Fields fields = new FieldReader(lines, errors).read();
        return new Td3MrzResult(fields, errors);
    }

    private static MrzError wrongLineCount(List<String> lines) {
        String got = lines == null ? "none" : String.valueOf(lines.size());
        return MrzError.ofZone(
                MrzErrorCode.WRONG_LINE_COUNT,
                "a passport (TD3) zone has 2 lines of 44 characters; got " + got
                        + " (3 lines of 30 are an identity card, TD1)");
    }

    private static void checkShape(String line, int number, List<MrzError> errors) {
        if (line == null || line.length() != LINE_LENGTH) {
            String got = line == null ? "none" : String.valueOf(line.length());
            errors.add(MrzError.ofLine(
                    MrzErrorCode.WRONG_LENGTH, number, "line " + number + " must have 44 characters; got " + got));
            return;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!isMrzCharacter(c)) {
                errors.add(MrzError.ofLine(
                        MrzErrorCode.INVALID_CHARACTER,
                        number,
                        "line " + number + ", position " + (i + 1) + ": " + kind(c)
                                + "; a zone holds A-Z, 0-9 and '<' only"));
                return; // one per line: a lower-case line would otherwise give 44 errors
            }
        }
    }

    private static boolean isMrzCharacter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '<';
    }

    /** Names the kind of a wrong character without showing it, since it may belong to the number or the name. */
    private static String kind(char c) {
        if (Character.isLowerCase(c)) {
            return "lower-case letter (upper-case it before reading, not after)";
        }
        if (Character.isWhitespace(c)) {
            return "space (fillers are '<')";
        }
        return "character not in the MRZ alphabet";
    }

    /** Reads the fields of a zone known to have the right shape, collecting the rules they break. */
    private final class FieldReader {

        private final List<String> lines;
        private final List<MrzError> errors;

        FieldReader(List<String> lines, List<MrzError> errors) {
            this.lines = lines;
            this.errors = errors;
        }

        Td3Fields read() {
            String documentCode = documentCode();
            String issuingState = state(MrzField.ISSUING_STATE);
            MrzName name = name();
            String documentNumberRaw = MrzField.DOCUMENT_NUMBER.in(lines);
            String documentNumber = documentNumber(documentNumberRaw);
            String nationality = state(MrzField.NATIONALITY);
            MrzDate birthDate = date(MrzField.BIRTH_DATE, this::birthDate);
            char sex = sex();
            MrzDate expiryDate = date(MrzField.EXPIRY_DATE, this::expiryDate);
            String optionalData = StateCodes.withoutFillers(MrzField.OPTIONAL_DATA.in(lines));
            Map<MrzCheck, CheckDigit> checks = checks(birthDate, expiryDate);
            return new Td3Fields(
                    documentCode,
                    issuingState,
                    name,
                    documentNumber,
                    documentNumberRaw,
                    nationality,
                    birthDate,
                    sex,
                    expiryDate,
                    optionalData,
                    checks);
        }

        private String documentCode() {
            String code = MrzField.DOCUMENT_CODE.in(lines);
            if (code.charAt(0) != 'P') {
                fail(MrzErrorCode.NOT_A_PASSPORT, MrzField.DOCUMENT_CODE, "a passport's document code starts with P");
            } else if (Character.isDigit(code.charAt(1))) {
                fail(MrzErrorCode.NOT_A_PASSPORT, MrzField.DOCUMENT_CODE, "P is followed by a letter or '<'");
            }
            return StateCodes.withoutFillers(code);
        }

        private String state(MrzField field) {
            String printed = field.in(lines);
            String code = StateCodes.withoutFillers(printed);
            if (!code.chars().allMatch(c -> c >= 'A' && c <= 'Z') || code.isEmpty()) {
                fail(MrzErrorCode.UNKNOWN_STATE, field, "letters padded with '<' at the end are expected");
            } else if (!states.isKnown(code)) {
                fail(MrzErrorCode.UNKNOWN_STATE, field, "not a state or organisation code of ICAO or ISO 3166-1");
            }
            return printed;
        }

        private MrzName name() {
            String field = MrzField.NAME.in(lines);
            if (field.chars().anyMatch(Character::isDigit)) {
                fail(MrzErrorCode.INVALID_NAME, MrzField.NAME, "names hold letters and '<' only");
            } else if (field.chars().allMatch(c -> c == '<')) {
                fail(MrzErrorCode.INVALID_NAME, MrzField.NAME, "empty");
            }
            return MrzName.parse(field);
        }

        private String documentNumber(String raw) {
            String number = StateCodes.withoutFillers(raw);
            if (number.isEmpty()) {
                fail(MrzErrorCode.INVALID_DOCUMENT_NUMBER, MrzField.DOCUMENT_NUMBER, "empty");
            } else if (number.indexOf('<') >= 0) {
                fail(MrzErrorCode.INVALID_DOCUMENT_NUMBER, MrzField.DOCUMENT_NUMBER, "fillers only pad the end");
            }
            return number;
        }

        private char sex() {
            char sex = MrzField.SEX.charIn(lines);
            if ("MFX<".indexOf(sex) < 0) {
                fail(MrzErrorCode.INVALID_SEX, MrzField.SEX, "M, F, X or '<' is expected");
            }
            return sex;
        }

        private MrzDate date(MrzField field, DateInference inference) {
            String text = field.in(lines);
            if (!text.chars().allMatch(Character::isDigit)) {
                fail(MrzErrorCode.INVALID_DATE, field, "not numeric YYMMDD");
                return new MrzDate(text, null);
            }
            int yy = Integer.parseInt(text.substring(0, 2));
            int month = Integer.parseInt(text.substring(2, 4));
            int day = Integer.parseInt(text.substring(4, 6));
            try {
                return new MrzDate(text, LocalDate.of(inference.year(yy, month, day), month, day));
            } catch (DateTimeException e) {
                // 31 April, 29 February outside a leap year, month 13: reported, not thrown.
                fail(MrzErrorCode.INVALID_DATE, field, "names no real day");
                return new MrzDate(text, null);
            }
        }

        /**
         * The latest year ending in {@code yy} that does not put the birth after today. Compared as YYYYMMDD numbers
         * because the day may not exist (29 February 1900 does not, 2000's does).
         */
        private int birthDate(int yy, int month, int day) {
            LocalDate today = LocalDate.now(clock);
            int year = 2000 + yy;
            int printed = year * 10_000 + month * 100 + day;
            int now = today.getYear() * 10_000 + today.getMonthValue() * 100 + today.getDayOfMonth();
            return printed > now ? year - 100 : year;
        }

        /** 20YY unless that lies more than {@link #MAX_EXPIRY_YEARS_AHEAD} years ahead. */
        private int expiryDate(int yy, int month, int day) {
            int year = 2000 + yy;
            return year > LocalDate.now(clock).getYear() + MAX_EXPIRY_YEARS_AHEAD ? year - 100 : year;
        }

        private Map<MrzCheck, CheckDigit> checks(MrzDate birthDate, MrzDate expiryDate) {
            String line2 = lines.get(1);
            Map<MrzCheck, CheckDigit> checks = new EnumMap<>(MrzCheck.class);
            checks.put(MrzCheck.DOCUMENT_NUMBER, check(MrzCheck.DOCUMENT_NUMBER, MrzField.DOCUMENT_NUMBER.in(lines)));
            checks.put(MrzCheck.BIRTH_DATE, dateCheck(MrzCheck.BIRTH_DATE, birthDate));
            checks.put(MrzCheck.EXPIRY_DATE, dateCheck(MrzCheck.EXPIRY_DATE, expiryDate));
            checks.put(MrzCheck.OPTIONAL_DATA, check(MrzCheck.OPTIONAL_DATA, MrzField.OPTIONAL_DATA.in(lines)));
            // Positions 1-10, 14-20 and 22-43: the three fields above with their digits, and the optional data.
            String composite = line2.substring(0, 10) + line2.substring(13, 20) + line2.substring(21, 43);
            checks.put(MrzCheck.COMPOSITE, check(MrzCheck.COMPOSITE, composite));
            return checks;
        }

        /** A non-numeric date has no meaningful digit: its INVALID_DATE error already says what is wrong. */
        private CheckDigit dateCheck(MrzCheck which, MrzDate date) {
            if (!date.text().chars().allMatch(Character::isDigit)) {
                return new CheckDigit(which.position().charIn(lines), null, false);
            }
            return check(which, date.text());
        }

        private CheckDigit check(MrzCheck which, String data) {
            char found = which.position().charIn(lines);
            char computed = MrzCheckDigits.compute(data);
            boolean emptyOptionalData =
                    which == MrzCheck.OPTIONAL_DATA && data.chars().allMatch(c -> c == '<');
            boolean passed = found == computed || (emptyOptionalData && found == '<');
            if (!passed) {
                fail(which.failure(), which.position(), "does not match the digit computed from the data");
            }
            return new CheckDigit(found, computed, passed);
        }

        private void fail(MrzErrorCode code, MrzField field, String problem) {
            errors.add(MrzError.ofField(code, field, problem));
        }
    }

    /** Picks the four-digit year of a two-digit date field. */
    @FunctionalInterface
    private interface DateInference {
        int year(int yy, int month, int day);
    }
}
