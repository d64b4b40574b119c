package id.sinergi.audit.proof;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The right edge of a growing tree: the hashes of the complete subtrees that its size splits into (one per set bit,
 * largest first). Appending a leaf merges equal subtrees and reports each complete node it finishes, so the log
 * stores nodes as it seals leaves; the root is the edge folded from the right. Not thread-safe.
 */
public final class Frontier {

    /** Receives each complete subtree that an append finishes, leaves included. */
    @FunctionalInterface
    public interface NodeSink {
        void completed(Node node, byte[] hash);
    }

    private long size;
    private final List<byte[]> edge;

    private Frontier(long size, List<byte[]> edge) {
        this.size = size;
        this.edge = edge;
    }

    /** The empty tree. */
    public static Frontier empty() {
        return new Frontier(0, new ArrayList<>());
    }

    /** The edge of a tree of {@code size} leaves, as {@link #encode()} wrote it. */
    public static Frontier decode(long size, byte[] encoded) {
        int count = Long.bitCount(size);
        if (size < 0 || encoded == null || encoded.length != count * MerkleHash.SIZE) {
            throw new IllegalArgumentException("an edge of a tree of " + size + " leaves has " + count + " hashes");
        }
        List<byte[]> edge = new ArrayList<>(count + 64);
        for (int i = 0; i < count; i++) {
            edge.add(Arrays.copyOfRange(encoded, i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE));
        }
        return new Frontier(size, edge);
    }

    /** Appends a leaf by its leaf hash, telling {@code sink} about the leaf and every node it completes. */
    public void append(byte[] leafHash, NodeSink sink) {
        if (leafHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a leaf hash has " + MerkleHash.SIZE + " bytes");
        }
        long index = size;
        byte[] hash = leafHash;
        int level = 0;
        sink.completed(new Node(0, index), hash);
        for (long s = size; (s & 1) == 1; s >>= 1) {
            hash = MerkleHash.node(edge.remove(edge.size() - 1), hash);
            level++;
            sink.completed(new Node(level, index >>> level), hash);
        }
        edge.add(hash);
        size++;
    }

    public long size() {
        return size;
    }

    /** The tree's root hash (RFC 9162 MTH); the hash of the empty string for the empty tree. */
    public byte[] root() {
        if (edge.isEmpty()) {
            return MerkleHash.sha256(new byte[0]);
        }
        byte[] root = edge.get(edge.size() - 1);
        for (int i = edge.size() - 2; i >= 0; i--) {
            root = MerkleHash.node(edge.get(i), root);
        }
        return root;
    }

    /** The edge's hashes, largest subtree first, concatenated. */
    public byte[] encode() {
        byte[] out = new byte[edge.size() * MerkleHash.SIZE];
        for (int i = 0; i < edge.size(); i++) {
            System.arraycopy(edge.get(i), 0, out, i * MerkleHash.SIZE, MerkleHash.SIZE);
        }
        return out;
    }
}
