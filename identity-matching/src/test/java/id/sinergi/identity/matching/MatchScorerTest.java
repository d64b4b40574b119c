package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private static final LocalDate BORN = LocalDate.of(1990, 3, 5);
    private static final String NIK = "3203014503900003";
    private static final String TWIN_NIK = "3203014503900004";

    private final MatchScorer scorer = new MatchScorer(MatchSettings.defaults());

    private static MatchRecord siti(String nik, String name) {
        return new MatchRecord(nik, null, name, BORN, Sex.F, "Cianjur");
    }

    private double nameWeight(String a, String b) {
        return scorer.score(siti(null, a), siti(null, b)).field("name").weight();
    }

    private MatchClass classify(MatchRecord a, MatchRecord b) {
        return scorer.classify(scorer.score(a, b));
    }

    @Test
    void shouldMatchTheSameRecord() {
        assertThat(classify(siti(NIK, "Siti Aminah"), siti(NIK, "Siti Aminah"))).isEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldMatchWithoutNikWhenNameDateSexAndPlaceAgree() {
        MatchRecord noNik = siti(null, "Hj. Siti Aminah");

        assertThat(classify(noNik, siti(NIK, "SITI AMINAH"))).isEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldMatchANikWithOneWrongDigit() {
        assertThat(classify(siti("3203014503950003", "Siti Aminah"), siti(NIK, "Siti Aminah")))
                .isEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldNotMatchATwinWithAnotherGivenName() {
        MatchRecord twin = siti(TWIN_NIK, "Dewi Aminah");

        assertThat(classify(twin, siti(NIK, "Siti Aminah"))).isEqualTo(MatchClass.NO_MATCH);
    }

    @Test
    void shouldNotMatchATwinBrother() {
        MatchRecord brother = new MatchRecord("3203010503900004", null, "Budi Aminah", BORN, Sex.M, "Cianjur");

        assertThat(classify(brother, siti(NIK, "Siti Aminah"))).isEqualTo(MatchClass.NO_MATCH);
    }

    @Test
    void shouldNotMatchASiblingBornAnotherDay() {
        MatchRecord sibling =
                new MatchRecord("3203011208930001", null, "Rina Aminah", LocalDate.of(1993, 8, 12), Sex.F, "Cianjur");

        assertThat(classify(sibling, siti(NIK, "Siti Aminah"))).isEqualTo(MatchClass.NO_MATCH);
    }

    @Test
    void shouldNotAutomaticallyLinkAcrossConflictingNiks() {
        MatchRecord other = siti("3374056011850002", "Siti Aminah");

        assertThat(classify(other, siti(NIK, "Siti Aminah"))).isNotEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldMatchOnPassportWhenTheNikIsMissing() {
        MatchRecord abroad = new MatchRecord(null, "X1234567", "SITI AMINAH", BORN, Sex.F, null);
        MatchRecord known = new MatchRecord(NIK, "X1234567", "Siti Aminah", BORN, Sex.F, "Cianjur");

        assertThat(classify(abroad, known)).isEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldStillMatchAfterThePassportWasRenewed() {
        MatchRecord renewed = new MatchRecord(NIK, "C7654321", "Siti Aminah", BORN, Sex.F, "Cianjur");
        MatchRecord known = new MatchRecord(NIK, "X1234567", "Siti Aminah", BORN, Sex.F, "Cianjur");

        assertThat(classify(renewed, known)).isEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldSendSwappedNamesWithSwappedDayAndMonthAtLeastToReview() {
        MatchRecord noisy = new MatchRecord(null, null, "Aminah Siti", LocalDate.of(1990, 5, 3), Sex.F, "Cianjur");

        assertThat(classify(noisy, siti(NIK, "Siti Aminah"))).isNotEqualTo(MatchClass.NO_MATCH);
    }

    @Test
    void shouldNotMatchANamesakeBornElsewhereOnAnotherDay() {
        MatchRecord namesake = new MatchRecord(null, null, "Siti Aminah", LocalDate.of(1984, 11, 20), Sex.F, "Medan");

        assertThat(classify(namesake, siti(NIK, "Siti Aminah"))).isEqualTo(MatchClass.NO_MATCH);
    }

    @Test
    void shouldSumTheFieldWeights() {
        MatchScore score = scorer.score(siti(TWIN_NIK, "Dewi Aminah"), siti(NIK, "Siti Aminah"));

        double sum = score.fields().stream().mapToDouble(FieldScore::weight).sum();
        assertThat(score.total()).isEqualTo(sum);
    }

    @Test
    void shouldScoreEveryFieldWithAnExplanation() {
        MatchScore score = scorer.score(siti(TWIN_NIK, "Dewi Aminah"), siti(NIK, "Siti Aminah"));

        assertThat(score.fields())
                .extracting(FieldScore::field)
                .containsExactlyInAnyOrder("name", "birthDate", "sex", "birthPlace", "nik", "passport");
        assertThat(score.fields()).allSatisfy(f -> assertThat(f.explanation()).isNotBlank());
    }

    @Test
    void shouldKeepIdentifiersAndNamesOutOfExplanations() {
        MatchRecord a = new MatchRecord(TWIN_NIK, "X1234567", "Dewi Aminah", BORN, Sex.F, "Cianjur");
        MatchRecord b = new MatchRecord(NIK, "X1234568", "Siti Aminah", BORN, Sex.F, "Cianjur");

        MatchScore score = scorer.score(a, b);

        assertThat(score.fields()).allSatisfy(f -> assertThat(f.explanation().toUpperCase())
                .doesNotContain("3203")
                .doesNotContain("1234")
                .doesNotContain("AMINAH")
                .doesNotContain("DEWI"));
    }

    @Test
    void shouldExplainAMissingFieldAsMissingWithoutWeight() {
        MatchScore score = scorer.score(siti(null, "Siti Aminah"), siti(NIK, "Siti Aminah"));

        assertThat(score.field("nik").agreement()).isEqualTo(Agreement.MISSING);
        assertThat(score.field("nik").weight()).isZero();
    }

    @Test
    void shouldLowerTheNameWeightForEachDifference() {
        double exact = scorer.score(siti(null, "Siti Aminah"), siti(null, "Siti Aminah"))
                .field("name")
                .weight();
        double typo = scorer.score(siti(null, "Siti Aminan"), siti(null, "Siti Aminah"))
                .field("name")
                .weight();
        double typoAndMissing = scorer.score(siti(null, "Siti Aminan"), siti(null, "Siti Nur Aminah"))
                .field("name")
                .weight();

        assertThat(exact).isGreaterThan(typo);
        assertThat(typo).isGreaterThan(typoAndMissing);
    }

    @Test
    void shouldWeighASingleNameLessThanTwoTokensAndThreeTokensMore() {
        double one = nameWeight("Aminah", "Aminah");
        double two = nameWeight("Siti Aminah", "Siti Aminah");
        double three = nameWeight("Siti Aminah Lestari", "Siti Aminah Lestari");

        assertThat(one).isLessThan(two);
        assertThat(two).isLessThan(three);
    }

    @Test
    void shouldNotMatchATwinOfTheSameNameWhoseNikDiffersInTheSerial() {
        assertThat(classify(siti(TWIN_NIK, "Siti Aminah"), siti(NIK, "Siti Aminah")))
                .isNotEqualTo(MatchClass.MATCH);
    }

    @Test
    void shouldWeighAgreeingFatherNamesSlightlyFor() {
        double without = scorer.score(siti(null, "Siti Aminah"), siti(null, "Siti Aminah"))
                .total();
        double with = scorer.score(siti(null, "Siti Aminah binti Umar"), siti(null, "Siti Aminah binti Umar"))
                .total();

        assertThat(with).isGreaterThan(without).isLessThan(without + 3);
    }

    @Test
    void shouldClassifyByTheThresholds() {
        MatchSettings s = MatchSettings.defaults();

        assertThat(scorer.classify(new MatchScore(s.matchThreshold(), java.util.List.of())))
                .isEqualTo(MatchClass.MATCH);
        assertThat(scorer.classify(new MatchScore(s.reviewThreshold(), java.util.List.of())))
                .isEqualTo(MatchClass.POSSIBLE_MATCH);
        assertThat(scorer.classify(new MatchScore(s.reviewThreshold() - 0.01, java.util.List.of())))
                .isEqualTo(MatchClass.NO_MATCH);
    }
}
