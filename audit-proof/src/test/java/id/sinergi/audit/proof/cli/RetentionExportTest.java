package id.sinergi.audit.proof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.MerkleHash;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.RetentionStatement;
import id.sinergi.audit.proof.RetentionStatement.Expired;
import id.sinergi.audit.proof.SignedNote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The offline verifier and the log's retention statements: a leaf without entry passes only where a statement
 * signed by the log key, later in the tree, expired it once its policy's period had passed, and no later statement
 * took the claim back.
 */
class RetentionExportTest {

    private static final Instant PURGED_AT = Instant.parse("2031-06-01T00:00:00Z");

    /** The log recorded leaf 1's event in 2028 (periods run from then); ACCESS entries are kept two years. */
    private static final Instant RECORDED = Instant.parse("2028-03-01T10:00:00.123456Z");

    @Test
    void aLeafExpiredByTheLogsStatementPasses() throws IOException {
        List<String> problems = verify(statement(ExportFixture.LOG, "P2Y", List.of(), RECORDED), true);

        assertThat(problems).isEmpty();
    }

    @Test
    void aLeafWithoutEntryAndNoStatementIsADeletedRow() throws IOException {
        List<String> problems = verify(null, true);

        assertThat(problems).containsExactly("event-row-deleted 1");
    }

    @Test
    void aStatementNotSignedByTheLogKeyCoversNothing() throws IOException {
        NoteKey forger = NoteKey.signer(ExportFixture.LOG.name(), NoteKey.NOTE, Ed25519Keys.generate());

        List<String> problems = verify(statement(forger, "P2Y", List.of(), RECORDED), true);

        assertThat(problems).containsExactly("retention-statement-invalid 3", "event-row-deleted 1");
    }

    @Test
    void aLeafExpiredBeforeItsPeriodPassedIsNotCovered() throws IOException {
        List<String> problems = verify(statement(ExportFixture.LOG, "P5Y", List.of(), RECORDED), true);

        assertThat(problems).containsExactly("retention-statement-invalid 3", "event-row-deleted 1");
    }

    @Test
    void aClaimTakenBackByAKeptLineNoLongerCoversTheLeaf() throws IOException {
        List<String> problems = verify(statement(ExportFixture.LOG, "P2Y", List.of(1L), RECORDED), true);

        assertThat(problems).containsExactly("event-row-deleted 1");
    }

    @Test
    void aCoveredLeafWhoseEntryIsStillThereIsFine() throws IOException {
        List<String> problems = verify(statement(ExportFixture.LOG, "P2Y", List.of(), RECORDED), false);

        assertThat(problems).isEmpty();
    }

    @Test
    void statementsReadBackAsWrittenAndTellWhatWasDue() {
        RetentionStatement s = new RetentionStatement(
                "audit.sinergi.test/log",
                PURGED_AT,
                Map.of("ACCESS", "P2Y", "LOG", "PT30S"),
                List.of(new Expired(7, "ACCESS", RECORDED), new Expired(9, "LOG", PURGED_AT.minusSeconds(29))),
                List.of(3L));

        RetentionStatement read = RetentionStatement.parse(s.text());

        assertThat(read).isEqualTo(s);
        assertThat(read.due(read.leaves().get(0))).isTrue();
        assertThat(read.due(read.leaves().get(1))).isFalse();
        assertThat(read.due(new Expired(1, "CHANGE", RECORDED))).isFalse();
        assertThat(RetentionStatement.plus(RECORDED, "P1Y6M")).isEqualTo(Instant.parse("2029-09-01T10:00:00.123456Z"));
        for (String bad : List.of("P", "PT", "2Y", "P1.5Y", "P-1D", "P1YT")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> RetentionStatement.checkPeriod(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The note of a statement expiring leaf 1 (ACCESS) at {@link #PURGED_AT}, signed by {@code key}. */
    private static String statement(NoteKey key, String period, List<Long> kept, Instant recorded) {
        RetentionStatement s = new RetentionStatement(
                ExportFixture.LOG.name(),
                PURGED_AT,
                Map.of("ACCESS", period),
                List.of(new Expired(1, "ACCESS", recorded)),
                List.of());
        String text = s.text();
        SignedNote note = new SignedNote(text, List.of(key.sign(text, 0)));
        if (!kept.isEmpty()) {
            // The claim taken back by the same statement's own kept lines stands for a later statement's.
            RetentionStatement back =
                    new RetentionStatement(ExportFixture.LOG.name(), PURGED_AT, s.policy(), s.leaves(), kept);
            note = new SignedNote(back.text(), List.of(key.sign(back.text(), 0)));
        }
        return note.format();
    }

    /**
     * An export of four leaves: 0 and 2 ordinary, 1 the expired one (its entry removed when {@code removed}), 3 the
     * statement (none when null, an ordinary entry instead); gives the problems as "kind index".
     */
    private static List<String> verify(String statementNote, boolean removed) throws IOException {
        Random random = new Random(5);
        Frontier tree = Frontier.empty();
        List<ObjectNode> lines = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID eventId = new UUID(random.nextLong(), random.nextLong());
            String entry = i == 3 && statementNote != null
                    ? statementEntry(eventId, statementNote)
                    : ExportFixture.entry(i, eventId, random);
            byte[] leaf = MerkleHash.leaf(entry.getBytes(StandardCharsets.UTF_8));
            tree.append(leaf, (node, hash) -> {});
            ObjectNode line = ExportFixture.entryLine(i, leaf, eventId.toString(), entry);
            if (i == 1 && removed) {
                line.putNull("entry").putObject("expired").put("category", "ACCESS");
            }
            lines.add(line);
        }
        StringBuilder export = new StringBuilder();
        ObjectNode head =
                ExportFixture.JSON.createObjectNode().put("type", "checkpoint").put("note", ExportFixture.note(tree));
        export.append(ExportFixture.JSON.writeValueAsString(head)).append('\n');
        for (ObjectNode line : lines) {
            export.append(ExportFixture.JSON.writeValueAsString(line)).append('\n');
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = VerifyExport.run(
                new String[] {"--export", "-", "--log-key", ExportFixture.LOG.vkey(), "--json"},
                new ByteArrayInputStream(export.toString().getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        var report = ExportFixture.JSON.readTree(out.toByteArray());
        List<String> problems = StreamSupport.stream(report.path("problems").spliterator(), false)
                .map(p -> p.path("kind").asText() + " " + p.path("index").asText())
                .toList();
        assertThat(code).isEqualTo(problems.isEmpty() ? 0 : 1);
        return problems;
    }

    /** A canonical entry of form 4 as audit-service writes its retention statements. */
    private static String statementEntry(UUID eventId, String note) {
        ObjectNode e = ExportFixture.JSON.createObjectNode();
        e.put("v", 4);
        e.put("eventId", eventId.toString());
        e.put("occurredAt", "2031-06-01T00:00:00.000000Z");
        e.put("recordedAt", "2031-06-01T00:00:00.000000Z");
        e.put("service", "audit-service");
        e.put("action", "audit.retention.purge");
        e.put("outcome", "SUCCESS");
        e.put("purge", note);
        try {
            return ExportFixture.JSON.writeValueAsString(e);
        } catch (IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }
}
