package id.sinergi.identity.matching.name;

/**
 * A coarse sound code of a canonical name token, for blocking: the first letter's class, then the classes of the
 * following consonants with vowels, h, w and y left out and repeats merged, at most five characters.
 *
 * <p>Leaving the vowels out makes the code survive the commonest typos of Indonesian names (a wrong or missing vowel,
 * a vowel swapped with its neighbour) and the Javanese and Sundanese vowel shifts (Zainal/Zaenal).
 */
public final class Phonetic {

    private static final int LENGTH = 5;

    private Phonetic() {}

    /** The code of one canonical token; empty for an empty token. */
    public static String code(String token) {
        StringBuilder code = new StringBuilder(LENGTH);
        char last = 0;
        for (int i = 0; i < token.length() && code.length() < LENGTH; i++) {
            char c = classOf(token.charAt(i));
            if (i == 0) {
                code.append(c == 0 ? 'A' : c);
            } else if (c != 0 && c != last) {
                code.append(c);
            }
            last = c == 0 && i == 0 ? 'A' : c;
        }
        return code.toString();
    }

    /** The sound class of a letter, or 0 for letters that the code leaves out. */
    private static char classOf(char c) {
        switch (c) {
            case 'B', 'P', 'F', 'V':
                return 'P';
            case 'C', 'J', 'Z', 'S', 'X':
                return 'S';
            case 'D', 'T':
                return 'T';
            case 'G', 'K', 'Q':
                return 'K';
            case 'M', 'N':
                return 'N';
            case 'L':
                return 'L';
            case 'R':
                return 'R';
            default:
                return 0;
        }
    }
}
