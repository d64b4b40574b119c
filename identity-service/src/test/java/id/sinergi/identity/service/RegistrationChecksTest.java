package id.sinergi.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Relationship;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.matching.Sex;
import id.sinergi.identity.passport.MrzCheckDigits;
import id.sinergi.identity.passport.PassportCheck;
import id.sinergi.identity.passport.StateCodes;
import id.sinergi.identity.reference.DistrictCodes;
import id.sinergi.identity.rest.WorkerDtos.PassportDetails;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistrationChecksTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    private static final RegistrationChecks CHECKS = new RegistrationChecks(
            new NikValidator(DistrictCodes.fromClasspath(), TODAY),
            new PassportCheck(StateCodes.production(), TODAY),
            TODAY);

    private static final String NIK = "3171011708450001";

    @Test
    void shouldRejectBirthDateAfterToday() {
        LocalDate tomorrow = LocalDate.of(2026, 12, 4);

        assertThatThrownBy(() -> CHECKS.check(request(NIK, tomorrow, "MY", null)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:future-birth-date");
                    assertThat(e.problem().getErrors().get(0).field()).isEqualTo("birthDate");
                });
    }

    @Test
    void shouldRejectCodesThatAreNoIsoAlpha2Country() {
        LocalDate born = LocalDate.of(1945, 8, 17);

        for (String code : new String[] {"XX", "my", "MYS", "", "EU"}) {
            assertThatThrownBy(() -> CHECKS.check(request(NIK, born, code, null)))
                    .as(code)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:unknown-country");
                        assertThat(e.problem().getErrors().get(0).field()).isEqualTo("destinationCountry");
                    });
        }
    }

    @Test
    void shouldRejectARecordWithNoWayToKnowTheWorker() {
        LocalDate born = LocalDate.of(1990, 1, 1);

        assertThatThrownBy(() -> CHECKS.check(request(null, born, "MY", null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:missing-identifier"));
    }

    @Test
    void shouldAcceptAFamilyReportWithoutNikOrPassport() {
        LocalDate born = LocalDate.of(1990, 1, 1);

        CheckedRecord checked = CHECKS.check(request(null, born, "MY", Relationship.SPOUSE));

        assertThat(checked.nik()).isNull();
        assertThat(checked.flags()).isEmpty();
    }

    @Test
    void shouldFlagANikWhoseDateDisagreesWithTheDeclaredBirthDate() {
        LocalDate declared = LocalDate.of(1946, 8, 17);

        CheckedRecord checked = CHECKS.check(request(NIK, declared, "MY", null));

        assertThat(checked.flags()).containsExactly(WorkerFlag.NIK_BIRTH_DATE_MISMATCH);
    }

    @Test
    void shouldAcceptAPassportWhoseZoneAgreesWithTheRecord() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        PassportDetails passport =
                new PassportDetails("X1234567", "IDN", LocalDate.of(2031, 6, 30), zone("CONTOH<<BUDI", "X1234567"));

        CheckedRecord checked = CHECKS.check(request(null, born, "MY", null, passport));

        assertThat(checked.flags()).isEmpty();
    }

    @Test
    void shouldFlagAZoneThatSpellsTheNameOtherwise() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        PassportDetails passport =
                new PassportDetails("X1234567", "IDN", LocalDate.of(2031, 6, 30), zone("KONTOH<<BOEDI", "X1234567"));

        CheckedRecord checked = CHECKS.check(request(null, born, "MY", null, passport));

        assertThat(checked.flags()).containsExactly(WorkerFlag.MRZ_NAME_DIFFERS);
    }

    @Test
    void shouldRefuseAZoneWhoseNumberDisagreesWithTheTypedOneNamingEveryFinding() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        PassportDetails passport =
                new PassportDetails("X1234567", "IDN", LocalDate.of(2031, 6, 30), zone("CONTOH<<BUDI", "X7654321"));

        assertThatThrownBy(() -> CHECKS.check(request(null, born, "MY", null, passport)))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:mrz-number-mismatch");
                    assertThat(e.problem().getErrors())
                            .extracting(Problem.FieldError::field)
                            .contains("passport.number");
                    assertThat(e.problem().getDetail())
                            .doesNotContain("X1234567")
                            .doesNotContain("X7654321");
                });
    }

    @Test
    void shouldRefuseABrokenCheckDigitWithItsOwnType() {
        LocalDate born = LocalDate.of(1990, 1, 1);
        List<String> zone = new ArrayList<>(zone("CONTOH<<BUDI", "X1234567"));
        char digit = zone.get(1).charAt(19);
        zone.set(
                1,
                zone.get(1).substring(0, 19)
                        + (char) ('0' + (digit - '0' + 1) % 10)
                        + zone.get(1).substring(20));
        PassportDetails passport = new PassportDetails("X1234567", "IDN", LocalDate.of(2031, 6, 30), zone);

        assertThatThrownBy(() -> CHECKS.check(request(null, born, "MY", null, passport)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.problem().getType())
                                .isEqualTo("urn:sinergi:problem:mrz-bad-check-digit-birth-date"));
    }

    /** A TD3 zone of an Indonesian passport of a man born 1990-01-01, expiring 2031-06-30, check digits computed. */
    private static List<String> zone(String names, String number) {
        String first = pad("P<IDN" + names, 44);
        String optional = pad("", 14);
        String doc = pad(number, 9);
        String docPart = doc + MrzCheckDigits.compute(doc);
        String birthPart = "900101" + MrzCheckDigits.compute("900101");
        String expiryPart = "310630" + MrzCheckDigits.compute("310630");
        String optionalPart = optional + MrzCheckDigits.compute(optional);
        char composite = MrzCheckDigits.compute(docPart + birthPart + expiryPart + optionalPart);
        return List.of(first, docPart + "IDN" + birthPart + "M" + expiryPart + optionalPart + composite);
    }

    private static String pad(String text, int length) {
        return text + "<".repeat(length - text.length());
    }

    private static RegistrationRequest request(String nik, LocalDate born, String country, Relationship reportedBy) {
        return request(nik, born, country, reportedBy, null);
    }

    private static RegistrationRequest request(
            String nik, LocalDate born, String country, Relationship reportedBy, PassportDetails passport) {
        return new RegistrationRequest(
                Source.PEDULI_WNI,
                "pw-1",
                nik,
                passport,
                "BUDI CONTOH",
                born,
                null,
                Sex.M,
                country,
                Phase.ABROAD,
                reportedBy,
                null);
    }

    @Test
    void shouldAcceptHongKongAndTaiwanAsDestinations() {
        boolean hongKong = RegistrationChecks.isCountry("HK");
        boolean taiwan = RegistrationChecks.isCountry("TW");

        assertThat(hongKong).isTrue();
        assertThat(taiwan).isTrue();
    }
}
