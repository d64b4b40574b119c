package id.sinergi.identity.matching.name;

import id.sinergi.identity.matching.name.NameComparison.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares normalised names token by token, in any order, with the best one-to-one assignment of tokens.
 *
 * <p>Each token pair is exact, a typo (one edit or transposition; two in long tokens), an initial, or different.
 * The assignment maximises the summed pair scores, so a swapped given and family name costs nothing and a dropped
 * middle name leaves one token unassigned. A single different pair makes the names different: that is what tells a
 * twin or a sibling (same family name, other given name) from the same person.
 */
public final class NameSimilarity {

    /** Larger names are cut: nobody's name has more tokens, and the assignment is exponential in them. */
    private static final int MAX_TOKENS = 8;

    static final double EXACT = 1.0;
    static final double TYPO = 0.9;
    static final double INITIAL = 0.8;

    private NameSimilarity() {}

    /** Compares two names; the father's names are compared separately by the caller. */
    public static NameComparison compare(NormalizedName a, NormalizedName b) {
        if (a.isEmpty() || b.isEmpty()) {
            return new NameComparison(Outcome.EMPTY, 0, 0, 0, 0, false, false, 0);
        }
        NameComparison own = compareTokens(a.tokens(), b.tokens(), false);
        if (own.outcome() == Outcome.SAME) {
            return own;
        }
        NameComparison withFather = fatherAsOwn(a, b);
        return withFather != null && rank(withFather) > rank(own) ? withFather : own;
    }

    /** Compares two tokens: 1 when equal, 0.9 for a typo, 0.8 for an initial, a low Jaro-Winkler share otherwise. */
    public static double tokenScore(String a, String b) {
        if (a.equals(b)) {
            return EXACT;
        }
        if (isTypo(a, b)) {
            return TYPO;
        }
        if (isInitialOf(a, b) || isInitialOf(b, a)) {
            return INITIAL;
        }
        return 0.5 * Strings.jaroWinkler(a, b);
    }

    /**
     * One edit when the longer token has at least four letters (Iwan/Iwa, Dedi/Edi), a swap of two neighbours in a
     * three-letter token (Eko/Keo), two edits between tokens of eight letters or more (a typo on top of a spelling
     * variant). One substitution in a three-letter token is not a typo: Ali and Ani are two people.
     */
    private static boolean isTypo(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        int distance = Strings.editDistance(a, b);
        return distance == 1 && (longer >= 4 || Strings.adjacentTransposition(a, b)) || distance == 2 && shorter >= 8;
    }

    private static boolean isInitialOf(String initial, String token) {
        return initial.length() == 1 && token.length() > 1 && token.charAt(0) == initial.charAt(0);
    }

    /** "Ahmad bin Yusuf" against "Ahmad Yusuf": the father's name written as part of the own name. */
    private static NameComparison fatherAsOwn(NormalizedName a, NormalizedName b) {
        if (!a.fatherTokens().isEmpty() && b.fatherTokens().isEmpty()) {
            return compareTokens(concat(a.tokens(), a.fatherTokens()), b.tokens(), true);
        }
        if (a.fatherTokens().isEmpty() && !b.fatherTokens().isEmpty()) {
            return compareTokens(a.tokens(), concat(b.tokens(), b.fatherTokens()), true);
        }
        return null;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static NameComparison compareTokens(List<String> a, List<String> b, boolean fatherUsed) {
        List<String> x = a.size() <= b.size() ? cut(a) : cut(b);
        List<String> y = a.size() <= b.size() ? cut(b) : cut(a);
        double[][] scores = new double[x.size()][y.size()];
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < y.size(); j++) {
                scores[i][j] = tokenScore(x.get(i), y.get(j));
            }
        }
        int[] assignment = bestAssignment(scores);
        NameComparison byTokens = summarise(scores, assignment, y.size() - x.size(), fatherUsed);
        NameComparison joined = joined(a, b, fatherUsed);
        return joined != null && rank(joined) > rank(byTokens) ? joined : byTokens;
    }

    private static List<String> cut(List<String> tokens) {
        return tokens.size() <= MAX_TOKENS ? tokens : tokens.subList(0, MAX_TOKENS);
    }

    private static NameComparison summarise(double[][] scores, int[] assignment, int missing, boolean fatherUsed) {
        int typos = 0;
        int initials = 0;
        int different = 0;
        double sum = 0;
        for (int i = 0; i < assignment.length; i++) {
            double s = scores[i][assignment[i]];
            sum += s;
            typos += s == TYPO ? 1 : 0;
            initials += s == INITIAL ? 1 : 0;
            different += s < INITIAL ? 1 : 0;
        }
        double similarity = sum / (assignment.length + missing);
        Outcome outcome = different > 0
                ? Outcome.DIFFERENT
                : typos + initials + missing == 0 && !fatherUsed ? Outcome.SAME : Outcome.CLOSE;
        return new NameComparison(outcome, assignment.length, typos, initials, missing, false, fatherUsed, similarity);
    }

    /** The names written without spaces in their given order: "NURHAYATI" against "NUR HAYATI". */
    private static NameComparison joined(List<String> a, List<String> b, boolean fatherUsed) {
        if (a.size() == b.size()) {
            return null;
        }
        int paired = Math.min(a.size(), b.size());
        String x = String.join("", a);
        String y = String.join("", b);
        if (x.equals(y)) {
            return new NameComparison(Outcome.CLOSE, paired, 0, 0, 0, true, fatherUsed, 1.0);
        }
        if (Math.min(x.length(), y.length()) >= 6 && Strings.editDistance(x, y) == 1) {
            return new NameComparison(Outcome.CLOSE, paired, 1, 0, 0, true, fatherUsed, TYPO);
        }
        return null;
    }

    /** Orders comparisons from worst to best: different, then by similarity. */
    private static double rank(NameComparison c) {
        return c.outcome() == Outcome.DIFFERENT ? -1 + c.similarity() : c.similarity();
    }

    /**
     * The assignment of every token of the shorter side (rows) to a distinct token of the longer side that maximises
     * the summed scores, by dynamic programming over the subsets of used columns.
     */
    static int[] bestAssignment(double[][] scores) {
        int rows = scores.length;
        int cols = rows == 0 ? 0 : scores[0].length;
        int states = 1 << cols;
        double[][] best = new double[rows + 1][states];
        for (double[] row : best) {
            Arrays.fill(row, Double.NEGATIVE_INFINITY);
        }
        best[0][0] = 0;
        for (int i = 0; i < rows; i++) {
            for (int used = 0; used < states; used++) {
                if (best[i][used] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int j = 0; j < cols; j++) {
                    if ((used & (1 << j)) == 0) {
                        int next = used | (1 << j);
                        best[i + 1][next] = Math.max(best[i + 1][next], best[i][used] + scores[i][j]);
                    }
                }
            }
        }
        return backtrack(scores, best, rows, cols);
    }

    private static int[] backtrack(double[][] scores, double[][] best, int rows, int cols) {
        int end = 0;
        for (int used = 0; used < best[rows].length; used++) {
            if (best[rows][used] > best[rows][end]) {
                end = used;
            }
        }
        int[] assignment = new int[rows];
        int used = end;
        for (int i = rows; i > 0; i--) {
            for (int j = 0; j < cols; j++) {
                if ((used & (1 << j)) != 0 && best[i - 1][used & ~(1 << j)] + scores[i - 1][j] == best[i][used]) {
                    assignment[i - 1] = j;
                    used &= ~(1 << j);
                    break;
                }
            }
        }
        return assignment;
    }
}
