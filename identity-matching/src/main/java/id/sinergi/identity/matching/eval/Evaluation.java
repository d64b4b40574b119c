package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.BlockingKeys;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.matching.MatchRecord;
import id.sinergi.identity.matching.MatchScore;
import id.sinergi.identity.matching.MatchScorer;
import id.sinergi.identity.matching.MatchSettings;
import id.sinergi.identity.matching.WorkerMatcher;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the matcher over labelled exports the way identity-service does, in process, and measures it against the
 * truth: precision and recall of automatic links, recall with the review queue, and the queue's size.
 *
 * <p>Records are taken in order, the SISKOP2MI file first. Each one's candidates are the earlier records sharing a
 * blocking key hash (PostgreSQL's index in the service, a map here), grouped by the worker they were assigned to.
 * A MATCH joins that worker; anything else starts a new worker and sends every candidate worker to review.
 *
 * <p>From the repository root:
 *
 * <pre>
 * mvn -B -o -q install -pl identity-matching
 * mvn -B -o -q dependency:build-classpath -pl identity-matching -Dmdep.outputFile=target/classpath.txt \
 *     -DincludeScope=runtime
 * java -cp identity-matching/target/classes:$(cat identity-matching/target/classpath.txt) \
 *     id.sinergi.identity.matching.eval.Evaluation --persons 20000 --out target/matching-eval
 * </pre>
 *
 * See {@link Options#USAGE} for {@code --seed}, {@code --rate}, {@code --set} and {@code --in}.
 */
public final class Evaluation {

    /** Everything one run produced, by record index (SISKOP2MI rows first, then PEDULI_WNI). */
    public record Run(
            List<ExportRow> rows,
            MatchRecord[] records,
            long[][] hashes,
            int[] personOf,
            int[] workerOf,
            MatchClass[] decisions,
            MatchScore[] linkScores,
            List<Review> reviews,
            int[] candidates,
            PairMetrics metrics,
            long elapsedNanos) {}

    /** A review item with the score that put it there. */
    public record Review(int record, int worker, MatchScore score) {}

    private Evaluation() {}

    public static void main(String[] args) {
        try {
            Options options = Options.parse(args, true);
            run(options, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
        }
    }

    /** Generates (unless {@code --in}), evaluates, prints the report and writes errors.txt. */
    static void run(Options options, PrintStream out) {
        MatchSettings settings = MatchSettings.defaults().with(options.settingOverrides());
        Path dir = options.in();
        if (dir == null) {
            dir = options.out();
            LabelledExports.Result generated = LabelledExports.generate(options.generatorSettings());
            ExportFiles.write(generated, dir);
            LabelledExports.printSummary(generated, dir, out);
        }
        Run run = evaluate(dir, settings);
        Path errors = options.out().resolve("errors.txt");
        EvaluationReport.print(run, settings, out);
        EvaluationReport.writeErrors(
                run, new MatchScorer(settings), ExportFiles.readNoise(dir.resolve(ExportFiles.NOISE)), errors);
        out.println("false links and misses: " + errors);
    }

    /** Reads the two NDJSON exports and the truth from a directory and evaluates them. */
    public static Run evaluate(Path dir, MatchSettings settings) {
        List<ExportRow> siskop = ExportFiles.readNdjson(dir.resolve(ExportFiles.SISKOP2MI_NDJSON));
        List<ExportRow> peduli = ExportFiles.readNdjson(dir.resolve(ExportFiles.PEDULI_WNI_NDJSON));
        return evaluate(siskop, peduli, ExportFiles.readTruth(dir.resolve(ExportFiles.TRUTH)), settings);
    }

    /**
     * Matches the rows in order, SISKOP2MI first, and measures the outcome.
     *
     * @throws IllegalArgumentException when the truth lacks a row
     */
    public static Run evaluate(
            List<ExportRow> siskop,
            List<ExportRow> peduli,
            Map<ExportFiles.RecordKey, Integer> truth,
            MatchSettings settings) {
        List<ExportRow> rows = new ArrayList<>(siskop);
        rows.addAll(peduli);
        int[] personOf = persons(rows, truth);
        Replay replay = new Replay(rows.size(), new WorkerMatcher<>(new MatchScorer(settings)));
        long start = System.nanoTime();
        for (int i = 0; i < rows.size(); i++) {
            replay.match(i, rows.get(i).toMatchRecord());
        }
        long elapsed = System.nanoTime() - start;
        List<PairMetrics.ReviewItem> items = replay.reviews.stream()
                .map(r -> new PairMetrics.ReviewItem(r.record(), r.worker()))
                .toList();
        PairMetrics metrics = PairMetrics.compute(personOf, replay.workerOf, items, replay.candidates);
        return new Run(
                List.copyOf(rows),
                replay.records,
                replay.hashes,
                personOf,
                replay.workerOf,
                replay.decisions,
                replay.linkScores,
                List.copyOf(replay.reviews),
                replay.candidates,
                metrics,
                elapsed);
    }

    /** The state of one pass over the records: the blocking index and what was decided for each record so far. */
    private static final class Replay {

        private final WorkerMatcher<Integer> matcher;
        private final MatchRecord[] records;
        private final long[][] hashes;
        private final int[] workerOf;
        private final MatchClass[] decisions;
        private final MatchScore[] linkScores;
        private final int[] candidates;
        private final List<Review> reviews = new ArrayList<>();
        private final Map<Long, List<Integer>> index = new HashMap<>();
        private int workers;

        Replay(int n, WorkerMatcher<Integer> matcher) {
            this.matcher = matcher;
            this.records = new MatchRecord[n];
            this.hashes = new long[n][];
            this.workerOf = new int[n];
            this.decisions = new MatchClass[n];
            this.linkScores = new MatchScore[n];
            this.candidates = new int[n];
        }

        /** Finds the record's candidates, decides, assigns a worker, then indexes the record for those after it. */
        void match(int i, MatchRecord record) {
            records[i] = record;
            hashes[i] = BlockingKeys.hashes(record);
            int[] earlier = candidatesOf(hashes[i], index);
            candidates[i] = earlier.length;
            WorkerMatcher.Decision<Integer> decision = earlier.length == 0
                    ? new WorkerMatcher.Decision<>(MatchClass.NO_MATCH, null, List.of())
                    : matcher.decide(record, byWorker(earlier, records, workerOf));
            decisions[i] = decision.matchClass();
            if (decision.matchClass() == MatchClass.MATCH) {
                workerOf[i] = decision.linkTo();
                linkScores[i] = scoreOf(decision);
            } else {
                workerOf[i] = workers++;
                decision.candidates().forEach(c -> reviews.add(new Review(i, c.worker(), c.score())));
            }
            for (long h : hashes[i]) {
                index.computeIfAbsent(h, k -> new ArrayList<>()).add(i);
            }
        }
    }

    private static MatchScore scoreOf(WorkerMatcher.Decision<Integer> decision) {
        return decision.candidates().stream()
                .filter(c -> c.worker().equals(decision.linkTo()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a MATCH must be among the candidates"))
                .score();
    }

    private static int[] persons(List<ExportRow> rows, Map<ExportFiles.RecordKey, Integer> truth) {
        int[] personOf = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ExportRow row = rows.get(i);
            Integer person = truth.get(new ExportFiles.RecordKey(row.source(), row.sourceRecordId()));
            if (person == null) {
                throw new IllegalArgumentException("the truth has no person for " + row);
            }
            personOf[i] = person;
        }
        return personOf;
    }

    /** Earlier records sharing any hash, ascending and distinct. */
    private static int[] candidatesOf(long[] hashes, Map<Long, List<Integer>> index) {
        return Arrays.stream(hashes)
                .mapToObj(h -> index.getOrDefault(h, List.of()))
                .flatMap(List::stream)
                .mapToInt(Integer::intValue)
                .distinct()
                .sorted()
                .toArray();
    }

    /** Candidate records grouped by their worker, workers in order of their first candidate. */
    private static Map<Integer, List<MatchRecord>> byWorker(int[] earlier, MatchRecord[] records, int[] workerOf) {
        Map<Integer, List<MatchRecord>> grouped = new LinkedHashMap<>();
        for (int r : earlier) {
            grouped.computeIfAbsent(workerOf[r], k -> new ArrayList<>()).add(records[r]);
        }
        return grouped;
    }
}
