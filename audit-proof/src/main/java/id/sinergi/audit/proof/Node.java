package id.sinergi.audit.proof;

/**
 * A complete subtree of the log: the {@code 2^level} leaves from {@code index * 2^level}. Level 0 is a leaf. The
 * log keeps the hashes of leaves and of every complete subtree whose level is a multiple of {@link #STORED_EVERY};
 * the levels between are recomputed from those when a proof needs them, which keeps the stored nodes to about one
 * for every fifteen leaves and a proof to a few dozen stored hashes.
 */
public record Node(int level, long index) {

    /** The levels whose nodes the log stores: 0 (the leaves), 4, 8, 12, … */
    public static final int STORED_EVERY = 4;

    public Node {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such node: level " + level + ", index " + index);
        }
    }

    /** The first leaf under this node. */
    public long first() {
        return index << level;
    }

    /** One past the last leaf under this node. */
    public long end() {
        return (index + 1) << level;
    }

    /** Whether the log keeps this node's hash rather than recomputing it. */
    public boolean stored() {
        return level % STORED_EVERY == 0;
    }

    /** Whether this node is a leaf. */
    public boolean leaf() {
        return level == 0;
    }
}
