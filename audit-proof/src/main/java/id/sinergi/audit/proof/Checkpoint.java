package id.sinergi.audit.proof;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP tlog-checkpoint: the log's origin line, the tree size, the root hash in base64, and extension lines. The
 * audit log adds one extension line, {@code time <seconds since the epoch>}, saying when it sealed the tree.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, Instant time) {

    private static final String TIME = "time ";

    public Checkpoint {
        if (origin == null || origin.isBlank() || origin.contains("\n") || origin.length() > 256) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-blank line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (rootHash == null || rootHash.length != MerkleHash.SIZE) {
            throw new IllegalArgumentException("a root hash has " + MerkleHash.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size, root, time, each on its own line. */
    public String body() {
        StringBuilder sb = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        if (time != null) {
            sb.append(TIME).append(time.getEpochSecond()).append('\n');
        }
        return sb.toString();
    }

    /**
     * Reads a checkpoint from a note's text.
     *
     * @throws IllegalArgumentException when it is not a checkpoint
     */
    public static Checkpoint parse(String text) {
        SignedNote.checkText(text);
        List<String> lines = new ArrayList<>(
                Arrays.asList(text.substring(0, text.length() - 1).split("\n", -1)));
        if (lines.size() < 3) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash line");
        }
        long size;
        byte[] root;
        try {
            String sizeLine = lines.get(1);
            if (!sizeLine.matches("0|[1-9][0-9]{0,18}")) {
                throw new NumberFormatException(sizeLine);
            }
            size = Long.parseLong(sizeLine);
            root = Base64.getDecoder().decode(lines.get(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a checkpoint's size is decimal and its root hash base64", e);
        }
        Instant time = null;
        for (String extension : lines.subList(3, lines.size())) {
            if (extension.startsWith(TIME)) {
                try {
                    time = Instant.ofEpochSecond(Long.parseLong(extension.substring(TIME.length())));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("a checkpoint's time line is 'time <seconds>'", e);
                }
            }
        }
        return new Checkpoint(lines.get(0), size, root, time);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && c.origin.equals(origin)
                && c.size == size
                && Arrays.equals(c.rootHash, rootHash)
                && java.util.Objects.equals(c.time, time);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return "Checkpoint[" + origin + ", " + size + ", " + Base64.getEncoder().encodeToString(rootHash) + "]";
    }
}
