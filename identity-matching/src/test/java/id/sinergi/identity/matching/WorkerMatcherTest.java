package id.sinergi.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerMatcherTest {

    private static final LocalDate BORN = LocalDate.of(1990, 3, 5);
    private static final String NIK = "3203014503900003";

    private static final MatchRecord INCOMING = new MatchRecord(NIK, null, "Siti Aminah", BORN, Sex.F, "Cianjur");
    private static final MatchRecord SAME = new MatchRecord(NIK, null, "SITI AMINAH", BORN, Sex.F, "Cianjur");
    private static final MatchRecord NEAR = new MatchRecord(null, null, "Siti Aminan", BORN, Sex.F, "Bogor");
    private static final MatchRecord OTHER =
            new MatchRecord("3374056011850002", null, "Budi Santoso", LocalDate.of(1985, 11, 20), Sex.M, "Semarang");

    private final WorkerMatcher<Integer> matcher = new WorkerMatcher<>(new MatchScorer(MatchSettings.defaults()));

    private static Map<Integer, List<MatchRecord>> workers(Object... idsAndRecords) {
        Map<Integer, List<MatchRecord>> workers = new LinkedHashMap<>();
        for (int i = 0; i < idsAndRecords.length; i += 2) {
            workers.put((Integer) idsAndRecords[i], (List<MatchRecord>) idsAndRecords[i + 1]);
        }
        return workers;
    }

    @Test
    void shouldLinkToTheOnlyWorkerThatMatches() {
        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(OTHER), 2, List.of(SAME)));

        assertThat(d.matchClass()).isEqualTo(MatchClass.MATCH);
        assertThat(d.linkTo()).isEqualTo(2);
    }

    @Test
    void shouldLinkNothingWhenTwoWorkersMatch() {
        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(SAME), 2, List.of(SAME)));

        assertThat(d.matchClass()).isEqualTo(MatchClass.POSSIBLE_MATCH);
        assertThat(d.linkTo()).isNull();
        assertThat(d.candidates()).extracting(WorkerMatcher.Candidate::worker).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void shouldSendAPossibleMatchToReview() {
        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(NEAR)));

        assertThat(d.matchClass()).isEqualTo(MatchClass.POSSIBLE_MATCH);
        assertThat(d.linkTo()).isNull();
        assertThat(d.candidates()).extracting(WorkerMatcher.Candidate::worker).containsExactly(1);
    }

    @Test
    void shouldSendAWorkerSharingTheNikToReviewHoweverDifferentTheRest() {
        MatchRecord stranger = new MatchRecord(NIK, null, "Budi Santoso", LocalDate.of(1961, 11, 20), Sex.M, "Medan");

        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(stranger)));

        assertThat(d.matchClass()).isEqualTo(MatchClass.POSSIBLE_MATCH);
        assertThat(d.candidates()).extracting(WorkerMatcher.Candidate::worker).containsExactly(1);
    }

    @Test
    void shouldSendAWorkerSharingThePassportNumberToReview() {
        MatchRecord withPassport = new MatchRecord(null, "C1234567", "Siti Aminah", BORN, Sex.F, "Cianjur");
        MatchRecord stranger =
                new MatchRecord(null, "c1234567", "Budi Santoso", LocalDate.of(1961, 11, 20), Sex.M, "Medan");

        WorkerMatcher.Decision<Integer> d = matcher.decide(withPassport, workers(1, List.of(stranger)));

        assertThat(d.matchClass()).isEqualTo(MatchClass.POSSIBLE_MATCH);
    }

    @Test
    void shouldFindNoMatchAmongUnrelatedWorkers() {
        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(OTHER)));

        assertThat(d.matchClass()).isEqualTo(MatchClass.NO_MATCH);
        assertThat(d.candidates()).isEmpty();
    }

    @Test
    void shouldJudgeAWorkerByItsBestRecord() {
        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(OTHER, SAME)));

        assertThat(d.linkTo()).isEqualTo(1);
    }

    @Test
    void shouldListCandidatesBestFirst() {
        WorkerMatcher.Decision<Integer> d = matcher.decide(INCOMING, workers(1, List.of(NEAR), 2, List.of(SAME)));

        assertThat(d.candidates()).extracting(WorkerMatcher.Candidate::worker).containsExactly(2, 1);
        assertThat(d.candidates().get(0).matchClass()).isEqualTo(MatchClass.MATCH);
    }
}
