package id.sinergi.identity.passport;

import static id.sinergi.identity.passport.TestZones.VALID;
import static id.sinergi.identity.passport.TestZones.fields;
import static id.sinergi.identity.passport.TestZones.line1;
import static id.sinergi.identity.passport.TestZones.replaced;
import static id.sinergi.identity.passport.TestZones.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import id.sinergi.identity.matching.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The typed passport fields, and the zone held against them and against the worker's record. */
class PassportCheckTest {

    private static final PassportCheck CHECK = new PassportCheck(StateCodes.production(), TestZones.TODAY);

    /** The typed fields of the passport in {@link TestZones#VALID}. */
    private static final PassportInput TYPED = new PassportInput("X0000001", "IDN", LocalDate.of(2034, 2, 28), null);

    private static final PassportInput SCANNED = withMrz(TYPED, VALID);

    /** The worker's record matching {@link TestZones#VALID}. */
    private static final PersonFacts PERSON = new PersonFacts("Siti Nur Contoh", LocalDate.of(1992, 2, 29), Sex.F);

    @Test
    void shouldAcceptTypedPassportWithoutZone() {
        PassportCheckResult result = CHECK.check(TYPED, null);

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.flags()).isEmpty();
        assertThat(result.mrz()).isEmpty();
    }

    @Test
    void shouldAcceptZoneThatAgreesWithTypedFieldsAndRecord() {
        PassportCheckResult result = CHECK.check(SCANNED, PERSON);

        assertThat(result.errors()).isEmpty();
        assertThat(result.flags()).isEmpty();
        assertThat(result.mrz().orElseThrow().documentNumber()).isEqualTo("X0000001");
    }

    @Test
    void shouldRefuseMissingNumber() {
        PassportCheckResult result = CHECK.check(typedWithNumber(null), null);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.PASSPORT_NUMBER_MISSING);
            assertThat(f.path()).isEqualTo("passport.number");
        });
        assertThat(codes(CHECK.check(typedWithNumber(""), null).errors()))
                .containsExactly(PassportFindingCode.PASSPORT_NUMBER_MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x0000001", "X 000001", "X000-001", "X000000123"})
    void shouldRefuseNumberOfWrongShapeWithoutRepeatingIt(String number) {
        PassportCheckResult result = CHECK.check(typedWithNumber(number), null);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.PASSPORT_NUMBER_INVALID);
            assertThat(f.path()).isEqualTo("passport.number");
            assertThat(f.message()).doesNotContain(number);
        });
    }

    @Test
    void shouldAcceptNumberOfOneToNineCharacters() {
        assertThat(CHECK.check(typedWithNumber("A"), null).isAccepted()).isTrue();
        assertThat(CHECK.check(typedWithNumber("925076473"), null).isAccepted()).isTrue();
    }

    @Test
    void shouldRefuseMissingOrUnknownIssuingState() {
        PassportCheckResult missing = CHECK.check(new PassportInput("X0000001", null, TYPED.expiryDate(), null), null);
        PassportCheckResult alpha2 = CHECK.check(new PassportInput("X0000001", "ID", TYPED.expiryDate(), null), null);

        assertThat(missing.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.ISSUING_STATE_MISSING);
            assertThat(f.path()).isEqualTo("passport.issuingState");
        });
        assertThat(codes(alpha2.errors())).containsExactly(PassportFindingCode.ISSUING_STATE_UNKNOWN);
    }

    @Test
    void shouldAcceptSpecimenStateOnlyWhenAllowed() {
        PassportInput specimen = new PassportInput("L898902C3", "UTO", LocalDate.of(2030, 4, 15), null);
        PassportCheck withSpecimens = new PassportCheck(StateCodes.of(true), TestZones.TODAY);

        assertThat(codes(CHECK.check(specimen, null).errors()))
                .containsExactly(PassportFindingCode.ISSUING_STATE_UNKNOWN);
        assertThat(withSpecimens.check(specimen, null).isAccepted()).isTrue();
    }

    @Test
    void shouldAcceptAPassportWhoseExpiryIsNotKnown() {
        PassportCheckResult result = CHECK.check(new PassportInput("X0000001", "IDN", null, null), null);

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.flags()).isEmpty();
    }

    @Test
    void shouldRefuseExpiryDateMoreThanTwentyYearsAhead() {
        LocalDate limit = LocalDate.of(2046, 12, 3);

        assertThat(CHECK.check(typedWithExpiry(limit), null).isAccepted()).isTrue();
        assertThat(codes(CHECK.check(typedWithExpiry(limit.plusDays(1)), null).errors()))
                .containsExactly(PassportFindingCode.EXPIRY_DATE_TOO_FAR_AHEAD);
    }

    @Test
    void shouldFlagExpiredPassportWithoutRefusingIt() {
        PassportCheckResult result = CHECK.check(typedWithExpiry(LocalDate.of(2026, 12, 2)), null);

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.flags()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.PASSPORT_EXPIRED);
            assertThat(f.severity()).isEqualTo(PassportFindingCode.Severity.FLAG);
            assertThat(f.path()).isEqualTo("passport.expiryDate");
        });
    }

    @Test
    void shouldTreatExpiryDayItselfAsStillValid() {
        PassportCheckResult result = CHECK.check(typedWithExpiry(LocalDate.of(2026, 12, 3)), null);

        assertThat(result.flags()).isEmpty();
    }

    @Test
    void shouldFlagExpiryFromTheZoneWhenNoneWasTyped() {
        List<String> expired = zone(VALID.get(0), fields().withExpiry("200101"));

        PassportCheckResult result = CHECK.check(new PassportInput("X0000001", "IDN", null, expired), PERSON);

        assertThat(result.errors()).isEmpty();
        assertThat(codes(result.flags())).containsExactly(PassportFindingCode.PASSPORT_EXPIRED);
    }

    @Test
    void shouldRefuseZoneErrorsNamingTheLineAsJsonIndex() {
        List<String> badBirthDigit = List.of(VALID.get(0), replaced(VALID.get(1), 20, "9"));

        PassportCheckResult result = CHECK.check(withMrz(TYPED, badBirthDigit), PERSON);

        assertThat(result.errors())
                .extracting(PassportFinding::code)
                .containsExactly(
                        PassportFindingCode.MRZ_BAD_CHECK_DIGIT_BIRTH_DATE,
                        PassportFindingCode.MRZ_BAD_CHECK_DIGIT_COMPOSITE);
        assertThat(result.errors()).extracting(PassportFinding::path).containsOnly("passport.mrz[1]");
        assertThat(result.errors().get(0).message()).contains("birth date");
    }

    @Test
    void shouldNameLineOneAndTheWholeZoneInPaths() {
        PassportCheckResult lowerCase =
                CHECK.check(withMrz(TYPED, List.of(VALID.get(0).toLowerCase(), VALID.get(1))), null);
        PassportCheckResult oneLine = CHECK.check(withMrz(TYPED, List.of(VALID.get(0))), null);

        assertThat(lowerCase.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_INVALID_CHARACTER);
            assertThat(f.path()).isEqualTo("passport.mrz[0]");
        });
        assertThat(oneLine.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_WRONG_LINE_COUNT);
            assertThat(f.path()).isEqualTo("passport.mrz");
        });
        assertThat(oneLine.mrz()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MrzErrorCode.class)
    void shouldHaveARefusingFindingForEveryZoneRule(MrzErrorCode code) {
        assertThatCode(() -> PassportFindingCode.ofMrz(code)).doesNotThrowAnyException();
        assertThat(PassportFindingCode.ofMrz(code).severity()).isEqualTo(PassportFindingCode.Severity.REJECT);
    }

    @Test
    void shouldRefuseZoneWhoseNumberDiffersFromTypedNumberWithoutNamingEither() {
        PassportCheckResult result = CHECK.check(withMrz(typedWithNumber("X0000009"), VALID), PERSON);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_NUMBER_MISMATCH);
            assertThat(f.path()).isEqualTo("passport.number");
            assertThat(f.message()).doesNotContain("X0000009").doesNotContain("X0000001");
        });
    }

    @Test
    void shouldNotCompareNumberWhoseCheckDigitFailed() {
        List<String> badNumberDigit = List.of(VALID.get(0), replaced(VALID.get(1), 10, "5"));

        PassportCheckResult result = CHECK.check(withMrz(typedWithNumber("X0000009"), badNumberDigit), PERSON);

        assertThat(codes(result.errors()))
                .containsExactly(
                        PassportFindingCode.MRZ_BAD_CHECK_DIGIT_DOCUMENT_NUMBER,
                        PassportFindingCode.MRZ_BAD_CHECK_DIGIT_COMPOSITE);
    }

    @Test
    void shouldRefuseZoneOfAnotherIssuingState() {
        PassportInput typedMalaysian = new PassportInput("X0000001", "MYS", TYPED.expiryDate(), VALID);

        PassportCheckResult result = CHECK.check(typedMalaysian, PERSON);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_ISSUING_STATE_MISMATCH);
            assertThat(f.path()).isEqualTo("passport.issuingState");
        });
    }

    @Test
    void shouldTakeGermanysDAndDeuAsTheSameState() {
        List<String> german = zone(line1("D<<", "CONTOH<<SITI<NUR"), fields().withNationality("D<<"));

        PassportCheckResult result =
                CHECK.check(new PassportInput("X0000001", "DEU", TYPED.expiryDate(), german), PERSON);

        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldRefuseZoneOfAnotherExpiryDate() {
        PassportCheckResult result = CHECK.check(withMrz(typedWithExpiry(LocalDate.of(2034, 2, 27)), VALID), PERSON);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_EXPIRY_DATE_MISMATCH);
            assertThat(f.path()).isEqualTo("passport.expiryDate");
        });
    }

    @Test
    void shouldRefuseZoneOfAnotherBirthDate() {
        PersonFacts otherBirth = new PersonFacts(PERSON.fullName(), LocalDate.of(1992, 2, 28), Sex.F);

        PassportCheckResult result = CHECK.check(SCANNED, otherBirth);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_BIRTH_DATE_MISMATCH);
            assertThat(f.path()).isEqualTo("birthDate");
        });
    }

    @Test
    void shouldRefuseZoneOfAnotherSex() {
        PersonFacts man = new PersonFacts(PERSON.fullName(), PERSON.birthDate(), Sex.M);

        PassportCheckResult result = CHECK.check(SCANNED, man);

        assertThat(result.errors()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_SEX_MISMATCH);
            assertThat(f.path()).isEqualTo("sex");
        });
    }

    @Test
    void shouldNotCompareSexTheZoneLeavesUnspecified() {
        PassportInput unspecified = withMrz(TYPED, zone(VALID.get(0), fields().withSex('X')));
        PersonFacts man = new PersonFacts(PERSON.fullName(), PERSON.birthDate(), Sex.M);

        assertThat(CHECK.check(unspecified, man).errors()).isEmpty();
    }

    @Test
    void shouldSkipRecordChecksWhenRecordIsUnknown() {
        PersonFacts nothingKnown = new PersonFacts(null, null, null);

        assertThat(CHECK.check(SCANNED, nothingKnown).errors()).isEmpty();
        assertThat(CHECK.check(SCANNED, nothingKnown).flags()).isEmpty();
    }

    @Test
    void shouldMatchNamesInAnyOrderAndEitherIdentifier() {
        PassportInput mononymAsPrimary = withMrz(TYPED, zone(line1("IDN", "CONTOH"), fields()));
        PassportInput mononymAsSecondary = withMrz(TYPED, zone(line1("IDN", "<<CONTOH"), fields()));
        PersonFacts mononym = new PersonFacts("Contoh", PERSON.birthDate(), Sex.F);

        assertThat(CHECK.check(mononymAsPrimary, mononym).flags()).isEmpty();
        assertThat(CHECK.check(mononymAsSecondary, mononym).flags()).isEmpty();
        assertThat(CHECK.check(SCANNED, withName("CONTOH, Siti Nur")).flags()).isEmpty();
    }

    @Test
    void shouldMatchNameWithApostropheOrAccentAsTheZonePrintsIt() {
        PassportInput nuraini = withMrz(TYPED, zone(line1("IDN", "CONTOH<<NURAINI"), fields()));

        assertThat(CHECK.check(nuraini, withName("Nur'aini Contoh")).flags()).isEmpty();
        assertThat(CHECK.check(nuraini, withName("Nur\u2019aini Contoh")).flags())
                .isEmpty();
        assertThat(CHECK.check(SCANNED, withName("Sit\u00ed Nur Contoh")).flags())
                .isEmpty();
    }

    @Test
    void shouldMatchTruncatedNameAgainstTheFullRecordName() {
        PassportInput cutAfterWord =
                withMrz(TYPED, zone(line1("IDN", "CONTOHPANJANG<<SITI<NURHALIZA<RAHMAWATI"), fields()));
        PassportInput cutInWord =
                withMrz(TYPED, zone(line1("IDN", "CONTOHPANJANGSEKALI<<SITI<NURHALIZA<RAH"), fields()));

        assertThat(CHECK.check(cutAfterWord, withName("Siti Nurhaliza Rahmawati Putri Anggraini Contohpanjang"))
                        .flags())
                .isEmpty();
        assertThat(CHECK.check(cutInWord, withName("Siti Nurhaliza Rahmawati Contohpanjangsekali"))
                        .flags())
                .isEmpty();
    }

    @Test
    void shouldNotTreatShortNameAsCut() {
        PassportInput shortName = withMrz(TYPED, zone(line1("IDN", "CONTOH<<SITI<NURHALIZA<RAH"), fields()));

        PassportCheckResult result = CHECK.check(shortName, withName("Siti Nurhaliza Rahmawati Contoh"));

        assertThat(codes(result.flags()))
                .as("a name that stops before position 44 is whole, so RAH is not RAHMAWATI")
                .containsExactly(PassportFindingCode.MRZ_NAME_DIFFERS);
    }

    @Test
    void shouldFlagDifferentNameWithoutRefusingOrRepeatingIt() {
        PassportCheckResult result = CHECK.check(SCANNED, withName("Siti Nurhayati Contoh"));

        assertThat(result.isAccepted()).isTrue();
        assertThat(result.flags()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(PassportFindingCode.MRZ_NAME_DIFFERS);
            assertThat(f.path()).isEqualTo("passport.mrz[0]");
            assertThat(f.message().toUpperCase()).doesNotContain("SITI").doesNotContain("CONTOH");
        });
    }

    @Test
    void shouldFlagSpellingVariantsForReviewRatherThanGuess() {
        PassportInput muhamad = withMrz(TYPED, zone(line1("IDN", "<<MUHAMAD<RIZKI"), fields().withSex('M')));
        PersonFacts muhammad = new PersonFacts("Muhammad Rizki", PERSON.birthDate(), Sex.M);

        PassportCheckResult result = CHECK.check(muhamad, muhammad);

        assertThat(result.isAccepted()).isTrue();
        assertThat(codes(result.flags())).containsExactly(PassportFindingCode.MRZ_NAME_DIFFERS);
    }

    @Test
    void shouldNeverRepeatThePassportNumberInAnyFinding() {
        List<PassportFinding> all = new ArrayList<>();
        List<PassportCheckResult> results = List.of(
                CHECK.check(withMrz(typedWithNumber("X0000009"), VALID), withName("Other Person")),
                CHECK.check(
                        withMrz(typedWithExpiry(LocalDate.of(2020, 1, 1)), List.of("X0000001", "X0000001")), PERSON),
                CHECK.check(withMrz(TYPED, List.of(VALID.get(0), replaced(VALID.get(1), 1, "X0000001<9"))), PERSON));
        results.forEach(r -> {
            all.addAll(r.errors());
            all.addAll(r.flags());
        });

        assertThat(all).hasSizeGreaterThanOrEqualTo(6);
        assertThat(all)
                .extracting(PassportFinding::message)
                .noneMatch(m -> m.contains("X0000001") || m.contains("X0000009"));
    }

    private static PassportInput withMrz(PassportInput typed, List<String> mrz) {
        return new PassportInput(typed.number(), typed.issuingState(), typed.expiryDate(), mrz);
    }

    private static PassportInput typedWithNumber(String number) {
        return new PassportInput(number, TYPED.issuingState(), TYPED.expiryDate(), null);
    }

    private static PassportInput typedWithExpiry(LocalDate expiry) {
        return new PassportInput(TYPED.number(), TYPED.issuingState(), expiry, null);
    }

    private static PersonFacts withName(String fullName) {
        return new PersonFacts(fullName, PERSON.birthDate(), PERSON.sex());
    }

    private static List<PassportFindingCode> codes(List<PassportFinding> findings) {
        return findings.stream().map(PassportFinding::code).toList();
    }
}
