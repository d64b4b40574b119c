package id.sinergi.audit.proof.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.RetentionCoverage;
import id.sinergi.audit.proof.SignedNote;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Checks an export of the audit log ({@code GET /api/audit-log/export}) offline, against the log's key and the
 * witnesses' keys alone: the checkpoint's signature and cosignatures, that every leaf is there once and in order,
 * that every entry hashes to its stored leaf hash, and that the stored leaf hashes make the checkpoint's root.
 * Every problem is reported, each naming its leaf and event; the exit code is 0 when all holds, 1 when something
 * does not, 2 for a wrong command line or input that is not an export.
 *
 * <p>The export is streamed: only the tree's right edge, a bit per leaf and the problems found are kept.
 */
public final class VerifyExport {

    static final int OK = 0;
    static final int PROBLEMS = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT =
            """
            usage: audit-verify --export FILE|- --log-key VKEY [--witness-key VKEY ...] [--min-cosignatures N]
                                [--json] [--timing]
              --export FILE         the NDJSON export of GET /api/audit-log/export; - reads standard input
              --log-key VKEY        the log's verifier key (note key type 0x01, named as the checkpoint origin)
              --witness-key VKEY    a witness's cosignature key (type 0x04); repeat for each witness
              --min-cosignatures N  how many of the given witnesses must have cosigned (default: all of them)
              --json                one JSON report on standard output instead of text
              --timing              also print the time taken, and the time plain SHA-256 takes over the entries
            exit: 0 all holds, 1 problems found (each is listed), 2 wrong arguments or unreadable input
            """;

    private static final Set<String> SINGLE = Set.of("--export", "--log-key", "--min-cosignatures");
    private static final Set<String> REPEATED = Set.of("--witness-key");
    private static final Set<String> FLAGS = Set.of("--json", "--timing", "--help");

    /** How an entry of canonical form 4, a retention statement of the log, starts. */
    private static final byte[] RETENTION_ENTRY = "{\"v\":4,".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final ObjectMapper ENTRY_READER = new ObjectMapper();

    private VerifyExport() {}

    public static void main(String[] args) {
        System.exit(run(args, System.in, System.out, System.err));
    }

