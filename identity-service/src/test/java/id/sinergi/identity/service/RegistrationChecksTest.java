package id.sinergi.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.reference.DistrictCodes;
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

        assertThatThrownBy(() -> CHECKS.check(NIK, tomorrow, "MY"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:future-birth-date");
                    assertThat(e.problem().getErrors().get(0).field()).isEqualTo("birthDate");
                });
    }

    @Test
    void shouldRejectCodesThatAreNoIsoAlpha2Country() {
        LocalDate born = LocalDate.of(1945, 8, 17);

        for (String code : new String[] {"XX", "my", "MYS", "", "EU"}) {
            assertThatThrownBy(() -> CHECKS.check(NIK, born, code))
                    .as(code)
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:unknown-country");
                        assertThat(e.problem().getErrors().get(0).field()).isEqualTo("destinationCountry");
                    });
        }
    }

    @Test
    void shouldAcceptHongKongAndTaiwanAsDestinations() {
        boolean hongKong = RegistrationChecks.isCountry("HK");
        boolean taiwan = RegistrationChecks.isCountry("TW");

        assertThat(hongKong).isTrue();
        assertThat(taiwan).isTrue();
    }
}
