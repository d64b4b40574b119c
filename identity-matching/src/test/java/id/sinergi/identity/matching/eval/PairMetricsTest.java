package id.sinergi.identity.matching.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import id.sinergi.identity.matching.eval.PairMetrics.ReviewItem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-made run of six records. Persons: r0, r1, r2 are P1; r3, r4 are P2; r5 is P3. Workers: r0, r1 in W0;
 * r2, r3 in W1 (a false link); r4 in W2; r5 in W3.
 *
 * <p>True pairs: P1 has 3 (r0-r1, r0-r2, r1-r2), P2 has 1 (r3-r4): 4. Linked pairs: W0 has 1 (r0-r1), W1 has 1
 * (r2-r3): 2, of which r0-r1 is true: 1 correct.
 */
class PairMetricsTest {

    private static final int[] PERSONS = {1, 1, 1, 2, 2, 3};
    private static final int[] WORKERS = {0, 0, 1, 1, 2, 3};
    private static final int[] CANDIDATES = {0, 1, 1, 2, 3, 10};

    /** r2 offered to W0 (holds P1: right), r4 to W1 (holds r3 of P2: right), r5 to W2 (holds only P2: wrong). */
    private static final List<ReviewItem> REVIEWS =
            List.of(new ReviewItem(2, 0), new ReviewItem(4, 1), new ReviewItem(5, 2));

    @Test
    void shouldComputeAutomaticPrecisionAsCorrectOverLinkedPairs() {
        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, REVIEWS, CANDIDATES);

        // 1 correct of 2 linked.
        assertThat(m.linkedPairs()).isEqualTo(2);
        assertThat(m.correctLinkedPairs()).isEqualTo(1);
        assertThat(m.precision()).isEqualTo(0.5);
    }

    @Test
    void shouldComputeAutomaticRecallAsCorrectOverTruePairs() {
        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, REVIEWS, CANDIDATES);

        // 1 correct of 4 true.
        assertThat(m.truePairs()).isEqualTo(4);
        assertThat(m.recall()).isEqualTo(0.25);
    }

    @Test
    void shouldComputeF1AsHarmonicMeanOfPrecisionAndRecall() {
        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, REVIEWS, CANDIDATES);

        // 2 * 0.5 * 0.25 / (0.5 + 0.25) = 0.25 / 0.75 = 1/3.
        assertThat(m.f1()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void shouldCountAPairFoundWhenAReviewItemNamesThePartnersWorker() {
        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, REVIEWS, CANDIDATES);

        // r0-r1 linked; r0-r2 and r1-r2 found by (r2, W0); r3-r4 found by (r4, W1): 4 of 4.
        assertThat(m.foundWithReview()).isEqualTo(4);
        assertThat(m.reviewRecall()).isEqualTo(1.0);
    }

    @Test
    void shouldMissPairsThatNoReviewItemConnects() {
        List<ReviewItem> withoutR2 = REVIEWS.subList(1, 3);

        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, withoutR2, CANDIDATES);

        // Without (r2, W0) only r0-r1 (linked) and r3-r4 (by (r4, W1)) are found: 2 of 4.
        assertThat(m.reviewRecall()).isEqualTo(0.5);
    }

    @Test
    void shouldComputeReviewPrecisionAndQueueShare() {
        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, REVIEWS, CANDIDATES);

        // Items right to accept: (r2, W0) and (r4, W1), not (r5, W2): 2 of 3. Queue: 3 items for 6 records.
        assertThat(m.correctReviewItems()).isEqualTo(2);
        assertThat(m.reviewPrecision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.queueShare()).isEqualTo(0.5);
        assertThat(m.recordsInReview()).isEqualTo(3);
    }

    @Test
    void shouldSummariseCandidatesPerRecord() {
        PairMetrics m = PairMetrics.compute(PERSONS, WORKERS, REVIEWS, CANDIDATES);

        // Mean (0+1+1+2+3+10)/6 = 17/6; p95 by nearest rank: ceil(0.95 * 6) = 6th smallest = 10; max 10.
        assertThat(m.candidatesMean()).isCloseTo(17.0 / 6, within(1e-12));
        assertThat(m.candidatesP95()).isEqualTo(10);
        assertThat(m.candidatesMax()).isEqualTo(10);
    }

    @Test
    void shouldReportPerfectPrecisionWhenNothingIsLinked() {
        int[] alone = {0, 1, 2, 3, 4, 5};

        PairMetrics m = PairMetrics.compute(PERSONS, alone, List.of(), CANDIDATES);

        // No linked pair, so no false link: precision 1 by definition; recall 0 of 4.
        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isZero();
    }
}
