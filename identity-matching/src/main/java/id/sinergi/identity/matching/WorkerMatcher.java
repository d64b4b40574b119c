package id.sinergi.identity.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decides over whole workers: scores an incoming record against every record of each candidate worker.
 *
 * @param <K> the worker key type (UUID in the service, Integer in the evaluation)
 */
public final class WorkerMatcher<K> {

    private final MatchScorer scorer;

    public WorkerMatcher(MatchScorer scorer) {
        this.scorer = scorer;
    }

    /** One worker's best comparison with the incoming record. */
    public record Candidate<K>(K worker, MatchScore score, MatchClass matchClass) {}

    /**
     * The outcome for one incoming record.
     *
     * <p>{@code matchClass} MATCH means exactly one worker matched and {@code linkTo} names it; otherwise
     * {@code linkTo} is null. {@code candidates} holds every worker at POSSIBLE_MATCH or better, best first.
     */
    public record Decision<K>(MatchClass matchClass, K linkTo, List<Candidate<K>> candidates) {

        public Decision {
            candidates = List.copyOf(candidates);
        }
    }

    /**
     * Scores the incoming record against each worker's records and decides.
     *
     * <p>A worker's score is its best record's score, since one good source record is enough evidence. Two workers
     * at MATCH are ambiguous: nothing is linked and both go to review, because a false link is the worst failure. A
     * worker who shares a NIK or a passport number with the record goes to review however low the score: one
     * number on two people is a typo in one system or an identity used by someone else, and a person must see it.
     */
    public Decision<K> decide(MatchRecord incoming, Map<K, List<MatchRecord>> recordsByWorker) {
        List<Candidate<K>> candidates = new ArrayList<>();
        recordsByWorker.forEach((worker, records) -> {
            Candidate<K> best = best(incoming, worker, records);
            if (best != null && best.matchClass() != MatchClass.NO_MATCH) {
                candidates.add(best);
            }
        });
        candidates.sort(Comparator.comparingDouble((Candidate<K> c) -> c.score().total())
                .reversed());
        return decision(candidates);
    }

    private Candidate<K> best(MatchRecord incoming, K worker, List<MatchRecord> records) {
        MatchScore best = null;
        for (MatchRecord known : records) {
            MatchScore score = scorer.score(incoming, known);
            if (best == null || score.total() > best.total()) {
                best = score;
            }
        }
        if (best == null) {
            return null;
        }
        MatchClass matchClass = scorer.classify(best);
        if (matchClass == MatchClass.NO_MATCH && sharesIdentifier(incoming, records)) {
            matchClass = MatchClass.POSSIBLE_MATCH;
        }
        return new Candidate<>(worker, best, matchClass);
    }

    static boolean sharesIdentifier(MatchRecord incoming, List<MatchRecord> records) {
        return records.stream()
                .anyMatch(r -> same(incoming.nik(), r.nik()) || same(incoming.passportNumber(), r.passportNumber()));
    }

    private static boolean same(String a, String b) {
        return a != null && !a.isBlank() && a.strip().equalsIgnoreCase(b == null ? "" : b.strip());
    }

    private static <K> Decision<K> decision(List<Candidate<K>> candidates) {
        long matches = candidates.stream()
                .filter(c -> c.matchClass() == MatchClass.MATCH)
                .count();
        if (matches == 1) {
            return new Decision<>(MatchClass.MATCH, candidates.get(0).worker(), candidates);
        }
        MatchClass result = candidates.isEmpty() ? MatchClass.NO_MATCH : MatchClass.POSSIBLE_MATCH;
        return new Decision<>(result, null, candidates);
    }
}
