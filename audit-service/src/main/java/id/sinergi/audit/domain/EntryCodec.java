package id.sinergi.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.proof.MerkleHash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The canonical form of a stored event: the bytes of its leaf in the Merkle tree, whose leaf hash is
 * {@code SHA-256(0x00 || canonical form)} (RFC 9162).
 *
 * <p>The form is a one-line JSON object with a fixed member order, every member present ({@code null} when empty),
 * timestamps in UTC with exactly six fraction digits, and the roles as the JSON text the row stores. It is built
 * from stored values only, so a row read back from PostgreSQL yields the same bytes, and a change to any column
 * changes the leaf hash. The form carries no position: the tree gives each leaf its index.
 *
 * <p>Each row keeps the version it was hashed with ({@code entry_format}), so that a new version never changes
 * the bytes of leaves already in the tree. Version 3 adds one member at the end, {@code details}: the sealed
 * details in standard base64, or null; everything before it is version 2's, with {@code "v":3}.
 */
public final class EntryCodec {

    /**
     * Version of the canonical form new rows get; a new form gets a new number, never changes an old one. Version 1
     * was the hash chain's, which also covered the position and the previous hash; version 2 is version 3 without
     * {@code details}.
     */
    public static final short FORMAT = 3;

    /**
     * The version of the log's retention statements: version 3 with one more member at the end, {@code purge}, the
     * signed statement as a string. No other row uses it, so ordinary leaves keep their bytes.
     */
    public static final short FORMAT_RETENTION = 4;

    /** The version of the rows stored before events had details. */
    static final short FORMAT_WITHOUT_DETAILS = 2;

    private static final Base64.Encoder B64 = Base64.getEncoder();

    /** How a timestamp is written; {@link #timestamp} writes the same text faster for years 1000 to 9999. */
    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EntryCodec() {}

    /**
     * The canonical form of a row, in the version the row names. A version this log never wrote (a tampered row)
     * still yields bytes, which match no leaf, so that verification names the row instead of failing.
     */
    public static String canonical(AuditRecord r) {
        StringBuilder sb = new StringBuilder(512).append('{');
        member(sb, "v", Integer.toString(r.entryFormat));
        // Ids, timestamps and the outcome are written by this class or the JDK and hold nothing to escape.
        unescaped(sb, "eventId", uuid(r.eventId));
        unescaped(sb, "occurredAt", timestamp(r.occurredAt));
        unescaped(sb, "recordedAt", timestamp(r.recordedAt));
        text(sb, "service", r.service);
        text(sb, "action", r.action);
        unescaped(sb, "outcome", r.outcome == null ? null : r.outcome.name());
        text(sb, "actorSubject", r.actorSubject);
        text(sb, "actorUsername", r.actorUsername);
        text(sb, "actorAgency", r.actorAgency);
        text(sb, "actorMission", r.actorMission);
        text(sb, "actorClientId", r.actorClientId);
        // The stored JSON text goes in as a string, so no column can spill into the members after it.
        text(sb, "actorRoles", r.actorRoles);
        unescaped(sb, "workerId", uuid(r.workerId));
        text(sb, "purpose", r.purpose);
        text(sb, "resourceType", r.resourceType);
        text(sb, "resourceId", r.resourceId);
        text(sb, "reason", r.reason);
        if (r.entryFormat >= FORMAT) {
            text(sb, "details", r.details == null ? null : B64.encodeToString(r.details));
        }
        if (r.entryFormat >= FORMAT_RETENTION) {
            text(sb, "purge", r.purge);
        }
        return sb.append('}').toString();
    }

    /** The row's leaf hash in the tree. */
    public static byte[] leafHash(AuditRecord r) {
        return leafHash(canonical(r));
    }

    /** The leaf hash of a canonical form. */
    public static byte[] leafHash(String canonical) {
        return MerkleHash.leaf(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** The roles as the {@code actor_roles} column keeps them: a JSON array in the given order, or null. */
    public static String encodeRoles(List<String> roles) {
        if (roles == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder().append('[');
        for (int i = 0; i < roles.size(); i++) {
            String role = quote(roles.get(i));
            sb.append(i == 0 ? "" : ",").append(role == null ? "null" : role);
        }
        return sb.append(']').toString();
    }

    /** The roles back from the {@code actor_roles} column. */
    public static List<String> decodeRoles(String column) {
        if (column == null) {
            return null;
        }
        try {
            return JSON.readValue(column, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("actor_roles holds no JSON array of strings", e);
        }
    }

    /** An instant as the canonical form writes it; the value is first cut to PostgreSQL's microseconds. */
    static String timestamp(Instant instant) {
        if (instant == null) {
            return null;
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        LocalDateTime t = LocalDateTime.ofEpochSecond(micros.getEpochSecond(), micros.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return TIMESTAMP.format(micros);
        }
        // The sealer and the verification write two timestamps for every entry: digit by digit is several times
        // faster than the formatter, with the same text (EntryCodecTest compares the two).
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, t.getYear());
        digits(text, 5, 2, t.getMonthValue());
        digits(text, 8, 2, t.getDayOfMonth());
        digits(text, 11, 2, t.getHour());
        digits(text, 14, 2, t.getMinute());
        digits(text, 17, 2, t.getSecond());
        digits(text, 20, 6, t.getNano() / 1000);
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits at {@code at}, zero-padded. */
    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static String uuid(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void member(StringBuilder sb, String name, String jsonValue) {
        name(sb, name);
        sb.append(jsonValue == null ? "null" : jsonValue);
    }

    /** A member whose value is a string (or null), quoted straight into the form. */
    private static void text(StringBuilder sb, String name, String value) {
        name(sb, name);
        if (value == null) {
            sb.append("null");
        } else {
            quoteInto(sb, value);
        }
    }

    /** A member whose value is a string (or null) with nothing to escape: a UUID, a timestamp, an enum's name. */
    private static void unescaped(StringBuilder sb, String name, String value) {
        name(sb, name);
        if (value == null) {
            sb.append("null");
        } else {
            sb.append('"').append(value).append('"');
        }
    }

    private static void name(StringBuilder sb, String name) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":");
    }

    /** A JSON string literal: quote, backslash and control characters escaped, everything else as is. */
    static String quote(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2);
        quoteInto(sb, value);
        return sb.toString();
    }

    /** Appends {@link #quote}'s literal; a value with nothing to escape (nearly all) is appended whole. */
    private static void quoteInto(StringBuilder sb, String value) {
        sb.append('"');
        int plain = 0;
        while (plain < value.length() && !escaped(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            sb.append(value);
        } else {
            sb.append(value, 0, plain);
            for (int i = plain; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean escaped(char c) {
        return c == '"' || c == '\\' || c < 0x20;
    }
}
