package id.sinergi.identity.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistrictCodesTest {

    private static final DistrictCodes CODES = DistrictCodes.fromClasspath();

    @Test
    void shouldLoadEveryCurrentAndRetiredDistrict() {
        int current = CODES.currentCount();
        int retired = CODES.retiredCount();

        assertThat(current).isEqualTo(7_285);
        assertThat(retired).isEqualTo(594);
        assertThat(CODES.size()).isEqualTo(current + retired);
    }

    @Test
    void shouldKnowCurrentAndRetiredDistrictsOnly() {
        boolean gambir = CODES.isKnown("317101");
        boolean merauke2022 = CODES.isKnown("910101");
        boolean merauke = CODES.isKnown("930101");

        assertThat(gambir).isTrue();
        assertThat(merauke2022).as("retired Papua code that old NIKs keep").isTrue();
        assertThat(merauke).isTrue();
        assertThat(CODES.isKnown("317199"))
                .as("regency 31.71 exists, district 99 does not")
                .isFalse();
        assertThat(CODES.isKnown("3171")).as("a regency is no district").isFalse();
        assertThat(CODES.isKnown("997101")).isFalse();
    }
}
