package id.sinergi.identity.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.matching.Sex;
import id.sinergi.identity.reference.DistrictCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NIK rules, without Quarkus. The shared cases ({@code nik/nik_structure_and_test_cases.json}) were written
 * for a looser validator than ours, so where the file's {@code valid} differs from identity-service's rule the
 * expectation here follows our rule and says why:
 *
 * <ul>
 *   <li>The file strips separators (' ', '-', '.') before checking; the API takes the NIK as exactly 16 digits,
 *       so formatted input (NIK-23, NIK-24) is {@code invalid-nik-format}. Connectors send the bare number.
 *   <li>The file only warns about a district missing from the Kemendagri list when the regency is known; we
 *       require the district, current or retired, so NIK-27 is {@code unknown-district}.
 *   <li>The file rejects an unknown province (NIK-03) for that reason; we name the first rule we check, the
 *       district, so it is {@code unknown-district} too.
 * </ul>
 */
class NikValidatorTest {

    /** The cases were made on this day; their birth-date candidates stop at 2026. */
    private static final Clock CASES_DAY = Clock.fixed(Instant.parse("2026-12-03T00:00:00Z"), ZoneOffset.UTC);

    private static final NikValidator VALIDATOR = new NikValidator(DistrictCodes.fromClasspath(), CASES_DAY);

    /** The cases, named by id and note (not by the whole JSON node) in the test report. */
    static Stream<Named<JsonNode>> sharedCases() {
        return cases().map(
                        c -> Named.of(c.get("id").asText() + " " + c.get("note").asText(), c));
    }

    private static Stream<JsonNode> cases() {
        try (InputStream in =
                NikValidatorTest.class.getClassLoader().getResourceAsStream("nik/nik_structure_and_test_cases.json")) {
            JsonNode cases = new ObjectMapper().readTree(in).get("cases");
            return StreamSupport.stream(cases.spliterator(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Our verdict on a case: null for accepted, else the problem slug. */
    private static String expectedSlug(JsonNode c) {
        String input = c.get("input").asText();
        if (!input.matches("[0-9]{16}")) {
            return "invalid-nik-format"; // differs for NIK-23/24: the file strips separators first
        }
        if ("unknown".equals(c.path("district_status").asText())) {
            return "unknown-district"; // differs for NIK-27: the file only warns
        }
        if (c.get("valid").asBoolean()) {
            return null;
        }
        return c.get("reason").asText().startsWith("serial") ? "invalid-nik-serial" : "invalid-nik-date";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCases")
    void shouldJudgeSharedCaseByOurRule(JsonNode c) {
        String input = c.get("input").asText();
        String expected = expectedSlug(c);

        if (expected == null) {
            Nik nik = VALIDATOR.decode(input);

            assertThat(nik.sex().name()).isEqualTo(c.get("sex").asText());
            assertThat(nik.birthDateCandidates())
                    .extracting(LocalDate::toString)
                    .containsExactlyElementsOf(texts(c.get("birth_date_candidates")));
            assertThat(nik.districtCode()).isEqualTo(c.get("district_code").asText());
            assertThat(nik.serial()).isEqualTo(c.get("serial").asText());
        } else {
            assertThatThrownBy(() -> VALIDATOR.decode(input)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.problem().getType()).isEqualTo("urn:sinergi:problem:" + expected);
                assertThat(e.problem().getErrors()).singleElement().satisfies(f -> assertThat(f.field())
                        .isEqualTo("nik"));
                assertThat(e.problem().getDetail()).doesNotContain(input.trim());
            });
        }
    }

    @Test
    void shouldDifferFromTheSharedFileOnlyWhereTheTestSaysWhy() {
        List<String> differing = new ArrayList<>();

        cases().forEach(c -> {
            boolean fileAccepts = c.get("valid").asBoolean();
            if (fileAccepts != (expectedSlug(c) == null)) {
                differing.add(c.get("id").asText());
            }
        });

        assertThat(differing).containsExactlyInAnyOrder("NIK-23", "NIK-24", "NIK-27");
    }

    @Test
    void shouldAcceptRetiredPapuaDistrict() {
        Nik nik = VALIDATOR.decode("9101011708450001");

        assertThat(nik.districtCode()).isEqualTo("910101");
    }

    @Test
    void shouldReadDayAbove40AsWoman() {
        Nik nik = VALIDATOR.decode("3171015708450001");

        assertThat(nik.sex()).isEqualTo(Sex.F);
        assertThat(nik.birthDateCandidates()).containsExactly(LocalDate.of(1945, 8, 17));
    }

    @Test
    void shouldAccept29FebruaryOnlyInLeapYears() {
        Nik leap2000 = VALIDATOR.decode("3171012902000001");

        assertThat(leap2000.birthDateCandidates())
                .as("1900 was no leap year, 2000 was")
                .containsExactly(LocalDate.of(2000, 2, 29));
        assertThatThrownBy(() -> VALIDATOR.decode("3171012902010001"))
                .hasMessageContaining("urn:sinergi:problem:invalid-nik-date");
    }

    @Test
    void shouldDropCandidatesAfterToday() {
        Nik nik = VALIDATOR.decode("3171013112260001");

        assertThat(nik.birthDateCandidates())
                .as("2026-12-31 is after the test's today")
                .containsExactly(LocalDate.of(1926, 12, 31));
    }

    @Test
    void shouldRejectSerialZero() {
        assertThatThrownBy(() -> VALIDATOR.decode("3171011708450000"))
                .hasMessageContaining("urn:sinergi:problem:invalid-nik-serial");
    }

    @Test
    void shouldFlagBirthDateAndSexThatDisagreeWithTheNik() {
        Nik nik = VALIDATOR.decode("3171011708450001");

        Set<WorkerFlag> agreeing = nik.flagsAgainst(LocalDate.of(1945, 8, 17), Sex.M);
        Set<WorkerFlag> otherDate = nik.flagsAgainst(LocalDate.of(1945, 8, 18), Sex.M);
        Set<WorkerFlag> otherSex = nik.flagsAgainst(LocalDate.of(1945, 8, 17), Sex.F);

        assertThat(agreeing).isEmpty();
        assertThat(otherDate).containsExactly(WorkerFlag.NIK_BIRTH_DATE_MISMATCH);
        assertThat(otherSex).containsExactly(WorkerFlag.NIK_SEX_MISMATCH);
    }

    @Test
    void shouldAcceptEitherCenturyWhenBothAreRealDates() {
        Nik nik = VALIDATOR.decode("3171011708100001");

        Set<WorkerFlag> flags1910 = nik.flagsAgainst(LocalDate.of(1910, 8, 17), Sex.M);
        Set<WorkerFlag> flags2010 = nik.flagsAgainst(LocalDate.of(2010, 8, 17), Sex.M);

        assertThat(flags1910).isEmpty();
        assertThat(flags2010).isEmpty();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
