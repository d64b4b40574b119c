package id.sinergi.identity.matching.name;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StringsTest {

    @Test
    void shouldCountASubstitutionAsOneEdit() {
        assertThat(Strings.editDistance("AMINAH", "AMINAN")).isEqualTo(1);
    }

    @Test
    void shouldCountAnAdjacentTranspositionAsOneEdit() {
        assertThat(Strings.editDistance("AMINAH", "AMNIAH")).isEqualTo(1);
    }

    @Test
    void shouldCountInsertionsAndDeletions() {
        assertThat(Strings.editDistance("AMINAH", "AMINA")).isEqualTo(1);
        assertThat(Strings.editDistance("", "ABC")).isEqualTo(3);
    }

    @Test
    void shouldGiveJaroWinklerOneForEqualStrings() {
        assertThat(Strings.jaroWinkler("MARTHA", "MARTHA")).isEqualTo(1.0);
    }

    @Test
    void shouldGiveTheTextbookJaroWinklerValue() {
        assertThat(Strings.jaroWinkler("MARTHA", "MARHTA")).isCloseTo(0.961, within(0.001));
    }

    @Test
    void shouldGiveJaroWinklerZeroWithoutCommonLetters() {
        assertThat(Strings.jaroWinkler("ABC", "XYZ")).isZero();
    }

    @Test
    void shouldRecogniseAnAdjacentTransposition() {
        assertThat(Strings.adjacentTransposition("12345", "12435")).isTrue();
        assertThat(Strings.adjacentTransposition("12345", "12354")).isTrue();
        assertThat(Strings.adjacentTransposition("12345", "14325")).isFalse();
    }

    @Test
    void shouldCountDifferingPositions() {
        assertThat(Strings.hamming("12345", "12395")).isEqualTo(1);
        assertThat(Strings.hamming("12345", "1234")).isEqualTo(-1);
    }
}
