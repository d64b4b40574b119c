package id.sinergi.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Phase;
import id.sinergi.identity.domain.Relationship;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.matching.Sex;
import id.sinergi.identity.reference.DistrictCodes;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistrationChecksTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    private static final RegistrationChecks CHECKS =
            new RegistrationChecks(new NikValidator(DistrictCodes.fromClasspath(), TODAY), TODAY);

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

    private static RegistrationRequest request(String nik, LocalDate born, String country, Relationship reportedBy) {
        return new RegistrationRequest(
                Source.PEDULI_WNI,
                "pw-1",
                nik,
                null,
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
