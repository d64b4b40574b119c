package id.sinergi.identity.matching;

import id.sinergi.identity.matching.MatchSettings.Weights;
import id.sinergi.identity.matching.name.Spelling;
import id.sinergi.identity.matching.name.Strings;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Compares birth places written as a village, a district, a regency or a city, in old or new spelling. */
public final class PlaceComparator {

    static final String FIELD = "birthPlace";

    /** Words naming the kind of region rather than the region itself. */
    private static final Set<String> REGION_WORDS = Set.of(
            "KABUPATEN",
            "KAB",
            "KOTA",
            "KOTAMADYA",
            "KODYA",
            "KECAMATAN",
            "KEC",
            "DESA",
            "DS",
            "KELURAHAN",
            "KEL",
            "PROVINSI",
            "PROV",
            "KAMPUNG",
            "KP",
            "DUSUN",
            "DSN");

    private PlaceComparator() {}

    /** The field score of two birth places. */
    public static FieldScore compare(String a, String b, Weights w) {
        List<String> x = tokens(a);
        List<String> y = tokens(b);
        if (x.isEmpty() || y.isEmpty()) {
            return new FieldScore(FIELD, Agreement.MISSING, 0, "birth place missing on one side");
        }
        if (x.equals(y)) {
            return new FieldScore(FIELD, Agreement.AGREE, w.birthPlaceAgree(), "birth places agree");
        }
        if (close(x, y)) {
            return new FieldScore(FIELD, Agreement.PARTIAL, w.birthPlacePartial(), "birth places are similar");
        }
        return new FieldScore(FIELD, Agreement.DISAGREE, w.birthPlaceDisagree(), "birth places differ");
    }

    /** One place names the other ("Cianjur" in "Kab. Cianjur, Jawa Barat") or they differ by one letter. */
    private static boolean close(List<String> x, List<String> y) {
        if (x.containsAll(y) || y.containsAll(x)) {
            return true;
        }
        String joinedX = String.join("", x);
        String joinedY = String.join("", y);
        return Math.min(joinedX.length(), joinedY.length()) >= 4 && Strings.editDistance(joinedX, joinedY) <= 1;
    }

    /** Canonical tokens of a place name without the words for kinds of region. */
    static List<String> tokens(String place) {
        List<String> tokens = new ArrayList<>();
        if (place == null) {
            return tokens;
        }
        String s = Normalizer.normalize(place, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        for (String word : s.toUpperCase(Locale.ROOT).replace("'", "").split("[^A-Z]+")) {
            if (!word.isEmpty() && !REGION_WORDS.contains(word)) {
                tokens.add(Spelling.canonical(word));
            }
        }
        return tokens;
    }
}
