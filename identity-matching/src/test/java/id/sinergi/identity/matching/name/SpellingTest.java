package id.sinergi.identity.matching.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void shouldReadOeAsU() {
        assertThat(Spelling.canonical("SOEHARTO")).isEqualTo(Spelling.canonical("SUHARTO"));
    }

    @Test
    void shouldReadDjAsJ() {
        assertThat(Spelling.canonical("DJOJO")).isEqualTo(Spelling.canonical("JOYO"));
    }

    @Test
    void shouldReadTjAsC() {
        assertThat(Spelling.canonical("TJANDRA")).isEqualTo(Spelling.canonical("CANDRA"));
    }

    @Test
    void shouldReadTjAlsoAsTFollowedByTheOldY() {
        assertThat(Spelling.canonical("PRASETJO")).isEqualTo(Spelling.canonical("PRASETYO"));
    }

    @Test
    void shouldReadJAsTheOldY() {
        assertThat(Spelling.canonical("JUJUN")).isEqualTo(Spelling.canonical("YUYUN"));
    }

    @Test
    void shouldReadSjAsSy() {
        assertThat(Spelling.canonical("SJAFRUDIN")).isEqualTo(Spelling.canonical("SYAFRUDIN"));
    }

    @Test
    void shouldReadHjAsTheOldSpellingOfHy() {
        assertThat(Spelling.canonical("WAHJUDI")).isEqualTo(Spelling.canonical("WAHYUDI"));
    }

    @Test
    void shouldCollapseDoubledLetters() {
        assertThat(Spelling.canonical("HASSAN")).isEqualTo(Spelling.canonical("HASAN"));
    }

    @Test
    void shouldReadAFinalYAfterAConsonantAsI() {
        assertThat(Spelling.canonical("DEDY")).isEqualTo(Spelling.canonical("DEDI"));
    }

    @Test
    void shouldKeepAFinalYAfterAVowel() {
        assertThat(Spelling.canonical("RAY")).endsWith("Y");
    }

    @Test
    void shouldReadQAsK() {
        assertThat(Spelling.canonical("TAUFIQ")).isEqualTo(Spelling.canonical("TAUFIK"));
    }

    @Test
    void shouldReadDhAndThAsDAndT() {
        assertThat(Spelling.canonical("RAMADHAN")).isEqualTo(Spelling.canonical("RAMADAN"));
        assertThat(Spelling.canonical("FATHONI")).isEqualTo(Spelling.canonical("FATONI"));
    }

    @Test
    void shouldMapEveryMemberOfAVariantGroupToItsFirstMember() {
        assertThat(Spelling.canonical("MOCHAMMAD")).isEqualTo(Spelling.canonical("MUHAMMAD"));
        assertThat(Spelling.canonical("M")).isEqualTo(Spelling.canonical("MUHAMMAD"));
    }

    @Test
    void shouldLeaveAnUnknownModernNameAsItIs() {
        assertThat(Spelling.canonical("BUDI")).isEqualTo("BUDI");
    }
}
