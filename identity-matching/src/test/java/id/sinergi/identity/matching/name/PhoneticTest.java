package id.sinergi.identity.matching.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneticTest {

    @Test
    void shouldIgnoreVowels() {
        assertThat(Phonetic.code("ZAINAL")).isEqualTo(Phonetic.code("ZAENAL"));
    }

    @Test
    void shouldSurviveAVowelSwappedWithItsNeighbour() {
        assertThat(Phonetic.code("RIZKI")).isEqualTo(Phonetic.code("RZIKI"));
    }

    @Test
    void shouldGroupLettersThatSoundAlike() {
        assertThat(Phonetic.code("ARIFIN")).isEqualTo(Phonetic.code("ARIPIN"));
        assertThat(Phonetic.code("RAHMAT")).isEqualTo(Phonetic.code("RAHMAD"));
    }

    @Test
    void shouldTellDifferentConsonantsApart() {
        assertThat(Phonetic.code("BUDI")).isNotEqualTo(Phonetic.code("AGUS"));
    }

    @Test
    void shouldCutLongNamesToFiveCharacters() {
        assertThat(Phonetic.code("JOYOHADIKUSUMO")).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void shouldGiveAnEmptyCodeForAnEmptyToken() {
        assertThat(Phonetic.code("")).isEmpty();
    }
}
