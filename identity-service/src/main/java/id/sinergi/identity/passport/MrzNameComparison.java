package id.sinergi.identity.passport;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Whether a zone's names and a record's full name are the same words, in any order: issuing offices place an
 * Indonesian single name as either identifier, and records swap given and family names. A name the zone cut short
 * matches when its last word starts a word of the record.
 */
final class MrzNameComparison {

    private MrzNameComparison() {}

    static boolean sameName(MrzName mrz, String fullName) {
        List<String> zone = words(mrz.primaryIdentifier() + " " + mrz.secondaryIdentifier());
        List<String> record = words(fullName);
        if (zone.isEmpty()) {
            return false;
        }
        if (!mrz.truncated()) {
            return sorted(zone).equals(sorted(record));
        }
        return startsOf(zone, record);
    }

    /** Every word of the zone in the record, the last perhaps cut; the record may have more words. */
    private static boolean startsOf(List<String> zone, List<String> record) {
        List<String> left = new ArrayList<>(record);
        for (String word : zone.subList(0, zone.size() - 1)) {
            if (!left.remove(word)) {
                return false;
            }
        }
        String cut = zone.get(zone.size() - 1);
        return left.stream().anyMatch(w -> w.startsWith(cut));
    }

    /**
     * The words as the zone would print them: accents dropped, upper case, apostrophes left out (NUR'AINI is
     * NURAINI), anything else that is not a letter a word break (hyphens, dots of "Moh.", commas).
     */
    static List<String> words(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replaceAll("['\u2019\u02bc`]", "")
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z]+", " ")
                .trim();
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
    }

    private static List<String> sorted(List<String> words) {
        return words.stream().sorted().toList();
    }
}
