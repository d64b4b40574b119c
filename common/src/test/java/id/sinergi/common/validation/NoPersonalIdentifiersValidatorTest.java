package id.sinergi.common.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NoPersonalIdentifiersValidatorTest {

    private final NoPersonalIdentifiersValidator validator = new NoPersonalIdentifiersValidator();

    private boolean accepts(String text) {
        return validator.isValid(text, null);
    }

    @Test
    void aNikIsRefusedWrittenTogetherOrInGroups() {
        assertThat(accepts("worker 9999091501900001 asked")).isFalse();
        assertThat(accepts("NIK 9999-0915-0190-0001")).isFalse();
        assertThat(accepts("NIK 9999 0915 0190 0001.")).isFalse();
        assertThat(accepts("9999.0915.0190.0001")).isFalse();
    }

    @Test
    void aPassportNumberIsRefused() {
        assertThat(accepts("passport A1234567 seen")).isFalse();
        assertThat(accepts("paspor XB123456")).isFalse();
        assertThat(accepts("(C7654321)")).isFalse();
    }

    @Test
    void ordinaryNotesIdsDatesAndCodesPass() {
        assertThat(accepts(null)).isTrue();
        assertThat(accepts("Asked the mission: no case of theirs. Followed up."))
                .isTrue();
        assertThat(accepts("worker 0b5e2c3e-8f0a-4a51-9d7e-2f1c1a9b7c10, case KBRI-KUALALUMPUR/2026/000123"))
                .isTrue();
        assertThat(accepts("court order 12/PID/2026 of 2026-12-04, 15 events")).isTrue();
        assertThat(accepts("phone 0812345678901")).isTrue();
        assertThat(accepts("a 17-digit number 12345678901234567 is no NIK")).isTrue();
        assertThat(accepts("KBRI1234567 is a code, not a passport")).isTrue();
    }
}
