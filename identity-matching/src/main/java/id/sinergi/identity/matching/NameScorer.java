package id.sinergi.identity.matching;

import id.sinergi.identity.matching.MatchSettings.Weights;
import id.sinergi.identity.matching.name.NameComparison;
import id.sinergi.identity.matching.name.NameComparison.Outcome;
import id.sinergi.identity.matching.name.NameNormalizer;
import id.sinergi.identity.matching.name.NameSimilarity;
import id.sinergi.identity.matching.name.NormalizedName;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a name comparison into the weight and explanation of the {@code name} field.
 *
 * <p>A close name starts from the agreement weight and loses, for each difference, the gap between the agreement
 * weight and that difference's weight. These weights are those of a name of two tokens; each token more (up to
 * four) adds {@code nameTokenCount} and a single name loses it, since many people share one name and few share three.
 * The father's name, when both sides give one, adds a small weight: people often leave it out, and siblings share
 * it.
 */
final class NameScorer {

    static final String FIELD = "name";

    /** Beyond four tokens a name says no more: long names are long because of titles and patronymics. */
    private static final int MAX_COUNTED_TOKENS = 4;

    private NameScorer() {}

    static FieldScore score(String incoming, String known, Weights w) {
        NormalizedName a = NameNormalizer.normalize(incoming);
        NormalizedName b = NameNormalizer.normalize(known);
        NameComparison c = NameSimilarity.compare(a, b);
        if (c.outcome() == Outcome.EMPTY) {
            return new FieldScore(FIELD, Agreement.MISSING, 0, "name missing on one side");
        }
        if (c.outcome() == Outcome.DIFFERENT) {
            return new FieldScore(
                    FIELD, Agreement.DISAGREE, w.nameDisagree(), "names differ: a token has no close match");
        }
        List<String> reasons = new ArrayList<>();
        double weight = ownName(incoming, known, c, w, reasons);
        weight += tokenCount(c, w, reasons);
        weight += father(a, b, c, w, reasons);
        Agreement agreement = c.outcome() == Outcome.SAME ? Agreement.AGREE : Agreement.PARTIAL;
        return new FieldScore(FIELD, agreement, weight, String.join("; ", reasons));
    }

    private static double ownName(String incoming, String known, NameComparison c, Weights w, List<String> reasons) {
        if (c.outcome() == Outcome.SAME) {
            boolean asWritten = NameNormalizer.plain(incoming).equals(NameNormalizer.plain(known));
            reasons.add(asWritten ? "names agree" : "names agree after normalising titles, spelling and order");
            return asWritten ? w.nameAgree() : w.nameVariant();
        }
        double weight = c.splitDifferently() ? w.nameVariant() : w.nameAgree();
        if (c.splitDifferently()) {
            reasons.add("names agree when written without spaces");
        }
        weight -= c.typos() * (w.nameAgree() - w.nameTypo());
        weight -= c.initials() * (w.nameAgree() - w.nameInitial());
        weight -= c.missingTokens() * (w.nameAgree() - w.nameMissingToken());
        addCount(reasons, c.typos(), "name token differs by a typo", "name tokens differ by a typo");
        addCount(reasons, c.initials(), "name token written as an initial", "name tokens written as initials");
        addCount(reasons, c.missingTokens(), "name token missing on one side", "name tokens missing on one side");
        if (c.fatherNameAsOwn()) {
            reasons.add("the father's name stands in the other name");
        }
        return weight;
    }

    private static double tokenCount(NameComparison c, Weights w, List<String> reasons) {
        int tokens = Math.min(c.pairedTokens(), MAX_COUNTED_TOKENS);
        if (tokens == 1) {
            reasons.add("a single name token");
        } else if (tokens > 2) {
            reasons.add(tokens + " name tokens");
        }
        return (tokens - 2) * w.nameTokenCount();
    }

    private static double father(NormalizedName a, NormalizedName b, NameComparison c, Weights w, List<String> why) {
        if (c.fatherNameAsOwn()
                || a.fatherTokens().isEmpty()
                || b.fatherTokens().isEmpty()) {
            return 0;
        }
        NormalizedName fa = new NormalizedName(a.fatherTokens(), List.of());
        NormalizedName fb = new NormalizedName(b.fatherTokens(), List.of());
        Outcome outcome = NameSimilarity.compare(fa, fb).outcome();
        boolean agree = outcome == Outcome.SAME || outcome == Outcome.CLOSE;
        why.add(agree ? "father's names agree" : "father's names differ");
        return agree ? w.fatherNameAgree() : w.fatherNameDisagree();
    }

    private static void addCount(List<String> reasons, int count, String one, String many) {
        if (count == 1) {
            reasons.add("one " + one);
        } else if (count > 1) {
            reasons.add(count + " " + many);
        }
    }
}
