package id.sinergi.identity.passport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which issuing-state and nationality codes a passport may carry. */
class StateCodesTest {

    private static final StateCodes PRODUCTION = StateCodes.production();

    @ParameterizedTest
    @ValueSource(strings = {"IDN", "MYS", "SAU", "HKG", "TWN", "DEU", "GBR"})
    void shouldKnowIsoAlpha3Codes(String code) {
        assertThat(PRODUCTION.isKnown(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "D", "GBD", "GBN", "GBO", "GBP", "GBS", "UNO", "UNA", "UNK", "XOM", "XXA", "XXB", "XXC", "XXX", "EUE",
                "RKS"
            })
    void shouldKnowIcaoCodesOutsideIso(String code) {
        assertThat(PRODUCTION.isKnown(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASU", "ID", "XYZ", "D<<", "idn", ""})
    void shouldRefuseOtherCodes(String code) {
        assertThat(PRODUCTION.isKnown(code)).isFalse();
    }

    @Test
    void shouldRefuseNull() {
        assertThat(PRODUCTION.isKnown(null)).isFalse();
    }

    @Test
    void shouldKnowSpecimenStateOnlyWhenAllowed() {
        assertThat(StateCodes.production().isKnown(StateCodes.SPECIMEN_STATE)).isFalse();
        assertThat(StateCodes.of(false).isKnown("UTO")).isFalse();
        assertThat(StateCodes.of(true).isKnown("UTO")).isTrue();
    }

    @Test
    void shouldStripTrailingFillersOnly() {
        assertThat(StateCodes.withoutFillers("D<<")).isEqualTo("D");
        assertThat(StateCodes.withoutFillers("IDN")).isEqualTo("IDN");
        assertThat(StateCodes.withoutFillers("<<<")).isEmpty();
        assertThat(StateCodes.withoutFillers("A<B<")).isEqualTo("A<B");
    }

    @Test
    void shouldTreatGermanysTwoCodesAsOneState() {
        assertThat(StateCodes.sameState("D", "DEU")).isTrue();
        assertThat(StateCodes.sameState("DEU", "D")).isTrue();
        assertThat(StateCodes.sameState("IDN", "IDN")).isTrue();
        assertThat(StateCodes.sameState("IDN", "MYS")).isFalse();
    }
}
