package id.sinergi.identity.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The blocking keys of a record: two records are compared only when they share one.
 *
 * <p>The readable keys contain personal data (NIK, passport, name codes); only their hashes are stored and they
 * must never be logged.
 */
public final class BlockingKeys {

    private BlockingKeys() {}

    /** The readable keys of a record. */
    public static Set<String> of(MatchRecord r) {
        Set<String> keys = new LinkedHashSet<>();
        return keys;
    }

    /** A stable 64-bit hash of a key: the first eight bytes of its SHA-256 digest, big-endian. */
    public static long hash(String key) {
        byte[] digest = sha256().digest(key.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value;
    }

    /** The sorted, distinct hashes of {@link #of(MatchRecord)}, as stored in PostgreSQL. */
    public static long[] hashes(MatchRecord r) {
        return of(r).stream().mapToLong(BlockingKeys::hash).distinct().sorted().toArray();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
