package id.sinergi.identity.passport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The 7-3-1 check digit, against the worked examples of ICAO Doc 9303 Part 3. */
class MrzCheckDigitsTest {

    @Test
    void shouldComputeDoc9303WorkedExampleOfADate() {
        char digit = MrzCheckDigits.compute("520727");

        assertThat(digit)
                .as("Doc 9303 Part 3: 5*7 + 2*3 + 0*1 + 7*7 + 2*3 + 7*1 = 103")
                .isEqualTo('3');
    }

    @Test
    void shouldCountLettersFromTenAndFillerAsZero() {
        char digit = MrzCheckDigits.compute("AB2134<<<");

        assertThat(digit).as("10*7 + 11*3 + 2 + 1*7 + 3*3 + 4 = 125").isEqualTo('5');
    }

    @Test
    void shouldGiveZeroForAllFillers() {
        assertThat(MrzCheckDigits.compute("<<<<<<<<<<<<<<")).isEqualTo('0');
    }

    @Test
    void shouldRefuseCharactersOutsideTheAlphabet() {
        assertThatThrownBy(() -> MrzCheckDigits.compute("ab1")).isInstanceOf(IllegalArgumentException.class);
    }
}
