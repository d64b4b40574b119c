package id.sinergi.common.json;

/**
 * Which text Sinergi accepts from outside: no control characters but tab, line feed and carriage return, and no
 * unpaired UTF-16 surrogates. PostgreSQL cannot store a NUL, a lone surrogate has no UTF-8 form, and the other
 * controls only ever arrive by accident or attack.
 */
public final class CleanText {

    private CleanText() {}

    public static boolean isClean(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                // Printable ASCII, nearly all of what arrives: one test instead of four (every string of every
                // request body passes here).
                continue;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c) || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
