package id.sinergi.identity.matching.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Precision and recall over record pairs: a pair is true when both records belong to one person, linked when the
 * matcher put both into one worker, and found with review when it is linked or a review item of one record names
 * the other's worker.
 *
 * @param records records matched
 * @param truePairs pairs of records of one person
 * @param linkedPairs pairs of records in one worker
 * @param correctLinkedPairs pairs that are both
 * @param foundWithReview true pairs linked or offered in review
 * @param reviewItems review items (record, worker) created
 * @param correctReviewItems review items whose worker holds a record of the item's person
 * @param recordsInReview records with at least one review item
 * @param candidatesMean blocking candidates (earlier records sharing a key) per record, mean
 * @param candidatesP95 the same, 95th percentile
 * @param candidatesMax the same, largest
 */
public record PairMetrics(
        int records,
        long truePairs,
        long linkedPairs,
        long correctLinkedPairs,
        long foundWithReview,
        long reviewItems,
        long correctReviewItems,
        long recordsInReview,
        double candidatesMean,
        int candidatesP95,
        int candidatesMax) {

    /** A record sent to review as a possible match of a worker it was not linked to. */
    public record ReviewItem(int record, int worker) {}

    /**
     * Computes the metrics of one run.
     *
     * @param personOf the true person of each record, by record index
     * @param workerOf the worker the matcher assigned each record to, by record index
     * @param reviews every review item
     * @param candidates blocking candidates of each record, by record index
     */
    public static PairMetrics compute(int[] personOf, int[] workerOf, List<ReviewItem> reviews, int[] candidates) {
        if (personOf.length != workerOf.length || candidates.length != workerOf.length) {
            throw new IllegalArgumentException("every record needs a person, a worker and a candidate count");
        }
        Map<Integer, List<Integer>> byPerson = group(personOf);
        Map<Integer, List<Integer>> byWorker = group(workerOf);
        long truePairs =
                byPerson.values().stream().mapToLong(m -> pairs(m.size())).sum();
        long linked = byWorker.values().stream().mapToLong(m -> pairs(m.size())).sum();
        long correct = 0;
        for (List<Integer> members : byWorker.values()) {
            Map<Integer, Long> perPerson = new HashMap<>();
            members.forEach(r -> perPerson.merge(personOf[r], 1L, Long::sum));
            correct += perPerson.values().stream().mapToLong(PairMetrics::pairs).sum();
        }
        Set<Long> offered = new HashSet<>();
        Set<Integer> inReview = new HashSet<>();
        for (ReviewItem item : reviews) {
            offered.add(key(item.record(), item.worker()));
            inReview.add(item.record());
        }
        long found = foundWithReview(byPerson, workerOf, offered);
        long correctItems = correctReviewItems(reviews, personOf, byWorker);
        int[] sorted = candidates.clone();
        Arrays.sort(sorted);
        return new PairMetrics(
                workerOf.length,
                truePairs,
                linked,
                correct,
                found,
                reviews.size(),
                correctItems,
                inReview.size(),
                Arrays.stream(sorted).average().orElse(0),
                percentile(sorted, 0.95),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
    }

    /** Linked pairs that are true; 1 when nothing was linked (no false link was made). */
    public double precision() {
        return linkedPairs == 0 ? 1.0 : (double) correctLinkedPairs / linkedPairs;
    }

    /** True pairs that were linked; 1 when there is no true pair. */
    public double recall() {
        return truePairs == 0 ? 1.0 : (double) correctLinkedPairs / truePairs;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** True pairs linked or offered in review. */
    public double reviewRecall() {
        return truePairs == 0 ? 1.0 : (double) foundWithReview / truePairs;
    }

    /** Review items that would be right to accept; 1 when there is none. */
    public double reviewPrecision() {
        return reviewItems == 0 ? 1.0 : (double) correctReviewItems / reviewItems;
    }

    /** Review items as a share of the records matched. */
    public double queueShare() {
        return records == 0 ? 0 : (double) reviewItems / records;
    }

    private static long foundWithReview(Map<Integer, List<Integer>> byPerson, int[] workerOf, Set<Long> offered) {
        long found = 0;
        for (List<Integer> members : byPerson.values()) {
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    int a = members.get(i);
                    int b = members.get(j);
                    boolean hit = workerOf[a] == workerOf[b]
                            || offered.contains(key(a, workerOf[b]))
                            || offered.contains(key(b, workerOf[a]));
                    found += hit ? 1 : 0;
                }
            }
        }
        return found;
    }

    private static long correctReviewItems(
            List<ReviewItem> reviews, int[] personOf, Map<Integer, List<Integer>> byWorker) {
        long correct = 0;
        for (ReviewItem item : reviews) {
            int person = personOf[item.record()];
            List<Integer> members = byWorker.getOrDefault(item.worker(), List.of());
            correct += members.stream().anyMatch(r -> personOf[r] == person) ? 1 : 0;
        }
        return correct;
    }

    private static Map<Integer, List<Integer>> group(int[] labels) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            groups.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static long pairs(long n) {
        return n * (n - 1) / 2;
    }

    private static long key(int record, int worker) {
        return ((long) record << 32) | (worker & 0xFFFFFFFFL);
    }

    /** Nearest-rank percentile of sorted values. */
    static int percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
