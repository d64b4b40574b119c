package id.sinergi.identity.matching.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/** The ways a clerk, an applicant or a foreign document writes a name differently; each returns null if it cannot. */
final class NameNoise {

    /** Modern spelling to the spelling before 1972 (EYD) that older documents and parents still use. */
    private static final List<String[]> OLD_SPELLING = List.of(
            new String[] {"u", "oe"},
            new String[] {"j", "dj"},
            new String[] {"c", "tj"},
            new String[] {"y", "j"},
            new String[] {"kh", "ch"},
            new String[] {"sy", "sj"});

    /** Letters next to each other on a QWERTY keyboard: the usual slip of a typing finger. */
    private static final Map<Character, String> NEIGHBOURS = neighbours();

    private NameNoise() {}

    /** Another spelling of one token: a known Arabic-origin variant, an old spelling, or a final i written y. */
    static List<String> spellingVariant(List<String> tokens, Random random) {
        List<Integer> indexes = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            for (String variant : variants(tokens.get(i))) {
                indexes.add(i);
                values.add(variant);
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        int pick = random.nextInt(values.size());
        List<String> out = new ArrayList<>(tokens);
        out.set(indexes.get(pick), values.get(pick));
        return out;
    }

    /** One letter replaced by a keyboard neighbour, dropped, or doubled, in a token of four letters or more. */
    static List<String> typo(List<String> tokens, Random random) {
        int index = pickToken(tokens, 4, random);
        if (index < 0) {
            return null;
        }
        String token = tokens.get(index).toLowerCase(Locale.ROOT);
        int at = 1 + random.nextInt(token.length() - 1);
        String changed =
                switch (random.nextInt(3)) {
                    case 0 -> token.substring(0, at) + neighbour(token.charAt(at), random) + token.substring(at + 1);
                    case 1 -> token.substring(0, at) + token.substring(at + 1);
                    default -> token.substring(0, at) + token.charAt(at) + token.substring(at);
                };
        return replaced(tokens, index, capitalise(changed));
    }

    /** Two adjacent, different letters of one token swapped. */
    static List<String> transposition(List<String> tokens, Random random) {
        int index = pickToken(tokens, 3, random);
        if (index < 0) {
            return null;
        }
        char[] letters = tokens.get(index).toLowerCase(Locale.ROOT).toCharArray();
        List<Integer> places = new ArrayList<>();
        for (int i = 0; i + 1 < letters.length; i++) {
            if (letters[i] != letters[i + 1]) {
                places.add(i);
            }
        }
        if (places.isEmpty()) {
            return null;
        }
        int at = places.get(random.nextInt(places.size()));
        char first = letters[at];
        letters[at] = letters[at + 1];
        letters[at + 1] = first;
        return replaced(tokens, index, capitalise(new String(letters)));
    }

    /** The family name written first, as some foreign forms ask for surname before given names. */
    static List<String> swap(List<String> tokens) {
        if (tokens.size() < 2) {
            return null;
        }
        List<String> out = new ArrayList<>();
        out.add(tokens.get(tokens.size() - 1));
        out.addAll(tokens.subList(0, tokens.size() - 1));
        return out;
    }

    /**
     * The full name as one line: an honorific before (H., Hj.), a degree after a comma (S.Pd.), and bin/binti with
     * the father's name at the end when asked.
     */
    static String render(List<String> tokens, String title, String connector, String father) {
        StringBuilder out = new StringBuilder();
        boolean honorific = title != null && title.startsWith("H");
        if (honorific) {
            out.append(title).append(' ');
        }
        out.append(String.join(" ", tokens));
        if (connector != null) {
            out.append(' ').append(connector).append(' ').append(father);
        }
        if (title != null && !honorific) {
            out.append(", ").append(title);
        }
        return out.toString();
    }

    static List<String> variants(String token) {
        List<String> out = new ArrayList<>(Names.VARIANTS.getOrDefault(token, List.of()));
        if (token.endsWith(".")) {
            return out;
        }
        String lower = token.toLowerCase(Locale.ROOT);
        for (String[] rule : OLD_SPELLING) {
            if (lower.contains(rule[0]) && !(rule[0].equals("y") && lower.contains("sy"))) {
                out.add(capitalise(lower.replace(rule[0], rule[1])));
            }
        }
        if (lower.length() >= 4 && lower.endsWith("i")) {
            out.add(capitalise(lower.substring(0, lower.length() - 1) + "y"));
        }
        return out;
    }

    private static int pickToken(List<String> tokens, int minLength, Random random) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).length() >= minLength && tokens.get(i).chars().allMatch(Character::isLetter)) {
                eligible.add(i);
            }
        }
        return eligible.isEmpty() ? -1 : eligible.get(random.nextInt(eligible.size()));
    }

    private static char neighbour(char letter, Random random) {
        String near = NEIGHBOURS.getOrDefault(letter, "e");
        return near.charAt(random.nextInt(near.length()));
    }

    private static List<String> replaced(List<String> tokens, int index, String value) {
        List<String> out = new ArrayList<>(tokens);
        out.set(index, value);
        return out;
    }

    static String capitalise(String lower) {
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static Map<Character, String> neighbours() {
        String[] rows = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
        Map<Character, String> map = new HashMap<>();
        for (String row : rows) {
            for (int i = 0; i < row.length(); i++) {
                StringBuilder near = new StringBuilder();
                if (i > 0) {
                    near.append(row.charAt(i - 1));
                }
                if (i + 1 < row.length()) {
                    near.append(row.charAt(i + 1));
                }
                map.put(row.charAt(i), near.toString());
            }
        }
        return Map.copyOf(map);
    }
}
