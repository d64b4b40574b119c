package id.sinergi.audit.proof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.SignedNote;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Exports as audit-service writes them, from generated entries shaped like its canonical form: a checkpoint line
 * whose note the log signed and witnesses cosigned, then one line per leaf. The lines are JSON objects that tests
 * change to tamper with the export.
 */
final class ExportFixture {

    static final ObjectMapper JSON = new ObjectMapper();
    static final NoteKey LOG = NoteKey.signer("audit.sinergi.test/log", NoteKey.NOTE, Ed25519Keys.generate());
    static final NoteKey KEMLU = NoteKey.signer("kemlu.test/witness", NoteKey.COSIGNATURE, Ed25519Keys.generate());
    static final NoteKey KEMENP2MI =
            NoteKey.signer("kemenp2mi.test/witness", NoteKey.COSIGNATURE, Ed25519Keys.generate());

    final List<ObjectNode> lines = new ArrayList<>();

    private ExportFixture() {}

    /** An export of {@code size} entries, cosigned by the given witnesses. */
    static ExportFixture of(int size, long seed, NoteKey... witnesses) {
        ExportFixture export = new ExportFixture();
        Random random = new Random(seed);
        Frontier tree = Frontier.empty();
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            UUID eventId = new UUID(random.nextLong(), random.nextLong());
            String entry = entry(i, eventId, random);
            byte[] leaf = MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8));
            tree.append(leaf, (node, hash) -> {});
            entries.add(entryLine(i, leaf, eventId.toString(), entry));
        }
        export.lines.add(JSON.createObjectNode().put("type", "checkpoint").put("note", note(tree, witnesses)));
        export.lines.addAll(entries);
        return export;
    }

    static String note(Frontier tree, NoteKey... witnesses) {
        String text =
                new Checkpoint(LOG.name(), tree.size(), tree.root(), Instant.ofEpochSecond(1_796_000_000L)).body();
        SignedNote note = new SignedNote(text, List.of(LOG.sign(text, 0)));
        for (NoteKey witness : witnesses) {
            note = note.with(witness.sign(text, 1_796_000_060L));
        }
        return note.format();
    }

    static ObjectNode entryLine(long index, byte[] leaf, String eventId, String entry) {
        return JSON.createObjectNode()
                .put("type", "entry")
                .put("index", index)
                .put("leafHash", Base64.getEncoder().encodeToString(leaf))
                .put("eventId", eventId)
                .put("entry", entry);
    }

    /** An entry shaped like audit-service's canonical form, some with text beyond ASCII. */
    static String entry(long seq, UUID eventId, Random random) {
        ObjectNode e = JSON.createObjectNode();
        e.put("v", 1);
        e.put("seq", seq + 1);
        e.put("eventId", eventId.toString());
        e.put("occurredAt", Instant.ofEpochSecond(1_796_000_000L + seq).toString());
        e.put("recordedAt", Instant.ofEpochSecond(1_796_000_001L + seq).toString());
        e.put("service", random.nextBoolean() ? "case-service" : "identity-service");
        e.put("action", random.nextBoolean() ? "case.read" : "worker.search");
        e.put("outcome", random.nextInt(10) == 0 ? "DENIED" : "ALLOWED");
        e.put("actorSubject", new UUID(random.nextLong(), random.nextLong()).toString());
        e.put("actorUsername", seq % 7 == 0 ? "pejabat.kjri-kuala-lumpur \u00e9\u2014" : "atase-" + random.nextInt(99));
        e.put("actorAgency", "KEMLU");
        e.put("actorMission", "KJRI-KUALA-LUMPUR");
        e.putNull("actorClientId");
        e.put("actorRoles", "[\"consular-officer\"]");
        e.put("workerId", new UUID(random.nextLong(), random.nextLong()).toString());
        e.put("purpose", "CONSULAR_PROTECTION");
        e.put("resourceType", "case");
        e.put("resourceId", Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        e.putNull("reason");
        try {
            return JSON.writeValueAsString(e);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** The entry line of leaf {@code index} (line {@code index + 2} of the file while nothing was removed). */
    ObjectNode entry(int index) {
        return lines.stream()
                .filter(l -> "entry".equals(l.path("type").asText())
                        && l.path("index").asLong() == index)
                .findFirst()
                .orElseThrow();
    }

    String eventId(int index) {
        return entry(index).path("eventId").asText();
    }

    ObjectNode checkpointLine() {
        return lines.get(0);
    }

    void write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (ObjectNode line : lines) {
            writer.write(JSON.writeValueAsString(line));
            writer.write('\n');
        }
        writer.flush();
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out);
        }
        return file;
    }
}