    /** Runs the command; the streams stand for standard input, output and error. */
    public static int run(String[] argv, InputStream stdin, PrintStream out, PrintStream err) {
        Options options;
        try {
            Args args = Args.parse(argv, SINGLE, REPEATED, FLAGS);
            if (args.flag("--help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            options = Options.of(args);
        } catch (Args.UsageException e) {
            err.println("audit-verify: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Report report;
        String source = options.export.equals("-") ? "standard input" : options.export;
        long started = System.nanoTime();
        try (InputStream in = options.export.equals("-") ? stdin : Files.newInputStream(Path.of(options.export))) {
            report = new Verifier(options).verify(new Lines(in));
        } catch (NoSuchFileException e) {
            err.println("audit-verify: cannot read " + source + ": no such file");
            return USAGE;
        } catch (AccessDeniedException e) {
            err.println("audit-verify: cannot read " + source + ": permission denied");
            return USAGE;
        } catch (NotAnExportException e) {
            err.println("audit-verify: " + source + " is not an audit log export: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("audit-verify: cannot read " + source + ": " + e.getMessage());
            return USAGE;
        }
        report.elapsedNanos = System.nanoTime() - started;
        if (options.json) {
            report.printJson(out, options);
        } else {
            report.printText(out, options);
        }
        return report.problems.isEmpty() ? OK : PROBLEMS;
    }

    /** The command line, checked. */
    record Options(
            String export, NoteKey logKey, List<NoteKey> witnesses, int minCosignatures, boolean json, boolean timing) {

        static Options of(Args args) throws Args.UsageException {
            String export = args.required("--export");
            NoteKey logKey = key(args.required("--log-key"), "--log-key", NoteKey.NOTE);
            List<NoteKey> witnesses = new ArrayList<>();
            for (String vkey : args.all("--witness-key")) {
                witnesses.add(key(vkey, "--witness-key", NoteKey.COSIGNATURE));
            }
            int min = witnesses.size();
            String given = args.get("--min-cosignatures");
            if (given != null) {
                try {
                    min = Integer.parseInt(given);
                } catch (NumberFormatException e) {
                    throw new Args.UsageException("--min-cosignatures takes a whole number, not '" + given + "'");
                }
                if (min < 0 || min > witnesses.size()) {
                    throw new Args.UsageException("--min-cosignatures is between 0 and the number of --witness-key"
                            + " options (" + witnesses.size() + ")");
                }
            }
            return new Options(export, logKey, List.copyOf(witnesses), min, args.flag("--json"), args.flag("--timing"));
        }

        static NoteKey key(String vkey, String option, byte type) throws Args.UsageException {
            NoteKey key;
            try {
                key = NoteKey.parseVkey(vkey);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(option + " is not a vkey: " + e.getMessage());
            }
            if (key.type() != type) {
                throw new Args.UsageException(option + " " + key.name() + " is a key of type 0x0"
                        + key.type() + ", not 0x0" + type
                        + (type == NoteKey.NOTE ? " (the log's note key)" : " (a witness's cosignature key)"));
            }
            return key;
        }
    }

    /** Input that is no export at all (as opposed to an export with problems). */
    static final class NotAnExportException extends IOException {
        private static final long serialVersionUID = 1L;

        NotAnExportException(String message) {
            super(message);
        }
    }

    /** What is wrong, where: a leaf index and event id when the problem is about one leaf. */
    record Problem(String kind, Long index, String eventId, Long line, String message) {}

    /** The kinds of problem, as the JSON report names them. */
    static final class Kind {
        static final String CHECKPOINT_MALFORMED = "checkpoint-malformed";
        static final String CHECKPOINT_SIGNATURE = "checkpoint-signature";
        static final String COSIGNATURE_INVALID = "cosignature-invalid";
        static final String COSIGNATURE_MISSING = "cosignature-missing";
        static final String LINE_MALFORMED = "line-malformed";
        static final String INDEX_MISSING = "index-missing";
        static final String INDEX_DUPLICATE = "index-duplicate";
        static final String INDEX_OUT_OF_ORDER = "index-out-of-order";
        static final String INDEX_BEYOND_SIZE = "index-beyond-size";
        static final String LEAF_HASH_MALFORMED = "leaf-hash-malformed";
        static final String ROW_DELETED = "event-row-deleted";
        static final String PAYLOAD_EDITED = "payload-edited";
        static final String LEAF_HASH_ALTERED = "leaf-hash-altered";
        static final String TREE_MISMATCH = "tree-mismatch";
        static final String RETENTION_INVALID = "retention-statement-invalid";

        private Kind() {}
    }

    /** One pass over the export. */
    static final class Verifier {
        private final Options options;
        private final Report report = new Report();

        private Checkpoint checkpoint;
        private final BitSet seen = new BitSet();
        private long expectedNext;
        /** The tree over the stored leaf hashes, and the same tree with each entry's own leaf hash instead. */
        private final Frontier stored = Frontier.empty();

        private final Frontier recomputed = Frontier.empty();
        private boolean treeBroken;
        private byte[] storedRoot;
        private byte[] recomputedRoot;
        /** The entries that do not hash to their stored leaf hash; which of the two changed is decided at the end. */
        private final List<Integer> mismatches = new ArrayList<>();

        private final JsonStrings strings = new JsonStrings();

        /** What the log's retention statements expired; a leaf without entry is accepted only where they cover it. */
        private final RetentionCoverage coverage;

        /** The leaves without an entry and their lines, decided at the end, when every statement was read. */
        private long[] withoutEntry = new long[16];

        private int withoutEntryCount;

        /** The event ids the export still names for leaves without entry (an expired entry's, say). */
        private final java.util.Map<Long, String> withoutEntryEvents = new java.util.HashMap<>();

        Verifier(Options options) {
            this.options = options;
            this.coverage = new RetentionCoverage(options.logKey);
        }

        Report verify(Lines lines) throws IOException {
            if (!nextNonBlank(lines)) {
                throw new NotAnExportException("it is empty");
            }
            ExportLine first = parse(lines, true);
            if ("checkpoint".equals(first.type)) {
                checkCheckpoint(first.note, lines.number());
            } else {
                report.add(Kind.CHECKPOINT_MALFORMED, null, null, lines.number(), "line 1 is not the checkpoint line");
                if ("entry".equals(first.type)) {
                    entry(first, lines.number());
                }
            }
            if (checkpoint != null && checkpoint.size() == 0) {
                storedRoot = stored.root();
                recomputedRoot = recomputed.root();
            }
            while (nextNonBlank(lines)) {
                ExportLine line;
                try {
                    line = parse(lines, false);
                } catch (NotAnExportException e) {
                    report.add(Kind.LINE_MALFORMED, null, null, lines.number(), e.getMessage());
                    continue;
                }
                if ("entry".equals(line.type)) {
                    entry(line, lines.number());
                } else if ("checkpoint".equals(line.type)) {
                    report.add(Kind.LINE_MALFORMED, null, null, lines.number(), "a second checkpoint line");
                } else {
                    report.add(
                            Kind.LINE_MALFORMED, null, null, lines.number(), "unknown line type '" + line.type + "'");
                }
            }
            finish();
            return report;
        }

        private static boolean nextNonBlank(Lines lines) throws IOException {
            while (lines.next()) {
                if (!lines.blank()) {
                    return true;
                }
            }
            return false;
        }

        private void checkCheckpoint(String text, long lineNumber) {
            NoteKey logKey = options.logKey;
            SignedNote note;
            try {
                note = SignedNote.parse(text);
                checkpoint = Checkpoint.parse(note.text());
            } catch (IllegalArgumentException e) {
                report.add(Kind.CHECKPOINT_MALFORMED, null, null, lineNumber, "the checkpoint note: " + e.getMessage());
                return;
            }
            report.checkpoint = checkpoint;
            if (!checkpoint.origin().equals(logKey.name())) {
                report.add(
                        Kind.CHECKPOINT_SIGNATURE,
                        null,
                        null,
                        lineNumber,
                        "the checkpoint's origin '" + checkpoint.origin() + "' is not the log key's name '"
                                + logKey.name() + "'");
            }
            if (!logKey.signed(note)) {
                report.add(
                        Kind.CHECKPOINT_SIGNATURE,
                        null,
                        null,
                        lineNumber,
                        "the checkpoint is not signed by the log key " + logKey.name() + "+"
                                + String.format("%08x", logKey.keyId()));
            }
            int valid = 0;
            List<NoteKey> missing = new ArrayList<>();
            for (NoteKey witness : options.witnesses) {
                List<SignedNote.Line> lines = note.signatures().stream()
                        .filter(l -> l.name().equals(witness.name()) && l.keyId() == witness.keyId())
                        .toList();
                SignedNote.Line good = lines.stream()
                        .filter(l -> witness.verifies(note.text(), l))
                        .findFirst()
                        .orElse(null);
                if (good != null) {
                    valid++;
                    report.cosignatures.add(
                            new Cosignature(witness.name(), Instant.ofEpochSecond(NoteKey.cosignatureTime(good))));
                } else if (!lines.isEmpty()) {
                    report.add(
                            Kind.COSIGNATURE_INVALID,
                            null,
                            null,
                            lineNumber,
                            "the cosignature of witness " + witness.name() + " does not verify");
                } else {
                    missing.add(witness);
                }
            }
            if (valid < options.minCosignatures) {
                for (NoteKey witness : missing) {
                    report.add(
                            Kind.COSIGNATURE_MISSING,
                            null,
                            null,
                            lineNumber,
                            "no cosignature by witness " + witness.name() + " (" + valid + " valid, "
                                    + options.minCosignatures + " required)");
                }
            }
        }

        private void entry(ExportLine line, long lineNumber) {
            Long index = line.index;
            String eventId = line.eventId;
            if (index == null || index < 0) {
                report.add(Kind.LINE_MALFORMED, null, eventId, lineNumber, "an entry line without a valid index");
                return;
            }
            if (index >= Integer.MAX_VALUE) {
                report.add(Kind.INDEX_BEYOND_SIZE, index, eventId, lineNumber, "index " + index + " is out of range");
                return;
            }
            int i = (int) (long) index;
            report.entries++;
            boolean beyond = checkpoint != null && index >= checkpoint.size();
            if (beyond) {
                report.add(
                        Kind.INDEX_BEYOND_SIZE,
                        index,
                        eventId,
                        lineNumber,
                        "index beyond the checkpoint's " + checkpoint.size() + " leaves");
            } else if (seen.get(i)) {
                report.add(Kind.INDEX_DUPLICATE, index, eventId, lineNumber, "this leaf appears more than once");
            } else {
                if (index < expectedNext) {
                    report.add(
                            Kind.INDEX_OUT_OF_ORDER,
                            index,
                            eventId,
                            lineNumber,
                            "out of order: it comes after leaf " + (expectedNext - 1));
                }
                seen.set(i);
                expectedNext = Math.max(expectedNext, index + 1);
            }
            byte[] leafHash = null;
            if (line.leafHash == null) {
                report.add(Kind.LEAF_HASH_MALFORMED, index, eventId, lineNumber, "no stored leaf hash");
            } else {
                try {
                    leafHash = Base64.getDecoder().decode(line.leafHash);
                } catch (IllegalArgumentException e) {
                    leafHash = null;
                }
                if (leafHash == null || leafHash.length != MerkleHash.SIZE) {
                    leafHash = null;
                    report.add(
                            Kind.LEAF_HASH_MALFORMED,
                            index,
                            eventId,
                            lineNumber,
                            "the stored leaf hash is not " + MerkleHash.SIZE + " bytes in base64");
                }
            }
            byte[] entryHash = null;
            if (line.entry == null) {
                if (withoutEntryCount + 2 > withoutEntry.length) {
                    withoutEntry = java.util.Arrays.copyOf(withoutEntry, withoutEntry.length * 2);
                }
                withoutEntry[withoutEntryCount++] = index;
                withoutEntry[withoutEntryCount++] = lineNumber;
                if (eventId != null && !coverage.covers(index)) {
                    withoutEntryEvents.put(index, eventId);
                }
            } else {
                byte[] bytes = line.entry;
                entryHash = MerkleHash.leaf(bytes);
                if (options.timing) {
                    long t = System.nanoTime();
                    MerkleHash.sha256(bytes);
                    report.plainShaNanos += System.nanoTime() - t;
                    report.entryBytes += bytes.length;
                }
                if (leafHash != null && !MessageDigest.isEqual(entryHash, leafHash)) {
                    mismatches.add(report.problems.size());
                    report.add(Kind.PAYLOAD_EDITED, index, eventId, lineNumber, null);
                } else if (leafHash != null && startsWith(bytes, RETENTION_ENTRY)) {
                    retentionStatement(index, eventId, lineNumber, bytes);
                }
            }
            if (!beyond) {
                grow(index, leafHash, entryHash);
            }
        }

        /** Takes in the log's retention statement an entry of canonical form 4 carries. */
        private void retentionStatement(long index, String eventId, long lineNumber, byte[] entry) {
            String note;
            try {
                var json = ENTRY_READER.readTree(entry);
                if (!"audit-service".equals(json.path("service").asText())
                        || !"audit.retention.purge".equals(json.path("action").asText())
                        || !json.path("purge").isTextual()) {
                    return;
                }
                note = json.path("purge").asText();
            } catch (IOException e) {
                report.add(Kind.RETENTION_INVALID, index, eventId, lineNumber, "the entry is not JSON");
                return;
            }
            for (String wrong : coverage.statement(index, note)) {
                report.add(Kind.RETENTION_INVALID, index, eventId, lineNumber, wrong);
            }
        }

        private static boolean startsWith(byte[] bytes, byte[] prefix) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if (bytes[i] != prefix[i]) {
                    return false;
                }
            }
            return true;
        }

        /** Adds the leaf to both trees while the leaves come complete and in order. */
        private void grow(long index, byte[] leafHash, byte[] entryHash) {
            if (treeBroken || index < stored.size()) {
                return; // a repeated leaf: reported, and left out of the tree
            }
            if (index > stored.size() || leafHash == null) {
                treeBroken = true;
                return;
            }
            stored.append(leafHash, (node, hash) -> {});
            recomputed.append(entryHash != null ? entryHash : leafHash, (node, hash) -> {});
            if (checkpoint != null && stored.size() == checkpoint.size()) {
                storedRoot = stored.root();
                recomputedRoot = recomputed.root();
            }
        }

        private void finish() {
            for (int k = 0; k < withoutEntryCount; k += 2) {
                long index = withoutEntry[k];
                if (coverage.covers(index)) {
                    report.expired++;
                } else {
                    report.add(
                            Kind.ROW_DELETED,
                            index,
                            withoutEntryEvents.get(index),
                            withoutEntry[k + 1],
                            "event row deleted: the export has no entry, and no retention statement of the log"
                                    + " expired it");
                }
            }
            long size = checkpoint != null ? checkpoint.size() : expectedNext;
            long i = 0;
            while (i < size) {
                long gap = i < Integer.MAX_VALUE ? seen.nextClearBit((int) i) : i;
                if (gap >= size) {
                    break;
                }
                long next = gap < Integer.MAX_VALUE ? seen.nextSetBit((int) gap) : -1;
                long end = next < 0 || next > size ? size : next;
                String what = gap == end - 1
                        ? "missing: the export has no line for this leaf"
                        : "missing, and so are the " + (end - gap - 1) + " leaves after it (to leaf " + (end - 1)
                                + "): the export has no line for them";
                report.add(Kind.INDEX_MISSING, gap, null, null, what);
                i = end;
            }
            boolean storedOk = false;
            boolean recomputedOk = false;
            if (checkpoint == null) {
                report.treeNote = "the tree was not checked: there is no readable checkpoint";
            } else if (storedRoot == null) {
                report.treeNote =
                        "the root was not recomputed: the leaves are not all present, in order, with their hashes";
            } else {
                storedOk = MessageDigest.isEqual(storedRoot, checkpoint.rootHash());
                recomputedOk = MessageDigest.isEqual(recomputedRoot, checkpoint.rootHash());
                if (!storedOk) {
                    report.add(
                            Kind.TREE_MISMATCH,
                            null,
                            null,
                            null,
                            "tree does not match: the stored leaf hashes make the root "
                                    + Base64.getEncoder().encodeToString(storedRoot)
                                    + ", not the checkpoint's "
                                    + Base64.getEncoder().encodeToString(checkpoint.rootHash())
                                    + (recomputedOk
                                            ? "; the entries themselves do make the checkpoint's root, so stored"
                                                    + " leaf hashes were altered"
                                            : ""));
                }
            }
            for (int at : mismatches) {
                Problem p = report.problems.get(at);
                String kind;
                String message;
                if (storedOk) {
                    kind = Kind.PAYLOAD_EDITED;
                    message = "payload edited: the entry does not hash to its leaf hash, which the checkpoint's"
                            + " tree holds";
                } else if (recomputedOk) {
                    kind = Kind.LEAF_HASH_ALTERED;
                    message = "leaf hash altered: the stored leaf hash is not the entry's, and the entry's is the"
                            + " one the checkpoint's tree holds";
                } else {
                    kind = Kind.PAYLOAD_EDITED;
                    message = "payload edited: the entry does not hash to its stored leaf hash (or that hash was"
                            + " altered; the tree cannot tell which here)";
                }
                report.problems.set(at, new Problem(kind, p.index(), p.eventId(), p.line(), message));
            }
        }

        private ExportLine parse(Lines lines, boolean first) throws NotAnExportException {
            ExportLine line;
            try {
                line = ExportLine.read(lines.buffer(), lines.offset(), lines.length(), strings);
            } catch (ExportLine.Malformed e) {
                throw new NotAnExportException("line " + lines.number() + " is " + e.getMessage());
            }
            if (first && line.type == null) {
                throw new NotAnExportException("line 1 has no \"type\"");
            }
            if ("checkpoint".equals(line.type) && line.note == null) {
                throw new NotAnExportException("line " + lines.number() + ": the checkpoint line has no note");
            }
            return line;
        }
    }

    /** A valid cosignature found on the checkpoint. */
    record Cosignature(String witness, Instant time) {}

    /** What the pass found. */
    static final class Report {
        final List<Problem> problems = new ArrayList<>();
        final List<Cosignature> cosignatures = new ArrayList<>();
        Checkpoint checkpoint;
        long entries;
        /** Leaves without entry that a retention statement of the log expired. */
        long expired;

        String treeNote;
        long elapsedNanos;
        long plainShaNanos;
        long entryBytes;

        void add(String kind, Long index, String eventId, Long line, String message) {
            problems.add(new Problem(kind, index, eventId, line, message));
        }

        void printText(PrintStream out, Options options) {
            if (checkpoint != null) {
                out.println("checkpoint: " + checkpoint.origin() + ", " + checkpoint.size() + " leaves, root "
                        + Base64.getEncoder().encodeToString(checkpoint.rootHash())
                        + (checkpoint.time() == null ? "" : ", sealed " + checkpoint.time()));
            }
            for (Cosignature c : cosignatures) {
                out.println("cosigned by " + c.witness() + " at " + c.time());
            }
            for (Problem p : problems) {
                StringBuilder sb = new StringBuilder("PROBLEM ");
                if (p.index() != null) {
                    sb.append("leaf ").append(p.index());
                    if (p.eventId() != null) {
                        sb.append(", event ").append(p.eventId());
                    }
                    sb.append(": ");
                } else if (p.line() != null) {
                    sb.append("line ").append(p.line()).append(": ");
                }
                out.println(sb.append(p.message()));
            }
            if (treeNote != null) {
                out.println("note: " + treeNote);
            }
            if (problems.isEmpty()) {
                out.println("OK: " + entries + " entries match the checkpoint signed by " + options.logKey.name()
                        + (expired == 0 ? "" : " (" + expired + " of them expired under the retention policy)")
                        + (cosignatures.isEmpty() ? "" : " and cosigned by " + cosignatures.size() + " witness(es)"));
            } else {
                out.println("FAILED: " + problems.size() + " problem(s) in " + entries + " entries");
            }
            if (options.timing) {
                out.printf(
                        "timing: %d entries (%.1f MB of entry JSON) checked in %.2f s; plain SHA-256 of the same"
                                + " entry bytes took %.2f s of that%n",
                        entries, entryBytes / 1e6, elapsedNanos / 1e9, plainShaNanos / 1e9);
            }
        }

        void printJson(PrintStream out, Options options) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = mapper.createObjectNode();
            root.put("ok", problems.isEmpty());
            root.put("entries", entries);
            root.put("expired", expired);
            if (checkpoint != null) {
                ObjectNode c = root.putObject("checkpoint");
                c.put("origin", checkpoint.origin());
                c.put("size", checkpoint.size());
                c.put("root", Base64.getEncoder().encodeToString(checkpoint.rootHash()));
                c.put(
                        "time",
                        checkpoint.time() == null ? null : checkpoint.time().toString());
            } else {
                root.putNull("checkpoint");
            }
            ArrayNode cosigned = root.putArray("cosignatures");
            for (Cosignature c : cosignatures) {
                cosigned.addObject()
                        .put("witness", c.witness())
                        .put("time", c.time().toString());
            }
            ArrayNode list = root.putArray("problems");
            for (Problem p : problems) {
                ObjectNode o = list.addObject().put("kind", p.kind());
                o.put("index", p.index());
                o.put("eventId", p.eventId());
                o.put("line", p.line());
                o.put("message", p.message());
            }
            if (treeNote != null) {
                root.put("note", treeNote);
            }
            if (options.timing) {
                root.putObject("timing")
                        .put("seconds", elapsedNanos / 1e9)
                        .put("plainSha256Seconds", plainShaNanos / 1e9)
                        .put("entryBytes", entryBytes);
            }
            try {
                out.println(mapper.writeValueAsString(root));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a report of strings and numbers always serialises", e);
            }
        }
    }
}
