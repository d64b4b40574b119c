package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.identity.matching.MatchSettings.Weights;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BirthDateComparatorTest {

    private final Weights w = MatchSettings.defaults().weights();

    private FieldScore compare(String a, String b) {
        return BirthDateComparator.compare(LocalDate.parse(a), LocalDate.parse(b), w);
    }

    @Test
    void shouldAgreeOnTheSameDate() {
        FieldScore score = compare("1990-03-12", "1990-03-12");

        assertThat(score.agreement()).isEqualTo(Agreement.AGREE);
        assertThat(score.weight()).isEqualTo(w.birthDateAgree());
    }

    @Test
    void shouldRecogniseDayAndMonthSwapped() {
        FieldScore score = compare("1990-03-12", "1990-12-03");

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("day and month swapped");
        assertThat(score.weight()).isEqualTo(w.birthDateSwapped());
    }

    @Test
    void shouldRecogniseOneDigitWrongInTheDay() {
        FieldScore score = compare("1990-03-12", "1990-03-13");

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("one digit differs in the day");
    }

    @Test
    void shouldRecogniseOneDigitWrongInTheMonth() {
        FieldScore score = compare("1990-03-12", "1990-08-12");

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("one digit differs in the month");
    }

    @Test
    void shouldRecogniseOneDigitWrongInTheYear() {
        FieldScore score = compare("1990-03-12", "1980-03-12");

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("one digit differs in the year");
        assertThat(score.weight()).isEqualTo(w.birthDateYearOff());
    }

    @Test
    void shouldRecogniseTheYearOffByOneAcrossADecade() {
        FieldScore score = compare("1990-03-12", "1989-03-12");

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("birth year differs by one");
    }

    @Test
    void shouldRecogniseTwoAdjacentDigitsTransposed() {
        FieldScore score = compare("1990-03-12", "1990-03-21");

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("two adjacent digits of the birth date transposed");
    }

    @Test
    void shouldDisagreeOnUnrelatedDates() {
        FieldScore score = compare("1990-03-12", "1975-11-28");

        assertThat(score.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(score.weight()).isEqualTo(w.birthDateDisagree());
    }

    @Test
    void shouldScoreAMissingDateZero() {
        FieldScore score = BirthDateComparator.compare(null, LocalDate.parse("1990-03-12"), w);

        assertThat(score.agreement()).isEqualTo(Agreement.MISSING);
        assertThat(score.weight()).isZero();
    }
}
