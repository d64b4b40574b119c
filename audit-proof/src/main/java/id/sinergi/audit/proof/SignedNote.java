package id.sinergi.audit.proof;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A note in the C2SP signed-note format: a text of newline-terminated lines, a blank line, and one line per
 * signature, {@code "— <key name> <base64(4-byte key id || signature)>"}.
 */
public record SignedNote(String text, List<Line> signatures) {

    /** The em dash and space that start every signature line. */
    static final String DASH = "\u2014 ";

    /** Longest note this parser reads; checkpoints with a few cosignatures are well under 2 kB. */
    static final int MAX_LENGTH = 1 << 16;

    public SignedNote {
        checkText(text);
        signatures = List.copyOf(signatures);
    }

    /** One signature line: who signed, the key id, and the signature bytes after the key id. */
    public record Line(String name, int keyId, byte[] signature) {
        public Line {
            checkName(name);
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public String format() {
            byte[] body = ByteBuffer.allocate(4 + signature.length)
                    .putInt(keyId)
                    .put(signature)
                    .array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(body) + "\n";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line l
                    && l.name.equals(name)
                    && l.keyId == keyId
                    && Arrays.equals(l.signature, signature);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + keyId;
        }

        @Override
        public String toString() {
            return "Line[" + name + ", " + Integer.toHexString(keyId) + "]";
        }
    }

    /** The note as it travels: text, blank line, signature lines. */
    public String format() {
        StringBuilder sb = new StringBuilder(text).append('\n');
        signatures.forEach(line -> sb.append(line.format()));
        return sb.toString();
    }

    /** This note with one more signature line (a cosignature, say). */
    public SignedNote with(Line line) {
        List<Line> lines = new ArrayList<>(signatures);
        lines.add(line);
        return new SignedNote(text, lines);
    }

    /**
     * Reads a note.
     *
     * @throws IllegalArgumentException saying what is wrong, for anything that is not a well-formed signed note
     */
    public static SignedNote parse(String note) {
        if (note == null || note.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a signed note of at most " + MAX_LENGTH + " characters is expected");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new IllegalArgumentException("a signed note needs a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String rest = note.substring(split + 2);
        if (!rest.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        List<Line> lines = new ArrayList<>();
        for (String line : rest.substring(0, rest.length() - 1).split("\n", -1)) {
            lines.add(parseLine(line));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a signed note has at least one signature");
        }
        return new SignedNote(text, lines);
    }

    private static Line parseLine(String line) {
        if (!line.startsWith(DASH)) {
            throw new IllegalArgumentException("a signature line starts with an em dash and a space");
        }
        int space = line.lastIndexOf(' ');
        if (space <= DASH.length()) {
            throw new IllegalArgumentException("a signature line is '— <name> <signature>'");
        }
        String name = line.substring(DASH.length(), space);
        byte[] body;
        try {
            body = Base64.getDecoder().decode(line.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a signature is standard base64", e);
        }
        if (body.length < 5) {
            throw new IllegalArgumentException("a signature holds a 4-byte key id and the signature");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body);
        int keyId = buffer.getInt();
        byte[] signature = new byte[buffer.remaining()];
        buffer.get(signature);
        return new Line(name, keyId, signature);
    }

    static void checkText(String text) {
        if (text == null || text.isEmpty() || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text is one or more lines, each ending with a newline");
        }
        if (text.contains("\n\n") || text.startsWith("\n")) {
            throw new IllegalArgumentException("a note's text has no blank line");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' || c == 0x7f) {
                throw new IllegalArgumentException("a note's text has no control characters");
            }
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw new IllegalArgumentException("a note's text is at most " + MAX_LENGTH + " bytes");
        }
    }

    /** Key names are non-empty and have no spaces, plus signs or control characters. */
    static void checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 256) {
            throw new IllegalArgumentException("a key name has 1 to 256 characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= 0x20 || c == '+' || c == 0x7f || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("a key name has no spaces, '+' or control characters");
            }
        }
    }
}
