package id.sinergi.identity.passport;

import static id.sinergi.identity.passport.TestZones.VALID;
import static id.sinergi.identity.passport.TestZones.fields;
import static id.sinergi.identity.passport.TestZones.line1;
import static id.sinergi.identity.passport.TestZones.replaced;
import static id.sinergi.identity.passport.TestZones.zone;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of the TD3 reader on its own: one zone that breaks it, and what the reader says. */
class Td3MrzTest {

    private static final Td3Mrz READER = new Td3Mrz(StateCodes.production(), TestZones.TODAY);

    private static final String LINE1 = VALID.get(0);

    private static final String LINE2 = VALID.get(1);

    @Test
    void shouldAcceptTheBaseZone() {
        Td3MrzResult result = READER.parse(VALID);

        assertThat(result.isValid()).isTrue();
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldRefuseWrongLineCount() {
        assertThat(codes(READER.parse(List.of(LINE1)))).containsExactly(MrzErrorCode.WRONG_LINE_COUNT);
        assertThat(codes(READER.parse(List.of(LINE1, LINE2, LINE2)))).containsExactly(MrzErrorCode.WRONG_LINE_COUNT);
        assertThat(codes(READER.parse(null))).containsExactly(MrzErrorCode.WRONG_LINE_COUNT);
        assertThat(READER.parse(List.of()).errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isZero();
            assertThat(e.fieldConcerned()).isEmpty();
        });
    }

    @Test
    void shouldRefuseWrongLengthNamingEachLine() {
        Td3MrzResult result = READER.parse(List.of(LINE1 + "<", LINE2.substring(0, 43)));

        assertThat(codes(result)).containsExactly(MrzErrorCode.WRONG_LENGTH, MrzErrorCode.WRONG_LENGTH);
        assertThat(result.errors()).extracting(MrzError::line).containsExactly(1, 2);
        assertThat(result.errors().get(1).message()).contains("line 2").contains("43");
        assertThat(result.fields()).isEmpty();
    }

    @Test
    void shouldRefuseNullLineAsWrongLength() {
        Td3MrzResult result = READER.parse(Arrays.asList(LINE1, null));

        assertThat(codes(result)).containsExactly(MrzErrorCode.WRONG_LENGTH);
    }

