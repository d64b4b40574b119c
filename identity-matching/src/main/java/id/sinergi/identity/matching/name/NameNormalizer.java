package id.sinergi.identity.matching.name;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Normalises Indonesian names the way they vary between documents. */
public final class NameNormalizer {

    /** Titles and honorifics written before a name, without their dots. */
    private static final Set<String> PREFIX_TITLES = Set.of(
            "H",
            "HJ",
            "HJH",
            "HAJI",
            "HAJJAH",
            "HAJAH",
            "DR",
            "DRS",
            "DRA",
            "DRG",
            "IR",
            "PROF",
            "KH",
            "KYAI",
            "UST",
            "USTADZ",
            "USTAZ",
            "USTADZAH",
            "USTAZAH",
            "TGK",
            "TUAN",
            "TN",
            "NY",
            "NYONYA",
            "NN",
            "NONA",
            "BPK",
            "BAPAK",
            "IBU",
            "SDR",
            "SDRI",
            "SAUDARA",
            "SAUDARI",
            "MR",
            "MRS",
            "MS",
            "MISS");

    /** Academic degrees written after a name, without their dots. */
    private static final Set<String> DEGREES = Set.of(
            "SPD", "SPDI", "SE", "SEI", "SH", "SHI", "SKOM", "SKM", "SKEP", "SSOS", "SAG", "SIP", "SPSI", "SS", "SSI",
            "ST", "STP", "SSTP", "SFARM", "SKG", "SKED", "SPT", "SIKOM", "SHUT", "SSN", "SAB", "STR", "SPOG", "SPA",
            "SPB", "SPPD", "MM", "MH", "MT", "MSI", "MPD", "MPDI", "MKES", "MAG", "MKOM", "MA", "MSC", "MBA", "MPH",
            "PHD", "BSC", "BA", "LC", "AMD", "AMDKEP", "AMDKEB", "AMKEB", "AMK", "APT");

    /** Words that introduce the father's name: son or daughter of. */
    private static final Set<String> PATRONYMIC = Set.of("BIN", "BINTI", "BINT", "BINTE", "BT", "BTE");

    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019\u2018\u02BC\u0060\u00B4]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_/]+");
    private static final Pattern NOT_LETTER = Pattern.compile("[^A-Z]");

    private NameNormalizer() {}

    /** One word of a written name: its letters and whether the writer marked it as an abbreviation or a suffix. */
    private record Word(String letters, boolean dotted, boolean afterComma) {}

    /** The comparable form of a full name; an empty name for null or blank input. */
    public static NormalizedName normalize(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return new NormalizedName(List.of(), List.of());
        }
        List<Word> words = dropTitles(words(plainCharacters(fullName)));
        int patronymic = patronymicIndex(words);
        List<Word> own = patronymic < 0 ? words : words.subList(0, patronymic);
        List<Word> father = patronymic < 0 ? List.of() : dropTitles(words.subList(patronymic + 1, words.size()));
        return new NormalizedName(canonicalTokens(own), canonicalTokens(father));
    }

    /**
     * The name as written with only case, diacritics, apostrophes, punctuation and spacing evened out: two names
     * with the same plain form were written identically.
     */
    public static String plain(String fullName) {
        if (fullName == null) {
            return "";
        }
        String s = plainCharacters(fullName).replace(',', ' ').replace('.', ' ');
        return String.join(" ", SEPARATORS.split(s.trim()));
    }

    /** Upper case without diacritics or apostrophes; dots and commas stay, they mark titles. */
    private static String plainCharacters(String text) {
        String s = APOSTROPHES.matcher(text).replaceAll("");
        s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
        return s.toUpperCase(Locale.ROOT);
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        String[] segments = text.split(",", -1);
        for (int i = 0; i < segments.length; i++) {
            for (String raw : SEPARATORS.split(segments[i].trim())) {
                addWords(words, raw, i > 0);
            }
        }
        return words;
    }

    /** Splits "M.RIZKI" into two words but keeps a dotted degree such as "S.PD." whole. */
    private static void addWords(List<Word> words, String raw, boolean afterComma) {
        String letters = NOT_LETTER.matcher(raw).replaceAll("");
        if (letters.isEmpty()) {
            return;
        }
        boolean dotted = raw.indexOf('.') >= 0;
        if (!dotted || isTitle(letters) || raw.indexOf('.') == raw.length() - 1) {
            words.add(new Word(letters, dotted, afterComma));
            return;
        }
        for (String part : raw.split("\\.")) {
            String partLetters = NOT_LETTER.matcher(part).replaceAll("");
            if (!partLetters.isEmpty()) {
                words.add(new Word(partLetters, true, afterComma));
            }
        }
    }

    private static boolean isTitle(String letters) {
        return PREFIX_TITLES.contains(letters) || DEGREES.contains(letters);
    }

    /**
     * Drops titles in front, degrees at the end and every title after a comma, keeping at least one word so that a
     * name that is nothing but a title still compares.
     */
    private static List<Word> dropTitles(List<Word> words) {
        List<Word> kept = new ArrayList<>();
        for (Word w : words) {
            boolean title = w.afterComma() && isTitle(w.letters());
            if (!title) {
                kept.add(w);
            }
        }
        int start = 0;
        while (start < kept.size() - 1 && PREFIX_TITLES.contains(kept.get(start).letters())) {
            start++;
        }
        int end = kept.size();
        while (end - 1 > start && isDegreeSuffix(kept.get(end - 1))) {
            end--;
        }
        return kept.isEmpty() ? words : kept.subList(start, end);
    }

    /** A short degree such as "SE" or "MA" could be a name, so it counts only when written with a dot. */
    private static boolean isDegreeSuffix(Word w) {
        return DEGREES.contains(w.letters()) && (w.dotted() || w.letters().length() > 2);
    }

    private static int patronymicIndex(List<Word> words) {
        for (int i = 1; i < words.size() - 1; i++) {
            if (PATRONYMIC.contains(words.get(i).letters())) {
                return i;
            }
        }
        return -1;
    }

    /** Canonical spellings in written order; a repeated token (a single name written twice) counts once. */
    private static List<String> canonicalTokens(List<Word> words) {
        Set<String> tokens = new LinkedHashSet<>();
        for (Word w : words) {
            tokens.add(Spelling.canonical(w.letters()));
        }
        return List.copyOf(tokens);
    }
}
