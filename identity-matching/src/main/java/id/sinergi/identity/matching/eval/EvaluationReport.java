package id.sinergi.identity.matching.eval;

import id.sinergi.identity.matching.FieldScore;
import id.sinergi.identity.matching.MatchScore;
import id.sinergi.identity.matching.MatchScorer;
import id.sinergi.identity.matching.MatchSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoublePredicate;

/** Prints an evaluation as a table with PASS/FAIL per target, and writes its false links and misses for tuning. */
public final class EvaluationReport {

    /** A target of issue 3 ("Measured, not assumed"). */
    public record Target(String name, String bound, DoublePredicate met) {}

    public static final Target AUTO_PRECISION = new Target("automatic links precision", ">= 0.999", v -> v >= 0.999);
    public static final Target AUTO_RECALL = new Target("automatic links recall", ">= 0.95", v -> v >= 0.95);
    public static final Target REVIEW_RECALL = new Target("with review recall", ">= 0.99", v -> v >= 0.99);
    public static final Target QUEUE = new Target("review queue / records", "<= 5%", v -> v <= 0.05);

    private EvaluationReport() {}

    /** The figures, the targets they are held to, and the settings that produced them. */
    public static void print(Evaluation.Run run, MatchSettings settings, PrintStream out) {
        PairMetrics m = run.metrics();
        long siskop = run.rows().stream()
                .filter(r -> ExportRow.SISKOP2MI.equals(r.source()))
                .count();
        double seconds = run.elapsedNanos() / 1e9;
        out.printf(
                Locale.ROOT,
                "%nMatching evaluation: %,d records of %,d persons (%,d SISKOP2MI, then %,d PEDULI_WNI) matched in"
                        + " %.1f s, %.2f ms/record%n",
                m.records(),
                Arrays.stream(run.personOf()).distinct().count(),
                siskop,
                m.records() - siskop,
                seconds,
                seconds * 1000 / Math.max(1, m.records()));
        out.println("matching settings (--set key=value): " + settings.asProperties());
        String rule = "+--------------------------------+------------+-----------+--------+";
        out.println(rule);
        out.printf("| %-30s | %10s | %-9s | %-6s |%n", "metric", "value", "target", "result");
        out.println(rule);
        row(out, AUTO_PRECISION.name(), fixed(m.precision()), AUTO_PRECISION, m.precision());
        row(out, AUTO_RECALL.name(), fixed(m.recall()), AUTO_RECALL, m.recall());
        row(out, "automatic links F1", fixed(m.f1()), null, 0);
        row(out, REVIEW_RECALL.name(), fixed(m.reviewRecall()), REVIEW_RECALL, m.reviewRecall());
        row(out, "review items precision", fixed(m.reviewPrecision()), null, 0);
        row(out, QUEUE.name(), percent(m.queueShare()), QUEUE, m.queueShare());
        row(
                out,
                "records with a review item",
                percent((double) m.recordsInReview() / Math.max(1, m.records())),
                null,
                0);
        row(out, "candidates per record: mean", String.format(Locale.ROOT, "%.2f", m.candidatesMean()), null, 0);
        row(out, "candidates per record: p95", Integer.toString(m.candidatesP95()), null, 0);
        row(out, "candidates per record: max", Integer.toString(m.candidatesMax()), null, 0);
        out.println(rule);
        out.printf(
                Locale.ROOT,
                "pairs: %,d true, %,d linked, %,d correctly linked, %,d false links, %,d missed (%,d of them offered in"
                        + " review); review items: %,d (%,d right to accept)%n",
                m.truePairs(),
                m.linkedPairs(),
                m.correctLinkedPairs(),
                m.linkedPairs() - m.correctLinkedPairs(),
                m.truePairs() - m.correctLinkedPairs(),
                m.foundWithReview() - m.correctLinkedPairs(),
                m.reviewItems(),
                m.correctReviewItems());
    }

    /** Whether every target is met. */
    public static boolean allPass(PairMetrics m) {
        return AUTO_PRECISION.met().test(m.precision())
                && AUTO_RECALL.met().test(m.recall())
                && REVIEW_RECALL.met().test(m.reviewRecall())
                && QUEUE.met().test(m.queueShare());
    }

