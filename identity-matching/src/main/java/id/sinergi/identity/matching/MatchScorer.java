package id.sinergi.identity.matching;

import id.sinergi.identity.matching.MatchSettings.Weights;
import java.util.List;

/**
 * Compares two records field by field into Fellegi-Sunter weights and classifies their sum.
 *
 * <p>Each field contributes the weight of its outcome (agreement, partial agreement, disagreement, conflict); a field
 * missing on either side contributes nothing. The fields are treated as independent, as in Fellegi-Sunter.
 */
public final class MatchScorer {

    private final MatchSettings settings;

    public MatchScorer(MatchSettings settings) {
        this.settings = settings;
    }

    /** The settings this scorer applies. */
    public MatchSettings settings() {
        return settings;
    }

    /** Scores every field of the incoming record against the known one. */
    public MatchScore score(MatchRecord incoming, MatchRecord known) {
        Weights w = settings.weights();
        return MatchScore.of(List.of(
                NameScorer.score(incoming.fullName(), known.fullName(), w),
                BirthDateComparator.compare(incoming.birthDate(), known.birthDate(), w),
                sex(incoming.sex(), known.sex(), w),
                PlaceComparator.compare(incoming.birthPlace(), known.birthPlace(), w),
                IdentifierComparator.compareNik(incoming.nik(), known.nik(), w),
                IdentifierComparator.comparePassport(incoming.passportNumber(), known.passportNumber(), w)));
    }

    /** MATCH at or above the match threshold, POSSIBLE_MATCH at or above the review threshold, else NO_MATCH. */
    public MatchClass classify(MatchScore score) {
        if (score.total() >= settings.matchThreshold()) {
            return MatchClass.MATCH;
        }
        return score.total() >= settings.reviewThreshold() ? MatchClass.POSSIBLE_MATCH : MatchClass.NO_MATCH;
    }

    private static FieldScore sex(Sex a, Sex b, Weights w) {
        if (a == null || b == null) {
            return new FieldScore("sex", Agreement.MISSING, 0, "sex missing on one side");
        }
        return a == b
                ? new FieldScore("sex", Agreement.AGREE, w.sexAgree(), "sex agrees")
                : new FieldScore("sex", Agreement.DISAGREE, w.sexDisagree(), "sex differs");
    }
}
