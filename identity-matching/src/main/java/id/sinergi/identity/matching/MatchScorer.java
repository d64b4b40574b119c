package id.sinergi.identity.matching;

import java.util.List;

/** Compares two records field by field into Fellegi-Sunter weights and classifies the total. */
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
        return MatchScore.of(List.of());
    }

    /** MATCH at or above the match threshold, POSSIBLE_MATCH at or above the review threshold. */
    public MatchClass classify(MatchScore score) {
        if (score.total() >= settings.matchThreshold()) {
            return MatchClass.MATCH;
        }
        return score.total() >= settings.reviewThreshold() ? MatchClass.POSSIBLE_MATCH : MatchClass.NO_MATCH;
    }
}
