package id.sinergi.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceNumbersTest {

    @Test
    void shouldFormatMissionYearAndSixDigitNumber() {
        String reference = ReferenceNumbers.format("KBRI-KUALALUMPUR", 2026, 42);

        assertThat(reference).isEqualTo("KBRI-KUALALUMPUR/2026/000042");
    }

    @Test
    void shouldKeepNumbersBeyondSixDigitsWhole() {
        String reference = ReferenceNumbers.format("KJRI-HONGKONG", 2026, 1_234_567);

        assertThat(reference).isEqualTo("KJRI-HONGKONG/2026/1234567");
    }
}
