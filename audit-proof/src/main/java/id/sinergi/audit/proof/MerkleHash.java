package id.sinergi.audit.proof;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hashes of an RFC 9162 Merkle tree (section 2.1.1): a leaf is {@code SHA-256(0x00 || data)} and an inner
 * node {@code SHA-256(0x01 || left || right)}, so that no leaf can pass for a node or a node for a leaf.
 */
public final class MerkleHash {

    /** Bytes in a hash. */
    public static final int SIZE = 32;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(MerkleHash::newDigest);

    private MerkleHash() {}

    /** The hash of a leaf holding {@code data}. */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 0x00);
        return sha.digest(data);
    }

    /** The hash of the inner node over two children. */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = SHA256.get();
        sha.update((byte) 0x01);
        sha.update(left);
        return sha.digest(right);
    }

    /** Plain SHA-256, for callers that need it beside the tree (key ids, benchmarks). */
    public static byte[] sha256(byte[] data) {
        return SHA256.get().digest(data);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
