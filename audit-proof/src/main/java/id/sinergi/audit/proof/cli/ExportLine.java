package id.sinergi.audit.proof.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The members of one export line that the checks read: {@code type}, {@code note}, {@code index}, {@code
 * leafHash}, {@code eventId} and {@code entry} (as the UTF-8 bytes the log hashed).
 *
 * <p>Two readers give the same answer: {@link #scan}, a strict reader of the flat objects the export's entry lines
 * are, that decodes the entry straight from the line's bytes; and Jackson, which reads any JSON and names what is
 * wrong. A line goes to Jackson whenever the scanner is not sure (another member, an escaped name, a nested
 * value, a number that is not a plain integer, a syntax error), so the scanner only has to be right where it
 * answers, and a test holds it to Jackson's answers. Scanning is what lets a million entries verify in seconds.
 */
final class ExportLine {

    private static final JsonFactory JSON = new JsonFactory();

    String type;
    String note;
    Long index;
    String leafHash;
    String eventId;
    byte[] entry;

    /** A line the export has no use for: not JSON, or not the members it should have. */
    static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** Reads a line, by the scanner when it can and by Jackson otherwise. */
    static ExportLine read(byte[] b, int off, int len, JsonStrings strings) throws Malformed {
        ExportLine line = scan(b, off, len, strings);
        return line != null ? line : jackson(b, off, len);
    }

    /** The line as Jackson reads it, or what is wrong with it. */
    static ExportLine jackson(byte[] b, int off, int len) throws Malformed {
        ExportLine line = new ExportLine();
        try (JsonParser p = JSON.createParser(b, off, len)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Malformed("not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                switch (name) {
                    case "type" -> line.type = text(p, token, name);
                    case "note" -> line.note = text(p, token, name);
                    case "leafHash" -> line.leafHash = text(p, token, name);
                    case "eventId" -> line.eventId = text(p, token, name);
                    case "entry" -> {
                        String entry = text(p, token, name);
                        line.entry = entry == null ? null : entry.getBytes(StandardCharsets.UTF_8);
                    }
                    case "index" -> {
                        if (token == JsonToken.VALUE_NUMBER_INT) {
                            line.index = p.getLongValue();
                        } else if (token == JsonToken.VALUE_NULL) {
                            line.index = null;
                        } else {
                            throw new Malformed("\"index\" is not a whole number");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new Malformed("not one JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new Malformed("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("unreadable: " + e.getMessage());
        }
        return line;
    }

    private static String text(JsonParser p, JsonToken token, String name) throws IOException, Malformed {
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            throw new Malformed("\"" + name + "\" is not a string");
        }
        return p.getText();
    }

    // The scanner. Each step answers the position after what it read, or -1 when it is not sure.

    private static final byte[] TYPE = bytes("type");
    private static final byte[] INDEX = bytes("index");
    private static final byte[] LEAF_HASH = bytes("leafHash");
    private static final byte[] EVENT_ID = bytes("eventId");
    private static final byte[] ENTRY = bytes("entry");

    /** The line, when it is a flat object of the entry line's members with plain values; else null. */
    static ExportLine scan(byte[] b, int off, int len, JsonStrings strings) {
        int end = off + len;
        int i = ws(b, off, end);
        if (i >= end || b[i] != '{') {
            return null;
        }
        ExportLine line = new ExportLine();
        i = ws(b, i + 1, end);
        if (i < end && b[i] == '}') {
            i++;
        } else {
            while (true) {
                if (i >= end || b[i] != '"') {
                    return null;
                }
                int nameStart = i + 1;
                int nameEnd = plainString(b, nameStart, end);
                if (nameEnd < 0) {
                    return null;
                }
                i = ws(b, nameEnd + 1, end);
                if (i >= end || b[i] != ':') {
                    return null;
                }
                i = ws(b, i + 1, end);
                if (i >= end) {
                    return null;
                }
                i = member(line, b, nameStart, nameEnd, i, end, strings);
                if (i < 0) {
                    return null;
                }
                i = ws(b, i, end);
                if (i < end && b[i] == ',') {
                    i = ws(b, i + 1, end);
                } else if (i < end && b[i] == '}') {
                    i++;
                    break;
                } else {
                    return null;
                }
            }
        }
        return ws(b, i, end) == end ? line : null;
    }

    /** Reads one member's value at {@code i} into the line. */
    private static int member(
            ExportLine line, byte[] b, int nameStart, int nameEnd, int i, int end, JsonStrings strings) {
        boolean isNull = literal(b, i, end, "null");
        if (is(b, nameStart, nameEnd, ENTRY)) {
            if (isNull) {
                line.entry = null;
                return i + 4;
            }
            if (b[i] != '"') {
                return -1;
            }
            try {
                line.entry = strings.utf8(b, i, end);
            } catch (IllegalArgumentException e) {
                return -1;
            }
            return strings.end();
        }
        if (is(b, nameStart, nameEnd, INDEX)) {
            if (isNull) {
                line.index = null;
                return i + 4;
            }
            return integer(line, b, i, end);
        }
        boolean type = is(b, nameStart, nameEnd, TYPE);
        boolean leafHash = !type && is(b, nameStart, nameEnd, LEAF_HASH);
        boolean eventId = !type && !leafHash && is(b, nameStart, nameEnd, EVENT_ID);
        if (!type && !leafHash && !eventId) {
            return -1; // another member: Jackson reads it
        }
        String value = null;
        int next;
        if (isNull) {
            next = i + 4;
        } else {
            if (b[i] != '"') {
                return -1;
            }
            int close = plainString(b, i + 1, end);
            if (close < 0) {
                return -1;
            }
            value = new String(b, i + 1, close - i - 1, StandardCharsets.US_ASCII);
            next = close + 1;
        }
        if (type) {
            line.type = value;
        } else if (leafHash) {
            line.leafHash = value;
        } else {
            line.eventId = value;
        }
        return next;
    }

    /** A plain JSON integer that fits a long, ending where a value ends. */
    private static int integer(ExportLine line, byte[] b, int i, int end) {
        int start = i;
        boolean negative = i < end && b[i] == '-';
        if (negative) {
            i++;
        }
        int digits = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int count = i - digits;
        if (count == 0 || count > 18 || (count > 1 && b[digits] == '0')) {
            return -1;
        }
        if (i < end && b[i] != ',' && b[i] != '}' && b[i] != ' ' && b[i] != '\t' && b[i] != '\r' && b[i] != '\n') {
            return -1;
        }
        line.index = Long.parseLong(new String(b, start, i - start, StandardCharsets.US_ASCII));
        return i;
    }

    /** The position of the closing quote of a string of printable ASCII without escapes, or -1. */
    private static int plainString(byte[] b, int i, int end) {
        for (; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0x20 || c == 0x7f) {
                return -1;
            }
        }
        return -1;
    }

    private static boolean literal(byte[] b, int i, int end, String word) {
        if (i + word.length() > end) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (b[i + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean is(byte[] b, int start, int end, byte[] name) {
        if (end - start != name.length) {
            return false;
        }
        for (int k = 0; k < name.length; k++) {
            if (b[start + k] != name[k]) {
                return false;
            }
        }
        return true;
    }

    private static int ws(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) {
            i++;
        }
        return i;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
