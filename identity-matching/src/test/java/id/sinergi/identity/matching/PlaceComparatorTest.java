package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.identity.matching.MatchSettings.Weights;
import org.junit.jupiter.api.Test;

class PlaceComparatorTest {

    private final Weights w = MatchSettings.defaults().weights();

    @Test
    void shouldAgreeOnTheSamePlaceInAnyCase() {
        assertThat(PlaceComparator.compare("Cianjur", "CIANJUR", w).agreement()).isEqualTo(Agreement.AGREE);
    }

    @Test
    void shouldIgnoreTheWordForTheKindOfRegion() {
        assertThat(PlaceComparator.compare("Kab. Cianjur", "Cianjur", w).agreement())
                .isEqualTo(Agreement.AGREE);
    }

    @Test
    void shouldReadTheOldSpellingOfAPlace() {
        assertThat(PlaceComparator.compare("Soerabaja", "Surabaya", w).agreement())
                .isEqualTo(Agreement.AGREE);
    }

    @Test
    void shouldFindAPlaceInsideALongerOnePartial() {
        assertThat(PlaceComparator.compare("Cianjur, Jawa Barat", "Cianjur", w).agreement())
                .isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void shouldFindAPlaceWithOneWrongLetterPartial() {
        assertThat(PlaceComparator.compare("Cianjur", "Cianjru", w).agreement()).isEqualTo(Agreement.PARTIAL);
    }

    @Test
    void shouldDisagreeOnDifferentPlaces() {
        FieldScore score = PlaceComparator.compare("Cianjur", "Indramayu", w);

        assertThat(score.agreement()).isEqualTo(Agreement.DISAGREE);
        assertThat(score.weight()).isEqualTo(w.birthPlaceDisagree());
    }

    @Test
    void shouldScoreAMissingPlaceZero() {
        assertThat(PlaceComparator.compare(" ", "Cianjur", w).weight()).isZero();
    }
}
