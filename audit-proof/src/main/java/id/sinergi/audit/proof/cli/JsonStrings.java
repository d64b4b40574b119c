package id.sinergi.audit.proof.cli;

import java.util.Arrays;

/**
 * A JSON string value decoded straight to the UTF-8 bytes of the text it stands for, without building a Java
 * string. An export's entries are JSON texts inside JSON strings, full of escaped quotes, and decoding them this
 * way is several times faster than through a {@code String} and back. The bytes are those that {@code
 * text.getBytes(UTF_8)} gives for the decoded text, a lone surrogate included (it becomes {@code '?'}); raw
 * bytes that are not well-formed UTF-8 are refused. Not thread-safe: it reuses one buffer.
 */
final class JsonStrings {

    /** The bytes that stand for themselves in a JSON string: printable ASCII but the quote and the backslash. */
    private static final boolean[] PLAIN = new boolean[256];

    static {
        for (int c = 0x20; c < 0x80; c++) {
            PLAIN[c] = c != '"' && c != '\\';
        }
    }

    private byte[] scratch = new byte[4096];
    private int after;

    /**
     * The UTF-8 bytes of the string whose opening quote is at {@code quote}.
     *
     * @throws IllegalArgumentException when no well-formed string starts there before {@code end}
     */
    byte[] utf8(byte[] in, int quote, int end) {
        if (quote >= end || in[quote] != '"') {
            throw new IllegalArgumentException("no string here");
        }
        int capacity = end - quote;
        if (scratch.length < capacity) {
            scratch = new byte[Math.max(capacity, scratch.length * 2)];
        }
        byte[] out = scratch;
        int n = 0;
        int i = quote + 1;
        while (true) {
            // The run of printable ASCII up to the next quote, backslash, control or non-ASCII byte, in one copy.
            int run = i;
            while (run < end && PLAIN[in[run] & 0xff]) {
                run++;
            }
            System.arraycopy(in, i, out, n, run - i);
            n += run - i;
            i = run;
            if (i >= end) {
                throw new IllegalArgumentException("an unterminated string");
            }
            byte c = in[i];
            if (c < 0) {
                int length = utf8Sequence(in, i, end);
                if (length < 0) {
                    throw new IllegalArgumentException("not UTF-8");
                }
                for (int k = 0; k < length; k++) {
                    out[n++] = in[i++];
                }
                continue;
            }
            i++;
            if (c == '"') {
                after = i;
                return Arrays.copyOf(out, n);
            }
            if (c != '\\') {
                throw new IllegalArgumentException("a control character in a string");
            }
            if (i >= end) {
                throw new IllegalArgumentException("an unterminated escape");
            }
            byte e = in[i++];
            switch (e) {
                case '"', '\\', '/' -> out[n++] = e;
                case 'b' -> out[n++] = '\b';
                case 'f' -> out[n++] = '\f';
                case 'n' -> out[n++] = '\n';
                case 'r' -> out[n++] = '\r';
                case 't' -> out[n++] = '\t';
                case 'u' -> {
                    int unit = hex4(in, i, end);
                    i += 4;
                    int codePoint = unit;
                    if (Character.isHighSurrogate((char) unit) && i + 6 <= end && in[i] == '\\' && in[i + 1] == 'u') {
                        int low = hex4(in, i + 2, end);
                        if (Character.isLowSurrogate((char) low)) {
                            codePoint = Character.toCodePoint((char) unit, (char) low);
                            i += 6;
                        }
                    }
                    n = encode(codePoint, out, n);
                }
                default -> throw new IllegalArgumentException("an unknown escape \\" + (char) e);
            }
        }
    }

    /** Where the last string read ended: the position after its closing quote. */
    int end() {
        return after;
    }

    /** The length of the well-formed UTF-8 sequence of two to four bytes at {@code i} (RFC 3629), or -1. */
    private static int utf8Sequence(byte[] in, int i, int end) {
        int lead = in[i] & 0xff;
        int length;
        int min = 0x80;
        int max = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            min = lead == 0xe0 ? 0xa0 : 0x80;
            max = lead == 0xed ? 0x9f : 0xbf;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            min = lead == 0xf0 ? 0x90 : 0x80;
            max = lead == 0xf4 ? 0x8f : 0xbf;
        } else {
            return -1;
        }
        if (i + length > end) {
            return -1;
        }
        int second = in[i + 1] & 0xff;
        if (second < min || second > max) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            if ((in[i + k] & 0xc0) != 0x80) {
                return -1;
            }
        }
        return length;
    }

    private static int hex4(byte[] in, int at, int end) {
        if (at + 4 > end) {
            throw new IllegalArgumentException("a short \\u escape");
        }
        int value = 0;
        for (int k = at; k < at + 4; k++) {
            int digit = Character.digit(in[k], 16);
            if (digit < 0) {
                throw new IllegalArgumentException("a \\u escape that is not hex");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /** Writes a code point as UTF-8; a lone surrogate as '?', as Java's encoder does. */
    private static int encode(int cp, byte[] out, int n) {
        if (cp < 0x80) {
            out[n++] = (byte) cp;
        } else if (cp < 0x800) {
            out[n++] = (byte) (0xc0 | cp >> 6);
            out[n++] = (byte) (0x80 | cp & 0x3f);
        } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            out[n++] = '?';
        } else if (cp < 0x10000) {
            out[n++] = (byte) (0xe0 | cp >> 12);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
            out[n++] = (byte) (0x80 | cp & 0x3f);
        } else {
            out[n++] = (byte) (0xf0 | cp >> 18);
            out[n++] = (byte) (0x80 | cp >> 12 & 0x3f);
            out[n++] = (byte) (0x80 | cp >> 6 & 0x3f);
            out[n++] = (byte) (0x80 | cp & 0x3f);
        }
        return n;
    }
}
