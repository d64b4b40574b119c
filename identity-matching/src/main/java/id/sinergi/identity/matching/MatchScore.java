package id.sinergi.identity.matching;

import java.util.List;

/** The total weight of a comparison and the field scores it sums. */
public record MatchScore(double total, List<FieldScore> fields) {

    public MatchScore {
        fields = List.copyOf(fields);
    }

    /** Builds the score whose total is the sum of the fields' weights. */
    public static MatchScore of(List<FieldScore> fields) {
        return new MatchScore(fields.stream().mapToDouble(FieldScore::weight).sum(), fields);
    }

    /** The score of one field, or null when the comparison has no such field. */
    public FieldScore field(String name) {
        return fields.stream().filter(f -> f.field().equals(name)).findFirst().orElse(null);
    }
}
