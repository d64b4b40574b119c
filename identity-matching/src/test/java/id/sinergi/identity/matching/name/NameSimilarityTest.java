package id.sinergi.identity.matching.name;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.identity.matching.name.NameComparison.Outcome;
import org.junit.jupiter.api.Test;

class NameSimilarityTest {

    private static NameComparison compare(String a, String b) {
        return NameSimilarity.compare(NameNormalizer.normalize(a), NameNormalizer.normalize(b));
    }

    @Test
    void shouldFindTheSameNameSame() {
        assertThat(compare("Siti Aminah", "SITI AMINAH").outcome()).isEqualTo(Outcome.SAME);
    }

    @Test
    void shouldIgnoreTheOrderOfGivenAndFamilyName() {
        assertThat(compare("Budi Santoso", "Santoso Budi").outcome()).isEqualTo(Outcome.SAME);
    }

    @Test
    void shouldMatchASingleNameWithItsRepeat() {
        assertThat(compare("Siti", "SITI SITI").outcome()).isEqualTo(Outcome.SAME);
    }

    @Test
    void shouldCountADroppedMiddleNameAsMissing() {
        NameComparison c = compare("Muhammad Rizki Pratama", "Muhammad Pratama");

        assertThat(c.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(c.missingTokens()).isEqualTo(1);
    }

    @Test
    void shouldCountAnInitialForTheFullToken() {
        NameComparison c = compare("Budi S. Wibowo", "Budi Santoso Wibowo");

        assertThat(c.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(c.initials()).isEqualTo(1);
    }

    @Test
    void shouldTakeMAsMuhammadNotAsAnInitial() {
        assertThat(compare("M. Rizki", "Muhammad Rizki").outcome()).isEqualTo(Outcome.SAME);
    }

    @Test
    void shouldCountOneWrongLetterAsATypo() {
        NameComparison c = compare("Siti Aminah", "Siti Aminan");

        assertThat(c.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(c.typos()).isEqualTo(1);
    }

    @Test
    void shouldCountTwoSwappedLettersAsATypo() {
        NameComparison c = compare("Siti Aminah", "Siti Amniah");

        assertThat(c.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(c.typos()).isEqualTo(1);
    }

    @Test
    void shouldCountALetterDroppedFromAFourLetterTokenAsATypo() {
        assertThat(compare("Iwan Setiadi", "Iwa Setiadi").typos()).isEqualTo(1);
    }

    @Test
    void shouldCountTwoSwappedLettersOfAThreeLetterTokenAsATypo() {
        assertThat(compare("Eko Wibowo", "Keo Wibowo").typos()).isEqualTo(1);
    }

    @Test
    void shouldCountTwoEditsInALongTokenAsATypo() {
        assertThat(compare("Kurniawati", "Kurnaiwaty").outcome()).isEqualTo(Outcome.CLOSE);
    }

    @Test
    void shouldNotCountTwoEditsInAShorterTokenAsATypo() {
        assertThat(compare("Sunarti", "Susanti").outcome()).isEqualTo(Outcome.DIFFERENT);
    }

    @Test
    void shouldCountThePairedTokens() {
        assertThat(compare("Siti Aminah Lestari", "Siti Aminah").pairedTokens()).isEqualTo(2);
    }

    @Test
    void shouldFindDifferentGivenNamesWithTheSameFamilyNameDifferent() {
        assertThat(compare("Agus Santoso", "Budi Santoso").outcome()).isEqualTo(Outcome.DIFFERENT);
    }

    @Test
    void shouldNotCallADifferenceInAThreeLetterTokenATypo() {
        assertThat(compare("Ali Santoso", "Ani Santoso").outcome()).isEqualTo(Outcome.DIFFERENT);
    }

    @Test
    void shouldMatchANameWrittenAsOneWordWithTheSameInTwo() {
        NameComparison c = compare("Nurhayati", "Nur Hayati");

        assertThat(c.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(c.splitDifferently()).isTrue();
    }

    @Test
    void shouldMatchAFatherNameWrittenWithoutBin() {
        NameComparison c = compare("Ahmad bin Yusuf", "Ahmad Yusuf");

        assertThat(c.outcome()).isEqualTo(Outcome.CLOSE);
        assertThat(c.fatherNameAsOwn()).isTrue();
        assertThat(c.missingTokens()).isZero();
    }

    @Test
    void shouldReportAnEmptyNameAsEmpty() {
        assertThat(compare("", "Siti").outcome()).isEqualTo(Outcome.EMPTY);
    }

    @Test
    void shouldRankATypoAboveADifferentName() {
        assertThat(compare("Siti Aminah", "Siti Aminan").similarity())
                .isGreaterThan(compare("Siti Aminah", "Siti Rahayu").similarity());
    }

    @Test
    void shouldAssignTokensToMaximiseTheSummedScore() {
        double[][] scores = {{0.9, 0.8}, {0.85, 0.1}};

        assertThat(NameSimilarity.bestAssignment(scores)).containsExactly(1, 0);
    }
}
