package id.sinergi.identity.matching.name;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameNormalizerTest {

    private static java.util.List<String> tokens(String name) {
        return NameNormalizer.normalize(name).tokens();
    }

    @Test
    void shouldIgnoreLetterCase() {
        assertThat(tokens("siti AMINAH")).isEqualTo(tokens("SITI aminah"));
    }

    @Test
    void shouldIgnoreExtraSpacing() {
        assertThat(tokens("  Siti \t  Aminah ")).isEqualTo(tokens("Siti Aminah"));
    }

    @Test
    void shouldIgnorePunctuationBetweenTokens() {
        assertThat(tokens("Siti; Aminah!")).isEqualTo(tokens("Siti Aminah"));
    }

    @Test
    void shouldTreatAsciiAndTypographicApostrophesAlike() {
        assertThat(tokens("Ma\u2019ruf Amin")).isEqualTo(tokens("Ma'ruf Amin"));
    }

    @Test
    void shouldJoinTheLettersAroundAnApostrophe() {
        assertThat(tokens("Ma'ruf")).isEqualTo(tokens("Maruf"));
    }

    @Test
    void shouldStripDiacritics() {
        assertThat(tokens("Jos\u00e9 Ram\u00f4s")).isEqualTo(tokens("Jose Ramos"));
    }

    @Test
    void shouldDropHonorificsBeforeTheName() {
        assertThat(tokens("Hj. Siti Aminah")).isEqualTo(tokens("Siti Aminah"));
        assertThat(tokens("H. Ahmad Dahlan")).isEqualTo(tokens("Ahmad Dahlan"));
        assertThat(tokens("Haji Ahmad Dahlan")).isEqualTo(tokens("Ahmad Dahlan"));
        assertThat(tokens("Hajjah Siti Aminah")).isEqualTo(tokens("Siti Aminah"));
    }

    @Test
    void shouldDropSeveralAcademicTitlesBeforeTheName() {
        assertThat(tokens("Prof. Dr. Ir. Budi Santoso")).isEqualTo(tokens("Budi Santoso"));
        assertThat(tokens("Drs. H. Budi Santoso")).isEqualTo(tokens("Budi Santoso"));
    }

    @Test
    void shouldDropDegreesAfterTheName() {
        assertThat(tokens("Budi Santoso, S.Pd.")).isEqualTo(tokens("Budi Santoso"));
        assertThat(tokens("Budi Santoso, S.E., M.M.")).isEqualTo(tokens("Budi Santoso"));
        assertThat(tokens("Budi Santoso S.Kom")).isEqualTo(tokens("Budi Santoso"));
    }

    @Test
    void shouldKeepAShortWordThatOnlyLooksLikeADegreeWhenWrittenWithoutDot() {
        assertThat(tokens("Budi Se")).hasSize(2);
    }

    @Test
    void shouldKeepANameThatIsNothingButATitle() {
        assertThat(tokens("Haji")).hasSize(1);
    }

    @Test
    void shouldKeepTheFatherNameAfterBinApart() {
        NormalizedName name = NameNormalizer.normalize("Ahmad bin Yusuf");

        assertThat(name.tokens()).isEqualTo(tokens("Ahmad"));
        assertThat(name.fatherTokens()).isEqualTo(tokens("Yusuf"));
    }

    @Test
    void shouldTreatBintiBtAndBteLikeBin() {
        assertThat(NameNormalizer.normalize("Siti binti Umar").fatherTokens()).isEqualTo(tokens("Umar"));
        assertThat(NameNormalizer.normalize("Siti bt Umar").fatherTokens()).isEqualTo(tokens("Umar"));
        assertThat(NameNormalizer.normalize("Siti bte Umar").fatherTokens()).isEqualTo(tokens("Umar"));
    }

    @Test
    void shouldDropTitlesOfTheFather() {
        assertThat(NameNormalizer.normalize("Siti binti H. Umar").fatherTokens())
                .isEqualTo(tokens("Umar"));
    }

    @Test
    void shouldCanonicaliseTheSpellingsOfMuhammad() {
        String[] spellings = {
            "Muhammad",
            "Muhamad",
            "Mohammad",
            "Mohamad",
            "Mohamed",
            "Muhammed",
            "Moh.",
            "Moch.",
            "Mochammad",
            "Muh.",
            "M.",
            "Mohd"
        };
        for (String spelling : spellings) {
            assertThat(tokens(spelling + " Rizki")).as(spelling).isEqualTo(tokens("Muhammad Rizki"));
        }
    }

    @Test
    void shouldCanonicaliseOtherArabicOriginVariants() {
        assertThat(tokens("Abd. Rahman")).isEqualTo(tokens("Abdul Rachman"));
        assertThat(tokens("Noor Aini")).isEqualTo(tokens("Nur Aini"));
        assertThat(tokens("Sitti Aminah")).isEqualTo(tokens("Siti Aminah"));
        assertThat(tokens("Achmad")).isEqualTo(tokens("Ahmad")).isEqualTo(tokens("Akhmad"));
        assertThat(tokens("Yusup")).isEqualTo(tokens("Yusuf")).isEqualTo(tokens("Jusuf"));
        assertThat(tokens("Fatima")).isEqualTo(tokens("Fatimah"));
        assertThat(tokens("Aishah")).isEqualTo(tokens("Aisyah")).isEqualTo(tokens("Aisah"));
    }

    @Test
    void shouldReadTheOldSpellingAsTheNewOne() {
        assertThat(tokens("Soekarno")).isEqualTo(tokens("Sukarno"));
        assertThat(tokens("Djoko")).isEqualTo(tokens("Joko"));
        assertThat(tokens("Tjahjadi")).isEqualTo(tokens("Cahyadi"));
        assertThat(tokens("Sjahrir")).isEqualTo(tokens("Syahrir"));
    }

    @Test
    void shouldReadTheOldJAsY() {
        assertThat(tokens("Soerjadi")).isEqualTo(tokens("Suryadi"));
        assertThat(tokens("Wahju")).isEqualTo(tokens("Wahyu"));
    }

    @Test
    void shouldKeepTheNewJAsItIsSpelledInTheOldWay() {
        assertThat(tokens("Djoko")).isEqualTo(tokens("Joko"));
    }

    @Test
    void shouldFoldChAndKhIntoOneForm() {
        assertThat(tokens("Chairul")).isEqualTo(tokens("Khairul"));
        assertThat(tokens("Rachmat")).isEqualTo(tokens("Rakhmat"));
    }

    @Test
    void shouldCountASingleNameWrittenTwiceOnce() {
        assertThat(tokens("SITI SITI")).isEqualTo(tokens("Siti"));
    }

    @Test
    void shouldKeepTheWrittenOrderOfTokens() {
        assertThat(tokens("Santoso, Budi")).isEqualTo(java.util.List.of("SANTOSO", "BUDI"));
    }

    @Test
    void shouldSplitInitialsGluedToTheName() {
        assertThat(tokens("M.Rizki")).isEqualTo(tokens("M. Rizki"));
    }

    @Test
    void shouldSplitHyphenatedNames() {
        assertThat(tokens("Nur-Aini")).isEqualTo(tokens("Nur Aini"));
    }

    @Test
    void shouldReturnAnEmptyNameForBlankInput() {
        assertThat(NameNormalizer.normalize("  ").isEmpty()).isTrue();
        assertThat(NameNormalizer.normalize(null).isEmpty()).isTrue();
    }

    @Test
    void shouldWriteThePlainFormWithoutPunctuationOrCase() {
        assertThat(NameNormalizer.plain("siti  aminah.")).isEqualTo(NameNormalizer.plain("SITI AMINAH"));
        assertThat(NameNormalizer.plain("Siti Aminah")).isNotEqualTo(NameNormalizer.plain("Aminah Siti"));
    }

    @Test
    void shouldNotRevealTheNameInToString() {
        assertThat(NameNormalizer.normalize("Siti Aminah").toString()).doesNotContain("SITI");
    }
}
