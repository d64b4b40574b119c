package id.sinergi.audit.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * How the log chains its events: {@code hash = hex(sha256(prevHash + "\n" + canonical(event)))}, starting from
 * {@link #GENESIS}.
 *
 * <p>The canonical form is a one-line JSON object with a fixed member order, every member present ({@code null}
 * when empty), timestamps in UTC with exactly six fraction digits, and the roles as the JSON text the row
 * stores. It is built from stored values only, so a row read back from PostgreSQL yields the same bytes; a
 * change to any field, to {@code seq} or to {@code recorded_at} changes the hash.
 */
public final class AuditChain {

    /** The {@code prev_hash} of the first event. */
    public static final String GENESIS = "0".repeat(64);

    /** Version of the canonical form; a new form would get a new number, never change this one. */
    static final int FORMAT = 1;

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    /** The bytes-to-hash of a row, without the hashes themselves. */
    public static String canonical(AuditRecord r) {
        StringBuilder sb = new StringBuilder(512).append('{');
        member(sb, "v", Integer.toString(FORMAT));
        member(sb, "seq", r.seq == null ? null : Long.toString(r.seq));
        member(sb, "eventId", quote(uuid(r.eventId)));
        member(sb, "occurredAt", quote(timestamp(r.occurredAt)));
        member(sb, "recordedAt", quote(timestamp(r.recordedAt)));
        member(sb, "service", quote(r.service));
        member(sb, "action", quote(r.action));
        member(sb, "outcome", quote(r.outcome == null ? null : r.outcome.name()));
        member(sb, "actorSubject", quote(r.actorSubject));
        member(sb, "actorUsername", quote(r.actorUsername));
        member(sb, "actorAgency", quote(r.actorAgency));
        member(sb, "actorMission", quote(r.actorMission));
        member(sb, "actorClientId", quote(r.actorClientId));
        // The stored JSON text goes in as a string, so no column can spill into the members after it.
        member(sb, "actorRoles", quote(r.actorRoles));
        member(sb, "workerId", quote(uuid(r.workerId)));
        member(sb, "purpose", quote(r.purpose));
        member(sb, "resourceType", quote(r.resourceType));
        member(sb, "resourceId", quote(r.resourceId));
        member(sb, "reason", quote(r.reason));
        return sb.append('}').toString();
    }

    /** The link hash: lower-case hex SHA-256 of the previous hash, a newline and the canonical form. */
    public static String hash(String prevHash, String canonical) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prevHash.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The hash a row should carry, recomputed from its stored fields and its stored {@code prev_hash}. */
    public static String expectedHash(AuditRecord r) {
        return hash(r.prevHash, canonical(r));
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
        return instant == null ? null : TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static String uuid(UUID id) {
        return id == null ? null : id.toString();
    }

    private static void member(StringBuilder sb, String name, String jsonValue) {
        if (sb.length() > 1) {
            sb.append(',');
        }
        sb.append('"').append(name).append("\":").append(jsonValue == null ? "null" : jsonValue);
    }

    /** A JSON string literal: quote, backslash and control characters escaped, everything else as is. */
    static String quote(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
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
        return sb.append('"').toString();
    }
}
