package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchSettingsTest {

    @Test
    void shouldPutTheMatchThresholdAboveTheReviewThreshold() {
        MatchSettings s = MatchSettings.defaults();

        assertThat(s.matchThreshold()).isGreaterThan(s.reviewThreshold());
    }

    @Test
    void shouldOverrideAThreshold() {
        MatchSettings s = MatchSettings.defaults().with(Map.of("match-threshold", "30"));

        assertThat(s.matchThreshold()).isEqualTo(30);
        assertThat(s.reviewThreshold()).isEqualTo(MatchSettings.defaults().reviewThreshold());
    }

    @Test
    void shouldOverrideAWeight() {
        MatchSettings s = MatchSettings.defaults().with(Map.of("weights.nik-agree", "20.5"));

        assertThat(s.weights().nikAgree()).isEqualTo(20.5);
        assertThat(s.weights().nameAgree())
                .isEqualTo(MatchSettings.defaults().weights().nameAgree());
    }

    @Test
    void shouldRefuseAnUnknownKey() {
        assertThatThrownBy(() -> MatchSettings.defaults().with(Map.of("weights.shoe-size", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights.shoe-size");
    }

    @Test
    void shouldRefuseACamelCaseKey() {
        assertThatThrownBy(() -> MatchSettings.defaults().with(Map.of("matchThreshold", "1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAValueThatIsNotANumber() {
        assertThatThrownBy(() -> MatchSettings.defaults().with(Map.of("review-threshold", "high")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review-threshold");
    }

    @Test
    void shouldRefuseAMatchThresholdBelowTheReviewThreshold() {
        assertThatThrownBy(() -> MatchSettings.defaults().with(Map.of("match-threshold", "1", "review-threshold", "2")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldListEveryKeyInKebabCase() {
        Map<String, String> properties = MatchSettings.defaults().asProperties();

        assertThat(properties).containsKeys("match-threshold", "review-threshold", "weights.nik-agree");
        assertThat(properties.keySet()).allSatisfy(k -> assertThat(k).matches("[a-z.-]+"));
        assertThat(properties).hasSize(2 + MatchSettings.Weights.class.getRecordComponents().length);
    }

    @Test
    void shouldReadBackWhatItLists() {
        MatchSettings defaults = MatchSettings.defaults();

        assertThat(defaults.with(defaults.asProperties())).isEqualTo(defaults);
    }
}
