package id.sinergi.audit.proof.cli;

import static id.sinergi.audit.proof.cli.ExportFixture.KEMENP2MI;
import static id.sinergi.audit.proof.cli.ExportFixture.KEMLU;
import static id.sinergi.audit.proof.cli.ExportFixture.LOG;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.SignedNote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyExportTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        JsonNode json() throws IOException {
            return ExportFixture.JSON.readTree(out);
        }

        /** The problems of a --json report as "kind index eventId" strings. */
        List<String> problems() throws IOException {
            return StreamSupport.stream(json().path("problems").spliterator(), false)
                    .map(p -> p.path("kind").asText() + " " + p.path("index").asText() + " "
                            + p.path("eventId").asText())
                    .toList();
        }

        List<String> kinds() throws IOException {
            return StreamSupport.stream(json().path("problems").spliterator(), false)
                    .map(p -> p.path("kind").asText())
                    .collect(Collectors.toList());
        }
    }

    private static Result verify(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = VerifyExport.run(args, stdin, o, e);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Result verify(ExportFixture export, String... extra) throws IOException {
        Path file = export.write(Files.createTempFile(dir, "export", ".ndjson"));
        List<String> args = new ArrayList<>(List.of("--export", file.toString(), "--log-key", LOG.vkey()));
        args.addAll(Arrays.asList(extra));
        return verify(InputStream.nullInputStream(), args.toArray(String[]::new));
    }

    private static String[] bothWitnesses() {
        return new String[] {"--witness-key", KEMLU.vkey(), "--witness-key", KEMENP2MI.vkey()};
    }

    /** Four different leaves of an export of {@code size}, picked by the seed. */
    private static int[] distinctLeaves(int size, long seed) {
        return new Random(seed).ints(0, size).distinct().limit(4).toArray();
    }

    private static void editPayload(ExportFixture export, int index) {
        ObjectNode line = export.entry(index);
        line.put("entry", line.path("entry").asText().replace("CONSULAR_PROTECTION", "LAW_ENFORCEMENT"));
    }

    private static void alterLeafHash(ExportFixture export, int index) {
        byte[] other = MerkleHash.leaf(("something else " + index).getBytes(StandardCharsets.UTF_8));
        export.entry(index).put("leafHash", Base64.getEncoder().encodeToString(other));
    }

    /** Replaces the log's signature with the same line, one bit flipped. */
    private static void breakLogSignature(ExportFixture export) {
        SignedNote note = SignedNote.parse(export.checkpointLine().path("note").asText());
        List<SignedNote.Line> lines = new ArrayList<>();
        for (SignedNote.Line line : note.signatures()) {
            if (line.name().equals(LOG.name())) {
                byte[] signature = line.signature();
                signature[5] ^= 0x10;
                line = new SignedNote.Line(line.name(), line.keyId(), signature);
            }
            lines.add(line);
        }
        export.checkpointLine().put("note", new SignedNote(note.text(), lines).format());
    }

    @Test
    void aGoodExportPassesWithItsCosignatures() throws IOException {
        ExportFixture export = ExportFixture.of(300, 1, KEMLU, KEMENP2MI);

        Result text = verify(export, bothWitnesses());
        assertThat(text.code()).as(text.out() + text.err()).isZero();
        assertThat(text.out()).contains("OK: 300 entries", "cosigned by " + KEMLU.name(), KEMENP2MI.name());

        Result json = verify(export, bothWitnesses()[0], bothWitnesses()[1], "--json");
        assertThat(json.code()).isZero();
        assertThat(json.json().path("ok").asBoolean()).isTrue();
        assertThat(json.json().path("entries").asLong()).isEqualTo(300);
        assertThat(json.json().path("problems")).isEmpty();
    }

    @Test
    void standardInputIsReadForADash() throws IOException {
        ExportFixture export = ExportFixture.of(40, 2, KEMLU);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export.write(bytes);
        Result result = verify(
                new ByteArrayInputStream(bytes.toByteArray()),
                "--export",
                "-",
                "--log-key",
                LOG.vkey(),
                "--witness-key",
                KEMLU.vkey());
        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains("OK: 40 entries");
    }

    @Test
    void everyKindOfTamperingIsNamedInOneReport() throws IOException {
        ExportFixture export = ExportFixture.of(500, 3, KEMLU);
        int[] leaves = distinctLeaves(500, 3);
        int edited = leaves[0];
        int deleted = leaves[1];
        int altered = leaves[2];
        int removed = leaves[3];
        String removedEvent = export.eventId(removed);
        editPayload(export, edited);
        export.entry(deleted).putNull("entry");
        alterLeafHash(export, altered);
        export.lines.remove(export.entry(removed));
        breakLogSignature(export);

        Result json = verify(export, "--witness-key", KEMLU.vkey(), "--json");
        assertThat(json.code()).as(json.out() + json.err()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(json.problems())
                .contains(
                        "payload-edited " + edited + " " + export.eventId(edited),
                        "event-row-deleted " + deleted + " " + export.eventId(deleted),
                        "payload-edited " + altered + " " + export.eventId(altered),
                        "index-missing " + removed + " null")
                .anyMatch(p -> p.startsWith("checkpoint-signature"));
        // The witness's cosignature still holds: only the log's signature was broken.
        assertThat(json.kinds()).doesNotContain("cosignature-invalid", "cosignature-missing");

        Result text = verify(export, "--witness-key", KEMLU.vkey());
        assertThat(text.code()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(text.out())
                .contains("leaf " + edited + ", event " + export.eventId(edited) + ": payload edited")
                .contains("leaf " + deleted + ", event " + export.eventId(deleted) + ": event row deleted")
                .contains("leaf " + altered + ", event " + export.eventId(altered))
                .contains("leaf " + removed + ": missing")
                .contains("not signed by the log key")
                .contains("FAILED: " + json.json().path("problems").size() + " problem(s)")
                .doesNotContain(removedEvent);
    }

    @Test
    void theTreeTellsAnEditedPayloadFromAnAlteredLeafHash() throws IOException {
        ExportFixture edited = ExportFixture.of(200, 4);
        int[] leaves = distinctLeaves(200, 4);
        editPayload(edited, leaves[0]);
        Result payload = verify(edited, "--json");
        assertThat(payload.code()).isEqualTo(VerifyExport.PROBLEMS);
        // The stored hashes still make the signed root: the entry changed after the log sealed it.
        assertThat(payload.problems()).containsExactly("payload-edited " + leaves[0] + " " + edited.eventId(leaves[0]));

        ExportFixture altered = ExportFixture.of(200, 4);
        alterLeafHash(altered, leaves[1]);
        Result hash = verify(altered, "--json");
        assertThat(hash.code()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(hash.problems())
                .contains("leaf-hash-altered " + leaves[1] + " " + altered.eventId(leaves[1]))
                .hasSize(2);
        assertThat(hash.kinds()).contains("tree-mismatch");
    }

    @Test
    void aDeletedRowAloneLeavesTheTreeWhole() throws IOException {
        ExportFixture export = ExportFixture.of(64, 5);
        int deleted = distinctLeaves(64, 5)[0];
        export.entry(deleted).putNull("entry");
        Result result = verify(export, "--json");
        assertThat(result.problems()).containsExactly("event-row-deleted " + deleted + " " + export.eventId(deleted));
    }

    @Test
    void repeatedAndReorderedLeavesAreNamed() throws IOException {
        ExportFixture export = ExportFixture.of(100, 6);
        int[] leaves = distinctLeaves(98, 6);
        int repeated = leaves[0];
        export.lines.add(
                export.lines.indexOf(export.entry(repeated)) + 1,
                export.entry(repeated).deepCopy());
        Result duplicate = verify(export, "--json");
        // A leaf given twice is reported, but the tree over the first of each still makes the signed root.
        assertThat(duplicate.problems())
                .containsExactly("index-duplicate " + repeated + " " + export.eventId(repeated));

        ExportFixture swapped = ExportFixture.of(100, 6);
        int first = leaves[1];
        ObjectNode line = swapped.entry(first);
        swapped.lines.remove(line);
        swapped.lines.add(swapped.lines.indexOf(swapped.entry(first + 1)) + 1, line);
        Result order = verify(swapped, "--json");
        assertThat(order.problems()).contains("index-out-of-order " + first + " " + swapped.eventId(first));
        assertThat(order.json().path("note").asText()).contains("not recomputed");

        ExportFixture longer = ExportFixture.of(100, 6);
        ObjectNode extra = longer.entry(99).deepCopy().put("index", 100);
        longer.lines.add(extra);
        Result beyond = verify(longer, "--json");
        assertThat(beyond.problems())
                .containsExactly(
                        "index-beyond-size 100 " + extra.path("eventId").asText());
    }

    @Test
    void requiredCosignaturesMustBeThereAndValid() throws IOException {
        ExportFixture export = ExportFixture.of(30, 7, KEMLU);
        Result both = verify(export, bothWitnesses()[0], bothWitnesses()[1], bothWitnesses()[2], bothWitnesses()[3]);
        assertThat(both.code()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(both.out()).contains("no cosignature by witness " + KEMENP2MI.name());

        Result one = verify(
                export, "--witness-key", KEMLU.vkey(), "--witness-key", KEMENP2MI.vkey(), "--min-cosignatures", "1");
        assertThat(one.code()).as(one.out()).isZero();

        // A cosignature by a known witness that does not verify is reported whatever the minimum.
        SignedNote note = SignedNote.parse(export.checkpointLine().path("note").asText());
        List<SignedNote.Line> lines = new ArrayList<>();
        for (SignedNote.Line line : note.signatures()) {
            if (line.name().equals(KEMLU.name())) {
                byte[] signature = line.signature();
                signature[20] ^= 1;
                line = new SignedNote.Line(line.name(), line.keyId(), signature);
            }
            lines.add(line);
        }
        export.checkpointLine().put("note", new SignedNote(note.text(), lines).format());
        Result invalid = verify(export, "--witness-key", KEMLU.vkey(), "--min-cosignatures", "0", "--json");
        assertThat(invalid.code()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(invalid.kinds()).containsExactly("cosignature-invalid");
    }

    @Test
    void unreadableInputAndWrongArgumentsExitTwoWithoutAStackTrace() throws IOException {
        Result missing = verify(
                InputStream.nullInputStream(),
                "--export",
                dir.resolve("absent.ndjson").toString(),
                "--log-key",
                LOG.vkey());
        assertThat(missing.code()).isEqualTo(VerifyExport.USAGE);
        assertThat(missing.err()).contains("no such file");

        Path notJson = Files.writeString(dir.resolve("not.ndjson"), "this is not an export\n");
        Result garbage = verify(InputStream.nullInputStream(), "--export", notJson.toString(), "--log-key", LOG.vkey());
        assertThat(garbage.code()).isEqualTo(VerifyExport.USAGE);
        assertThat(garbage.err()).contains("not an audit log export");

        Path empty = Files.writeString(dir.resolve("empty.ndjson"), "");
        Result nothing = verify(InputStream.nullInputStream(), "--export", empty.toString(), "--log-key", LOG.vkey());
        assertThat(nothing.code()).isEqualTo(VerifyExport.USAGE);
        assertThat(nothing.err()).contains("empty");

        Result badKey = verify(InputStream.nullInputStream(), "--export", empty.toString(), "--log-key", "nonsense");
        assertThat(badKey.code()).isEqualTo(VerifyExport.USAGE);
        assertThat(badKey.err()).contains("--log-key is not a vkey");

        Result witnessAsLog =
                verify(InputStream.nullInputStream(), "--export", empty.toString(), "--log-key", KEMLU.vkey());
        assertThat(witnessAsLog.code()).isEqualTo(VerifyExport.USAGE);

        Result tooMany = verify(
                InputStream.nullInputStream(),
                "--export",
                empty.toString(),
                "--log-key",
                LOG.vkey(),
                "--min-cosignatures",
                "1");
        assertThat(tooMany.code()).isEqualTo(VerifyExport.USAGE);

        for (Result r : List.of(missing, garbage, nothing, badKey, witnessAsLog, tooMany)) {
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aBrokenLineIsAProblemAndTheRestIsStillChecked() throws IOException {
        ExportFixture export = ExportFixture.of(50, 8);
        Path file = export.write(Files.createTempFile(dir, "export", ".ndjson"));
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        int broken = distinctLeaves(50, 8)[0];
        lines.set(broken + 1, lines.get(broken + 1).substring(0, 40));
        Files.write(file, lines);
        Result result =
                verify(InputStream.nullInputStream(), "--export", file.toString(), "--log-key", LOG.vkey(), "--json");
        assertThat(result.code()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(result.problems()).contains("index-missing " + broken + " null");
        assertThat(result.kinds()).contains("line-malformed");
        assertThat(result.json().path("entries").asLong()).isEqualTo(49);
    }

    @Test
    void consecutiveMissingLeavesAreOneProblemNamingTheFirstAndTheLast() throws IOException {
        ExportFixture export = ExportFixture.of(80, 12);
        int first = distinctLeaves(70, 12)[0];
        for (int i = first; i < first + 5; i++) {
            export.lines.remove(export.entry(i));
        }
        Result result = verify(export, "--json");
        assertThat(result.problems()).containsExactly("index-missing " + first + " null");
        assertThat(result.json().path("problems").get(0).path("message").asText())
                .contains("4 leaves after it", "to leaf " + (first + 4));
    }

    @Test
    void aLargeExportStreamsAndReportsItsTiming() throws IOException {
        ExportFixture export = ExportFixture.of(100_000, 9, KEMLU);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export.write(bytes);
        Result result = verify(
                new ByteArrayInputStream(bytes.toByteArray()),
                "--export",
                "-",
                "--log-key",
                LOG.vkey(),
                "--witness-key",
                KEMLU.vkey(),
                "--timing");
        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains("OK: 100000 entries", "timing: 100000 entries", "plain SHA-256");
    }

    @Test
    void theCheckpointMustBeTheLogsOwn() throws IOException {
        ExportFixture export = ExportFixture.of(10, 10);
        NoteKey other = NoteKey.signer("someone.else/log", NoteKey.NOTE, id.sinergi.audit.proof.Ed25519Keys.generate());
        Result result = verify(
                InputStream.nullInputStream(),
                "--export",
                export.write(dir.resolve("e.ndjson")).toString(),
                "--log-key",
                other.vkey(),
                "--json");
        assertThat(result.code()).isEqualTo(VerifyExport.PROBLEMS);
        assertThat(result.kinds()).containsOnly("checkpoint-signature").hasSize(2);
    }
}