    /**
     * Writes every false link and every missed pair with record ids, noise labels and the field explanations, never
     * a name or an identifier.
     */
    public static void writeErrors(
            Evaluation.Run run, MatchScorer scorer, Map<ExportFiles.RecordKey, String> noise, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                List<String> falseLinks = falseLinks(run, noise);
                List<String> misses = misses(run, scorer, noise);
                out.write("# " + falseLinks.size() + " false links: a record joined a worker holding another person\n");
                for (String entry : falseLinks) {
                    out.write(entry);
                }
                out.write("\n# " + misses.size() + " missed pairs: two records of one person in two workers\n");
                out.write(missSummary(run, noise));
                for (String entry : misses) {
                    out.write(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * Every link into a worker that already held another person's record. A link made only because an earlier false
     * link mixed the worker (the record's own person is there too) is labelled as such: fixing the first fixes it.
     */
    private static List<String> falseLinks(Evaluation.Run run, Map<ExportFiles.RecordKey, String> noise) {
        Map<Integer, List<Integer>> members = membersByWorker(run.workerOf());
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < run.workerOf().length; i++) {
            if (run.linkScores()[i] == null) {
                continue;
            }
            List<String> others = new ArrayList<>();
            boolean ownPersonThere = false;
            for (int j : members.get(run.workerOf()[i])) {
                if (j < i && run.personOf()[j] != run.personOf()[i]) {
                    others.add(describe(run, j, noise));
                }
                ownPersonThere |= j < i && run.personOf()[j] == run.personOf()[i];
            }
            if (!others.isEmpty()) {
                entries.add(falseLink(run, noise, i, others, ownPersonThere));
            }
        }
        return entries;
    }

    private static String falseLink(
            Evaluation.Run run,
            Map<ExportFiles.RecordKey, String> noise,
            int record,
            List<String> others,
            boolean ownPersonThere) {
        StringBuilder entry = new StringBuilder();
        entry.append(ownPersonThere ? "FALSE LINK (worker already mixed) " : "FALSE LINK ")
                .append(describe(run, record, noise))
                .append('\n');
        entry.append("  joined worker ")
                .append(run.workerOf()[record])
                .append(" holding ")
                .append(others)
                .append('\n');
        entry.append(fields(run.linkScores()[record], "MATCH"));
        return entry.toString();
    }

    private static List<String> misses(
            Evaluation.Run run, MatchScorer scorer, Map<ExportFiles.RecordKey, String> noise) {
        Set<List<Integer>> offered = new HashSet<>();
        run.reviews().forEach(r -> offered.add(List.of(r.record(), r.worker())));
        List<String> entries = new ArrayList<>();
        for (int[] pair : missedPairs(run)) {
            int a = pair[0];
            int b = pair[1];
            boolean inReview =
                    offered.contains(List.of(b, run.workerOf()[a])) || offered.contains(List.of(a, run.workerOf()[b]));
            entries.add(miss(run, scorer, noise, a, b, inReview));
        }
        return entries;
    }

    /** Pairs of records of one person in two workers, the earlier record first, ordered by the later one. */
    private static List<int[]> missedPairs(Evaluation.Run run) {
        List<int[]> missed = new ArrayList<>();
        for (List<Integer> records : membersByWorker(run.personOf()).values()) {
            for (int x = 0; x < records.size(); x++) {
                for (int y = x + 1; y < records.size(); y++) {
                    if (run.workerOf()[records.get(x)] != run.workerOf()[records.get(y)]) {
                        missed.add(new int[] {records.get(x), records.get(y)});
                    }
                }
            }
        }
        missed.sort((p, q) -> Integer.compare(p[1], q[1]));
        return missed;
    }

    private static String miss(
            Evaluation.Run run,
            MatchScorer scorer,
            Map<ExportFiles.RecordKey, String> noise,
            int a,
            int b,
            boolean offered) {
        MatchScore score = scorer.score(run.records()[b], run.records()[a]);
        StringBuilder entry = new StringBuilder();
        entry.append(offered ? "MISSED, IN REVIEW " : "MISSED ")
                .append(describe(run, b, noise))
                .append('\n');
        entry.append("  earlier record ").append(describe(run, a, noise)).append('\n');
        entry.append("  shares a blocking key: ")
                .append(sharesKey(run.hashes()[a], run.hashes()[b]) ? "yes" : "no")
                .append("; decision for the later record: ")
                .append(run.decisions()[b])
                .append('\n');
        entry.append(fields(score, scorer.classify(score).name()));
        return entry.toString();
    }

    /** Misses counted by the noise labels of their records, to show which kind of noise costs most. */
    private static String missSummary(Evaluation.Run run, Map<ExportFiles.RecordKey, String> noise) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int[] pair : missedPairs(run)) {
            for (String label : (labels(run, pair[0], noise) + ";" + labels(run, pair[1], noise)).split(";")) {
                if (!label.isBlank() && !label.equals("-")) {
                    counts.merge(label, 1, Integer::sum);
                }
            }
        }
        return "# missed pairs by noise label of either record: " + counts + "\n";
    }

    private static String fields(MatchScore score, String matchClass) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  total %.2f (%s)%n", score.total(), matchClass));
        for (FieldScore f : score.fields()) {
            out.append(String.format(
                    Locale.ROOT, "    %-10s %-8s %7.2f  %s%n", f.field(), f.agreement(), f.weight(), f.explanation()));
        }
        return out.toString();
    }

    private static String describe(Evaluation.Run run, int record, Map<ExportFiles.RecordKey, String> noise) {
        ExportRow row = run.rows().get(record);
        return row.source() + " " + row.sourceRecordId() + " (person " + run.personOf()[record] + ", noise: "
                + labels(run, record, noise) + ")";
    }

    private static String labels(Evaluation.Run run, int record, Map<ExportFiles.RecordKey, String> noise) {
        ExportRow row = run.rows().get(record);
        String labels = noise.get(new ExportFiles.RecordKey(row.source(), row.sourceRecordId()));
        return labels == null || labels.isEmpty() ? "-" : labels;
    }

    private static boolean sharesKey(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }

    private static Map<Integer, List<Integer>> membersByWorker(int[] labels) {
        Map<Integer, List<Integer>> groups = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            groups.computeIfAbsent(labels[i], k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    private static void row(PrintStream out, String name, String value, Target target, double raw) {
        String bound = target == null ? "" : target.bound();
        String result = target == null ? "" : target.met().test(raw) ? "PASS" : "FAIL";
        out.printf("| %-30s | %10s | %-9s | %-6s |%n", name, value, bound, result);
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }
}
