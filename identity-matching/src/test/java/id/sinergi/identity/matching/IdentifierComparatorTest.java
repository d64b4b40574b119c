package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.identity.matching.MatchSettings.Weights;
import org.junit.jupiter.api.Test;

class IdentifierComparatorTest {

    private static final String NIK = "3201014503900007";

    private final Weights w = MatchSettings.defaults().weights();

    @Test
    void shouldAgreeStronglyOnTheSameNik() {
        FieldScore score = IdentifierComparator.compareNik(NIK, "3201 0145 0390 0007", w);

        assertThat(score.agreement()).isEqualTo(Agreement.AGREE);
        assertThat(score.weight()).isEqualTo(w.nikAgree()).isGreaterThan(w.nameAgree());
    }

    @Test
    void shouldScoreOneWrongNikDigitAsPartial() {
        FieldScore score = IdentifierComparator.compareNik(NIK, "3201014508900007", w);

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.explanation()).isEqualTo("NIKs differ in one digit");
    }

    @Test
    void shouldScoreTwoTransposedNikDigitsAsPartial() {
        FieldScore score = IdentifierComparator.compareNik(NIK, "3201015403900007", w);

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.weight()).isEqualTo(w.nikOneDigit());
    }

    @Test
    void shouldScoreANikDifferingOnlyInTheSerialLow() {
        FieldScore score = IdentifierComparator.compareNik(NIK, "3201014503900008", w);

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
        assertThat(score.weight()).isEqualTo(w.nikSerial()).isLessThan(w.nikOneDigit());
    }

    @Test
    void shouldScoreDifferentNiksAsAStrongConflict() {
        FieldScore score = IdentifierComparator.compareNik(NIK, "3374056011850002", w);

        assertThat(score.agreement()).isEqualTo(Agreement.CONFLICT);
        assertThat(score.weight()).isEqualTo(w.nikConflict()).isLessThan(w.nameDisagree() / 2);
    }

    @Test
    void shouldScoreAMissingNikZero() {
        FieldScore score = IdentifierComparator.compareNik(null, NIK, w);

        assertThat(score.agreement()).isEqualTo(Agreement.MISSING);
        assertThat(score.weight()).isZero();
    }

    @Test
    void shouldAgreeStronglyOnTheSamePassport() {
        FieldScore score = IdentifierComparator.comparePassport("x1234567", "X 1234567", w);

        assertThat(score.agreement()).isEqualTo(Agreement.AGREE);
        assertThat(score.weight()).isEqualTo(w.passportAgree());
    }

    @Test
    void shouldWeighDifferentPassportsOnlyWeaklyAgainst() {
        FieldScore score = IdentifierComparator.comparePassport("X1234567", "C7654321", w);

        assertThat(score.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(score.weight()).isNegative().isGreaterThan(w.nikConflict() / 4);
    }

    @Test
    void shouldScoreAPassportWithOneWrongCharacterAsPartial() {
        FieldScore score = IdentifierComparator.comparePassport("X1234567", "X1234568", w);

        assertThat(score.agreement()).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void shouldNeverPutTheNumbersIntoTheExplanation() {
        String[] others = {NIK, "3201014508900007", "3201014503900008", "3374056011850002"};
        for (String other : others) {
            assertThat(IdentifierComparator.compareNik(NIK, other, w).explanation())
                    .doesNotContain(NIK)
                    .doesNotContain(other)
                    .doesNotContainPattern("[0-9]{4}");
        }
        assertThat(IdentifierComparator.comparePassport("X1234567", "X1234568", w)
                        .explanation())
                .doesNotContain("1234");
    }
}
