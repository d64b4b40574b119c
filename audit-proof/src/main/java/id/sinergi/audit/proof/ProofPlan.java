package id.sinergi.audit.proof;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a proof or a root is made of, before any hash is read: the ranges of leaves whose hashes form it, in the
 * order RFC 9162 gives them, and the stored nodes those hashes are computed from. A store fetches {@link
 * #storedNodes()} in one go and {@link #hashes} assembles the answer, so a proof costs one read however it is
 * kept.
 */
public final class ProofPlan {

    private final List<Range> ranges;

    private ProofPlan(List<Range> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    /** The audit path of leaf {@code index} in the tree of {@code size} leaves (RFC 9162 section 2.1.3.1). */
    public static ProofPlan inclusion(long index, long size) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<Range> path = new ArrayList<>();
        long start = 0;
        long end = size;
        // Walk down from the root, noting the sibling at each level; the path lists them from the leaf up.
        while (end - start > 1) {
            long k = Range.split(end - start);
            if (index < start + k) {
                path.add(new Range(start + k, end));
                end = start + k;
            } else {
                path.add(new Range(start, start + k));
                start += k;
            }
        }
        Collections.reverse(path);
        return new ProofPlan(path);
    }

    /**
     * The consistency proof from the tree of {@code oldSize} leaves to the one of {@code newSize} (RFC 9162
     * section 2.1.4.1); empty when the sizes are equal.
     */
    public static ProofPlan consistency(long oldSize, long newSize) {
        if (oldSize < 1 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from " + oldSize + " to " + newSize + " leaves");
        }
        List<Range> proof = new ArrayList<>();
        subproof(oldSize, 0, newSize, true, proof);
        return new ProofPlan(proof);
    }

    /** The root of the tree of {@code size} leaves, as a plan of one range. */
    public static ProofPlan root(long size) {
        return new ProofPlan(List.of(new Range(0, size)));
    }

    // SUBPROOF(m, D[start:end], b), with m counted from start. Appends in the RFC's order (deepest first).
    private static void subproof(long m, long start, long end, boolean whole, List<Range> out) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                out.add(new Range(start, end));
            }
            return;
        }
        long k = Range.split(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, out);
            out.add(new Range(start + k, end));
        } else {
            subproof(m - k, start + k, end, false, out);
            out.add(new Range(start, start + k));
        }
    }

    public List<Range> ranges() {
        return ranges;
    }

    /** The stored nodes (leaves, and every {@link Node#STORED_EVERY}th level) the hashes are computed from. */
    public Set<Node> storedNodes() {
        Set<Node> nodes = new LinkedHashSet<>();
        for (Range range : ranges) {
            collect(range, nodes);
        }
        return nodes;
    }

    /** The hashes of the ranges, in order, from the stored nodes' hashes. */
    public List<byte[]> hashes(Map<Node, byte[]> stored) {
        List<byte[]> hashes = new ArrayList<>(ranges.size());
        for (Range range : ranges) {
            hashes.add(hash(range, stored));
        }
        return hashes;
    }

    private static void collect(Range range, Set<Node> out) {
        Node node = range.asNode();
        if (node == null) {
            long k = Range.split(range.size());
            collect(new Range(range.start(), range.start() + k), out);
            collect(new Range(range.start() + k, range.end()), out);
        } else {
            collect(node, out);
        }
    }

    private static void collect(Node node, Set<Node> out) {
        if (node.stored()) {
            out.add(node);
            return;
        }
        // Down to the stored level below: 2^(level mod STORED_EVERY) consecutive nodes.
        int base = node.level() - node.level() % Node.STORED_EVERY;
        long width = 1L << (node.level() - base);
        for (long i = node.index() * width; i < (node.index() + 1) * width; i++) {
            out.add(new Node(base, i));
        }
    }

    /** The hash of a range from stored nodes: MTH split at the largest power of two, complete subtrees looked up. */
    static byte[] hash(Range range, Map<Node, byte[]> stored) {
        Node node = range.asNode();
        if (node != null) {
            return hash(node, stored);
        }
        long k = Range.split(range.size());
        return MerkleHash.node(
                hash(new Range(range.start(), range.start() + k), stored),
                hash(new Range(range.start() + k, range.end()), stored));
    }

    private static byte[] hash(Node node, Map<Node, byte[]> stored) {
        if (node.stored()) {
            byte[] hash = stored.get(node);
            if (hash == null) {
                throw new MissingNodeException(node);
            }
            return hash;
        }
        return MerkleHash.node(
                hash(new Node(node.level() - 1, node.index() * 2), stored),
                hash(new Node(node.level() - 1, node.index() * 2 + 1), stored));
    }

    /** A stored node the store did not have: the tree is incomplete or was tampered with. */
    public static final class MissingNodeException extends IllegalStateException {
        private final transient Node node;

        public MissingNodeException(Node node) {
            super("the store has no hash for node level " + node.level() + " index " + node.index());
            this.node = node;
        }

        public Node node() {
            return node;
        }
    }
}