    @Test
    void shouldReportLowerCaseInsteadOfUpperCasingIt() {
        Td3MrzResult result = READER.parse(List.of(LINE1.toLowerCase(), LINE2));

        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(MrzErrorCode.INVALID_CHARACTER);
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.message()).contains("position 1").contains("lower-case");
        });
        assertThat(result.fields()).isEmpty();
    }

    @Test
    void shouldRefuseSpaceOrPunctuationWithoutShowingIt() {
        Td3MrzResult result = READER.parse(List.of(replaced(LINE1, 12, " "), replaced(LINE2, 3, "-")));

        assertThat(codes(result)).containsExactly(MrzErrorCode.INVALID_CHARACTER, MrzErrorCode.INVALID_CHARACTER);
        assertThat(result.errors().get(0).message()).contains("position 12").contains("space");
        assertThat(result.errors().get(1).message())
                .contains("position 3")
                .contains("not in the MRZ alphabet")
                .doesNotContain("'-'");
    }

    @Test
    void shouldRefuseDocumentThatIsNoPassport() {
        assertThat(errorsOf(List.of(replaced(LINE1, 1, "I"), LINE2)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(MrzErrorCode.NOT_A_PASSPORT);
                    assertThat(e.field()).isEqualTo(MrzField.DOCUMENT_CODE);
                });
        assertThat(codes(READER.parse(List.of(replaced(LINE1, 2, "1"), LINE2))))
                .containsExactly(MrzErrorCode.NOT_A_PASSPORT);
    }

    @Test
    void shouldAcceptTypeLetterAfterP() {
        Td3MrzResult result = READER.parse(List.of(replaced(LINE1, 2, "D"), LINE2));

        assertThat(result.isValid()).isTrue();
        assertThat(result.fields().orElseThrow().documentCode()).isEqualTo("PD");
    }

    @Test
    void shouldRefuseUnknownIssuingStateAndNationalitySeparately() {
        List<String> zone = zone(line1("ASU", "CONTOH<<SITI"), fields().withNationality("XYZ"));

        List<MrzError> errors = errorsOf(zone);

        assertThat(errors).extracting(MrzError::code).containsOnly(MrzErrorCode.UNKNOWN_STATE);
        assertThat(errors).extracting(MrzError::field).containsExactly(MrzField.ISSUING_STATE, MrzField.NATIONALITY);
        assertThat(errors.get(0).message()).startsWith("issuing state (line 1, positions 3-5)");
        assertThat(errors.get(1).message()).startsWith("nationality (line 2, positions 11-13)");
    }

    @Test
    void shouldRefuseStateWithDigitOrLeadingFiller() {
        assertThat(codes(READER.parse(zone(line1("1DN", "CONTOH"), fields()))))
                .containsExactly(MrzErrorCode.UNKNOWN_STATE);
        assertThat(codes(READER.parse(zone(line1("<DN", "CONTOH"), fields()))))
                .containsExactly(MrzErrorCode.UNKNOWN_STATE);
    }

    @Test
    void shouldAcceptGermanyAsOneLetterWithFillers() {
        Td3MrzResult result = READER.parse(zone(line1("D<<", "MUSTER<<ERIKA"), fields().withNationality("D<<")));

        assertThat(result.isValid()).isTrue();
        assertThat(result.fields().orElseThrow().issuingStateCode()).isEqualTo("D");
        assertThat(result.fields().orElseThrow().nationalityCode()).isEqualTo("D");
    }

    @Test
    void shouldAcceptSpecimenStateOnlyWhenAllowed() {
        List<String> specimen = zone(line1("UTO", "ERIKSSON<<ANNA"), fields().withNationality("UTO"));
        Td3Mrz withSpecimens = new Td3Mrz(StateCodes.of(true), TestZones.TODAY);

        assertThat(codes(READER.parse(specimen)))
                .containsExactly(MrzErrorCode.UNKNOWN_STATE, MrzErrorCode.UNKNOWN_STATE);
        assertThat(withSpecimens.parse(specimen).isValid()).isTrue();
    }

    @Test
    void shouldRefuseDigitsInTheName() {
        List<MrzError> errors = errorsOf(zone(line1("IDN", "CONTOH<<S1TI"), fields()));

        assertThat(errors).extracting(MrzError::code).containsExactly(MrzErrorCode.INVALID_NAME);
        assertThat(errors.get(0).message()).doesNotContain("S1TI").doesNotContain("CONTOH");
    }

    @Test
    void shouldRefuseEmptyName() {
        assertThat(codes(READER.parse(zone(line1("IDN", ""), fields())))).containsExactly(MrzErrorCode.INVALID_NAME);
    }

    @Test
    void shouldSplitNamesAtDoubleFillerAndReadSingleFillerAsSpace() {
        MrzName name = nameOf(line1("GBR", "UK<SPECIMEN<<ANGELA<ZOE"));

        assertThat(name).isEqualTo(new MrzName("UK SPECIMEN", "ANGELA ZOE", false));
    }

    @Test
    void shouldReadMononymInEitherIdentifier() {
        assertThat(nameOf(line1("IDN", "CONTOH"))).isEqualTo(new MrzName("CONTOH", "", false));
        assertThat(nameOf(line1("IDN", "<<CONTOH"))).isEqualTo(new MrzName("", "CONTOH", false));
    }

    @Test
    void shouldCollapseRepeatedFillersInsideTheGivenNames() {
        assertThat(nameOf(line1("IDN", "CONTOH<<SITI<<NUR")).secondaryIdentifier())
                .isEqualTo("SITI NUR");
    }

    @Test
    void shouldMarkNameThatFillsTheFieldAsTruncated() {
        MrzName filled = nameOf(line1("IDN", "CONTOHPANJANG<<SITI<NURHALIZA<RAHMAWATI"));
        MrzName noSplit = nameOf(line1("IDN", "A".repeat(39)));

        assertThat(filled.truncated()).isTrue();
        assertThat(filled.secondaryIdentifier()).isEqualTo("SITI NURHALIZA RAHMAWATI");
        assertThat(noSplit).isEqualTo(new MrzName("A".repeat(39), "", true));
    }

    @Test
    void shouldStripFillersFromDocumentNumber() {
        Td3Fields f = READER.parse(VALID).fields().orElseThrow();

        assertThat(f.documentNumber()).isEqualTo("X0000001");
        assertThat(f.documentNumberRaw()).isEqualTo("X0000001<");
    }

    @Test
    void shouldRefuseEmptyDocumentNumber() {
        assertThat(codes(READER.parse(zone(LINE1, fields().withNumber("")))))
                .containsExactly(MrzErrorCode.INVALID_DOCUMENT_NUMBER);
    }

    @Test
    void shouldRefuseFillerInsideDocumentNumber() {
        assertThat(codes(READER.parse(zone(LINE1, fields().withNumber("X00<0001")))))
                .containsExactly(MrzErrorCode.INVALID_DOCUMENT_NUMBER);
    }

    @Test
    void shouldRefuseNonNumericDateWithoutACheckDigitError() {
        List<String> zone = List.of(LINE1, replaced(LINE2, 14, "BB"));

        Td3MrzResult result = READER.parse(zone);

        assertThat(result.errors())
                .extracting(MrzError::code)
                .contains(MrzErrorCode.INVALID_DATE)
                .doesNotContain(MrzErrorCode.BAD_CHECK_DIGIT_BIRTH_DATE);
        assertThat(result.errors().get(0).field()).isEqualTo(MrzField.BIRTH_DATE);
        CheckDigit digit = result.fields().orElseThrow().check(MrzCheck.BIRTH_DATE);
        assertThat(digit.computed()).isNull();
        assertThat(digit.passed()).isFalse();
        assertThat(result.fields().orElseThrow().birthDate().asDate()).isEmpty();
    }

    @Test
    void shouldRefuseDayThatDoesNotExist() {
        assertThat(errorsOf(zone(LINE1, fields().withBirth("920230"))))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo(MrzErrorCode.INVALID_DATE);
                    assertThat(e.field()).isEqualTo(MrzField.BIRTH_DATE);
                    assertThat(e.message()).contains("birth date");
                });
        assertThat(errorsOf(zone(LINE1, fields().withExpiry("341301"))))
                .singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo(MrzField.EXPIRY_DATE));
    }

    @Test
    void shouldAccept29FebruaryOnlyInLeapYears() {
        assertThat(birthOf("920229")).isEqualTo(LocalDate.of(1992, 2, 29));
        assertThat(birthOf("000229")).as("2000 was a leap year").isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(codes(READER.parse(zone(LINE1, fields().withBirth("930229")))))
                .containsExactly(MrzErrorCode.INVALID_DATE);
        assertThat(codes(READER.parse(zone(LINE1, fields().withExpiry("310229")))))
                .containsExactly(MrzErrorCode.INVALID_DATE);
    }

    @Test
    void shouldPutNoBirthDateAfterToday() {
        assertThat(birthOf("261203")).as("today").isEqualTo(LocalDate.of(2026, 12, 3));
        assertThat(birthOf("261204")).as("tomorrow, a century ago").isEqualTo(LocalDate.of(1926, 12, 4));
        assertThat(birthOf("110101")).as("a child's passport").isEqualTo(LocalDate.of(2011, 1, 1));
        assertThat(birthOf("740812")).isEqualTo(LocalDate.of(1974, 8, 12));
    }

    @Test
    void shouldPutExpiryUpToTwentyYearsAhead() {
        assertThat(expiryOf("461231")).isEqualTo(LocalDate.of(2046, 12, 31));
        assertThat(expiryOf("470101")).isEqualTo(LocalDate.of(1947, 1, 1));
        assertThat(expiryOf("041204")).as("long expired").isEqualTo(LocalDate.of(2004, 12, 4));
    }

    @Test
    void shouldRefuseSexOtherThanMFXOrFiller() {
        assertThat(codes(READER.parse(zone(LINE1, fields().withSex('Q'))))).containsExactly(MrzErrorCode.INVALID_SEX);
        assertThat(READER.parse(zone(LINE1, fields().withSex('X'))).isValid()).isTrue();
        assertThat(READER.parse(zone(LINE1, fields().withSex('<'))).isValid()).isTrue();
    }

    @Test
    void shouldRefuseBadDocumentNumberCheckDigit() {
        List<String> zone = List.of(LINE1, replaced(LINE2, 10, "5"));

        assertThat(codes(READER.parse(zone)))
                .containsExactly(MrzErrorCode.BAD_CHECK_DIGIT_DOCUMENT_NUMBER, MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);
    }

    @Test
    void shouldRefuseLetterOrFillerAsDocumentNumberCheckDigit() {
        assertThat(codes(READER.parse(List.of(LINE1, replaced(LINE2, 10, "A")))))
                .contains(MrzErrorCode.BAD_CHECK_DIGIT_DOCUMENT_NUMBER);
        assertThat(codes(READER.parse(List.of(LINE1, replaced(LINE2, 10, "<")))))
                .contains(MrzErrorCode.BAD_CHECK_DIGIT_DOCUMENT_NUMBER);
    }

    @Test
    void shouldRefuseBadBirthDateCheckDigitNamingTheField() {
        List<MrzError> errors = errorsOf(List.of(LINE1, replaced(LINE2, 20, "9")));

        assertThat(errors)
                .extracting(MrzError::code)
                .containsExactly(MrzErrorCode.BAD_CHECK_DIGIT_BIRTH_DATE, MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);
        assertThat(errors.get(0).field()).isEqualTo(MrzField.BIRTH_DATE_CHECK_DIGIT);
        assertThat(errors.get(0).message()).startsWith("birth date check digit (line 2, position 20)");
    }

    @Test
    void shouldRefuseBadExpiryDateCheckDigit() {
        assertThat(codes(READER.parse(List.of(LINE1, replaced(LINE2, 28, "0")))))
                .containsExactly(MrzErrorCode.BAD_CHECK_DIGIT_EXPIRY_DATE, MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);
    }

    @Test
    void shouldAcceptFillerOrZeroAsCheckDigitOfEmptyOptionalData() {
        assertThat(LINE2.charAt(42)).isEqualTo('0');

        Td3MrzResult filler = READER.parse(List.of(LINE1, replaced(LINE2, 43, "<")));

        assertThat(filler.isValid())
                .as("'<' and '0' have the same value, so the composite holds")
                .isTrue();
        assertThat(filler.fields().orElseThrow().check(MrzCheck.OPTIONAL_DATA))
                .isEqualTo(new CheckDigit('<', '0', true));
    }

    @Test
    void shouldRefuseOtherCheckDigitOfEmptyOptionalData() {
        assertThat(codes(READER.parse(List.of(LINE1, replaced(LINE2, 43, "7")))))
                .containsExactly(MrzErrorCode.BAD_CHECK_DIGIT_OPTIONAL_DATA, MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);
    }

    @Test
    void shouldRefuseFillerAsCheckDigitOfOptionalDataThatIsPresent() {
        String line2 = TestZones.line2(fields().withOptional("ZE184226B"));
        char printed = line2.charAt(42);

        Td3MrzResult result = READER.parse(List.of(LINE1, replaced(line2, 43, "<")));

        assertThat(printed).isNotEqualTo('0');
        assertThat(codes(result)).contains(MrzErrorCode.BAD_CHECK_DIGIT_OPTIONAL_DATA);
        assertThat(result.fields().orElseThrow().optionalData()).isEqualTo("ZE184226B");
    }

    @Test
    void shouldRefuseBadCompositeCheckDigitAlone() {
        char printed = LINE2.charAt(43);
        String other = String.valueOf((char) ('0' + (printed - '0' + 1) % 10));

        List<MrzError> errors = errorsOf(List.of(LINE1, replaced(LINE2, 44, other)));

        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);
            assertThat(e.field()).isEqualTo(MrzField.COMPOSITE_CHECK_DIGIT);
        });
    }

    @Test
    void shouldReportEveryBrokenRuleAtOnceAndStillGiveTheFields() {
        List<String> zone = List.of(replaced(LINE1, 3, "ASU"), replaced(replaced(LINE2, 10, "5"), 21, "Q"));

        Td3MrzResult result = READER.parse(zone);

        assertThat(codes(result))
                .containsExactly(
                        MrzErrorCode.UNKNOWN_STATE,
                        MrzErrorCode.INVALID_SEX,
                        MrzErrorCode.BAD_CHECK_DIGIT_DOCUMENT_NUMBER,
                        MrzErrorCode.BAD_CHECK_DIGIT_COMPOSITE);
        assertThat(result.fields().orElseThrow().name().primaryIdentifier()).isEqualTo("CONTOH");
    }

    private static MrzName nameOf(String line1) {
        return READER.parse(List.of(line1, LINE2)).fields().orElseThrow().name();
    }

    private static LocalDate birthOf(String yymmdd) {
        Td3MrzResult result = READER.parse(zone(LINE1, fields().withBirth(yymmdd)));
        assertThat(result.errors()).isEmpty();
        return result.fields().orElseThrow().birthDate().date();
    }

    private static LocalDate expiryOf(String yymmdd) {
        Td3MrzResult result = READER.parse(zone(LINE1, fields().withExpiry(yymmdd)));
        assertThat(result.errors()).isEmpty();
        return result.fields().orElseThrow().expiryDate().date();
    }

    private static List<MrzError> errorsOf(List<String> zone) {
        return READER.parse(zone).errors();
    }

    private static List<MrzErrorCode> codes(Td3MrzResult result) {
        return result.errors().stream().map(MrzError::code).toList();
    }
}
