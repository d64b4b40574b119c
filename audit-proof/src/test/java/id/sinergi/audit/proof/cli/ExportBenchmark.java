package id.sinergi.audit.proof.cli;

import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.MerkleHash;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

/**
 * Writes a large export for timing the verifier (docs/audit.md): {@code ExportBenchmark FILE ENTRIES}, then
 * prints the log's and the witness's vkeys. Not a test; run it with the test class path. The entries are
 * generated twice from one seed, once for the root and once to write them, so nothing is held in memory.
 */
public final class ExportBenchmark {

    private ExportBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        Frontier tree = Frontier.empty();
        Random random = new Random(42);
        for (int i = 0; i < size; i++) {
            String entry = ExportFixture.entry(i, new UUID(random.nextLong(), random.nextLong()), random);
            tree.append(MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8)), (node, hash) -> {});
        }
        random = new Random(42);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            String note = ExportFixture.note(tree, ExportFixture.KEMLU);
            line(
                    out,
                    ExportFixture.JSON.writeValueAsString(ExportFixture.JSON
                            .createObjectNode()
                            .put("type", "checkpoint")
                            .put("note", note)));
            for (int i = 0; i < size; i++) {
                UUID eventId = new UUID(random.nextLong(), random.nextLong());
                String entry = ExportFixture.entry(i, eventId, random);
                byte[] leaf = MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8));
                line(
                        out,
                        ExportFixture.JSON.writeValueAsString(
                                ExportFixture.entryLine(i, leaf, eventId.toString(), entry)));
            }
        }
        System.out.println("--log-key " + ExportFixture.LOG.vkey() + " --witness-key " + ExportFixture.KEMLU.vkey());
    }

    private static void line(OutputStream out, String json) throws IOException {
        out.write(json.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }
}
