package id.sinergi.audit.proof;

/**
 * The leaves {@code [start, end)} as the RFC 9162 tree groups them: the hash of a range is MTH of those leaves,
 * split at the largest power of two below its size.
 */
public record Range(long start, long end) {

    public Range {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative range [" + start + ", " + end + ")");
        }
    }

    public long size() {
        return end - start;
    }

    /**
     * The complete subtree this range is, or null when its size is not a power of two or it does not start on a
     * multiple of its size.
     */
    public Node asNode() {
        long size = size();
        if (Long.bitCount(size) != 1 || start % size != 0) {
            return null;
        }
        int level = Long.numberOfTrailingZeros(size);
        return new Node(level, start >>> level);
    }

    /** The largest power of two smaller than {@code n}, for {@code n >= 2}: where RFC 9162 splits n leaves. */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }
}
