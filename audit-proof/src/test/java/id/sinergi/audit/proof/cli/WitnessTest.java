package id.sinergi.audit.proof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.SignedNote;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {

    private static final NoteKey LOG = NoteKey.signer("audit.sinergi.test/log", NoteKey.NOTE, Ed25519Keys.generate());

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
        String all() {
            return out + err;
        }
    }

    /** A witness: its name, key file, state file and public key. */
    record W(String name, Path key, Path state, NoteKey verifier) {}

    private W witness(String name) throws IOException {
        KeyPair pair = Ed25519Keys.generate();
        Path key = dir.resolve(name.replace('/', '_') + ".pem");
        Files.writeString(key, Ed25519Keys.toPem(pair.getPrivate()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        NoteKey verifier = NoteKey.parseVkey(
                NoteKey.signer(name, NoteKey.COSIGNATURE, pair).vkey());
        return new W(name, key, dir.resolve(name.replace('/', '_') + ".state"), verifier);
    }

    private static Result command(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Witness.run(args, o, e, env);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(W w, FakeLog log, String... extra) {
        return runWith(Map.of(), w, log, extra);
    }

    private static Result runWith(Map<String, String> env, W w, FakeLog log, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--log",
                log.url(),
                "--log-key",
                LOG.vkey(),
                "--name",
                w.name(),
                "--key",
                w.key().toString(),
                "--state",
                w.state().toString()));
        args.addAll(Arrays.asList(extra));
        return command(env, args.toArray(String[]::new));
    }

    private static String[] peer(W other) {
        return new String[] {
            "--peer", other.state().toString(), "--peer-key", other.verifier().vkey()
        };
    }

    /** The state file's checkpoint, after checking that the log signed it and the witness cosigned it. */
    private static Checkpoint state(W w) throws IOException {
        SignedNote note = SignedNote.parse(Files.readString(w.state()));
        assertThat(LOG.signed(note)).as("log signature in the state").isTrue();
        assertThat(w.verifier().signed(note)).as("cosignature in the state").isTrue();
        return Checkpoint.parse(note.text());
    }

    /** The checkpoint the witness kept after an alert of this kind, checked to be signed by the log. */
    private Checkpoint evidence(W w, String kind) throws IOException {
        String prefix = w.state().getFileName() + ".alert-" + kind + "-";
        try (var files = Files.list(dir)) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith(prefix))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "* file"));
            SignedNote note = SignedNote.parse(Files.readString(file));
            assertThat(LOG.signed(note)).isTrue();
            return Checkpoint.parse(note.text());
        }
    }

    private static boolean logHoldsCosignatureOf(FakeLog log, W w) {
        String text = SignedNote.parse(log.servedNote()).text();
        return log.storedCosignatures().stream().anyMatch(line -> w.verifier().verifies(text, line));
    }

    @Test
    void theFirstRunTrustsAndLaterRunsCosignEachExtension() throws IOException {
        W w = witness("kemlu.test/witness");
        try (FakeLog log = FakeLog.start(LOG).append("a", 5)) {
            Result first = run(w, log);
            assertThat(first.code()).as(first.all()).isZero();
            assertThat(first.out()).contains("first run", "trusted on first use");
            assertThat(state(w).size()).isEqualTo(log.size());
            assertThat(logHoldsCosignatureOf(log, w)).isTrue();

            log.append("a", 7);
            Result second = run(w, log);
            assertThat(second.code()).as(second.all()).isZero();
            assertThat(second.out()).contains("consistent").doesNotContain("first run");
            assertThat(log.consistencyRequests.get()).isEqualTo(1);
            assertThat(state(w).size()).isEqualTo(log.size());
            assertThat(logHoldsCosignatureOf(log, w)).isTrue();

            // Nothing new: the same cosignature goes again, the log already has it, the state stays byte for byte.
            byte[] before = Files.readAllBytes(w.state());
            Result third = run(w, log);
            assertThat(third.code()).as(third.all()).isZero();
            assertThat(third.out()).contains("unchanged", "already had");
            assertThat(Files.readAllBytes(w.state())).isEqualTo(before);
            assertThat(log.storedCosignatures()).hasSize(1);
        }
    }

    @Test
    void aRollbackIsAnAlertAndNeitherCosignedNorRecorded() throws IOException {
        W w = witness("kemlu.test/witness");
        try (FakeLog log = FakeLog.start(LOG).append("a", 5)) {
            assertThat(run(w, log).code()).isZero();
            log.append("a", 7);
            assertThat(run(w, log).code()).isZero();
            byte[] before = Files.readAllBytes(w.state());
            int posts = log.cosignaturePosts.get();

            log.rollBack(1);
            Result result = run(w, log);
            assertThat(result.code()).as(result.all()).isEqualTo(Witness.ALERT);
            assertThat(result.err()).contains("ALERT rollback");
            assertThat(Files.readAllBytes(w.state())).isEqualTo(before);
            assertThat(evidence(w, "rollback").size()).isLessThan(state(w).size());
            assertThat(log.cosignaturePosts.get()).isEqualTo(posts);
        }
    }

    @Test
    void aForkOfTheSameSizeIsAnAlert() throws IOException {
        W w = witness("kemlu.test/witness");
        try (FakeLog log = FakeLog.start(LOG).append("a", 12)) {
            assertThat(run(w, log).code()).isZero();
            byte[] before = Files.readAllBytes(w.state());
            int posts = log.cosignaturePosts.get();

            log.rewrite((int) log.size() - 1).append("forged", 1);
            Result result = run(w, log);
            assertThat(result.code()).as(result.all()).isEqualTo(Witness.ALERT);
            assertThat(result.err()).contains("ALERT fork");
            assertThat(Files.readAllBytes(w.state())).isEqualTo(before);
            // Two checkpoints the log signed, one size, two roots: the proof of the fork.
            Checkpoint kept = evidence(w, "fork");
            assertThat(kept.size()).isEqualTo(state(w).size());
            assertThat(kept.rootHash()).isNotEqualTo(state(w).rootHash());
            assertThat(log.cosignaturePosts.get()).isEqualTo(posts);
        }
    }

    @Test
    void aRewrittenHistoryThatGrowsFailsTheConsistencyProof() throws IOException {
        W w = witness("kemlu.test/witness");
        try (FakeLog log = FakeLog.start(LOG).append("a", 12)) {
            assertThat(run(w, log).code()).isZero();
            byte[] before = Files.readAllBytes(w.state());

            log.rewrite(3).append("forged", 10);
            Result result = run(w, log);
            assertThat(result.code()).as(result.all()).isEqualTo(Witness.ALERT);
            assertThat(result.err()).contains("ALERT inconsistent");
            assertThat(log.consistencyRequests.get()).isEqualTo(1);
            assertThat(Files.readAllBytes(w.state())).isEqualTo(before);
        }
    }

    @Test
    void aCheckpointNotSignedByTheLogKeyIsAnAlert() throws IOException {
        W w = witness("kemlu.test/witness");
        NoteKey impostor = NoteKey.signer(LOG.name(), NoteKey.NOTE, Ed25519Keys.generate());
        try (FakeLog log = FakeLog.start(impostor).append("a", 3)) {
            Result result = run(w, log);
            assertThat(result.code()).as(result.all()).isEqualTo(Witness.ALERT);
            assertThat(result.err()).contains("ALERT log-signature", "not signed by the log key");
            assertThat(w.state()).doesNotExist();
            assertThat(log.cosignaturePosts.get()).isZero();
        }
    }

    @Test
    void aSplitViewIsCaughtByThePeerCheck() throws IOException {
        W kemlu = witness("kemlu.test/witness");
        W p2mi = witness("kemenp2mi.test/witness");
        // One log key, two histories: what the log shows kemlu and what it shows kemenp2mi share five leaves.
        try (FakeLog shownToKemlu = FakeLog.start(LOG).append("a", 10);
                FakeLog shownToP2mi = FakeLog.start(LOG).append("a", 5).append("b", 5)) {
            assertThat(run(kemlu, shownToKemlu).code()).isZero();
            assertThat(run(p2mi, shownToP2mi).code()).isZero();
            // Each view on its own is a fine log: only comparing the two shows the lie.
            shownToKemlu.append("a", 1);
            assertThat(run(kemlu, shownToKemlu).code()).isZero();
            byte[] before = Files.readAllBytes(kemlu.state());
            int posts = shownToKemlu.cosignaturePosts.get();

            // Different sizes: the log's consistency proof cannot join the peer's tree to this one.
            Result different = run(kemlu, shownToKemlu, peer(p2mi));
            assertThat(different.code()).as(different.all()).isEqualTo(Witness.ALERT);
            assertThat(different.err()).contains("ALERT split-view", p2mi.name());
            assertThat(Files.readAllBytes(kemlu.state())).isEqualTo(before);
            assertThat(shownToKemlu.cosignaturePosts.get()).isEqualTo(posts);

            // Equal sizes, different roots.
            shownToP2mi.append("b", 1);
            assertThat(run(p2mi, shownToP2mi).code()).isZero();
            assertThat(state(p2mi).size()).isEqualTo(state(kemlu).size());
            Result same = run(kemlu, shownToKemlu, peer(p2mi));
            assertThat(same.code()).as(same.all()).isEqualTo(Witness.ALERT);
            assertThat(same.err()).contains("ALERT split-view");
            assertThat(Files.readAllBytes(kemlu.state())).isEqualTo(before);
        }
    }

    @Test
    void peersOfOneHonestLogAgreeWhateverTheirSizes() throws IOException {
        W kemlu = witness("kemlu.test/witness");
        W p2mi = witness("kemenp2mi.test/witness");
        try (FakeLog log = FakeLog.start(LOG).append("a", 5)) {
            Result alone = run(kemlu, log, peer(p2mi));
            assertThat(alone.code()).as(alone.all()).isZero();
            assertThat(alone.out()).contains("does not exist yet", "skipped");

            log.append("a", 4);
            Result ahead = run(p2mi, log, peer(kemlu));
            assertThat(ahead.code()).as(ahead.all()).isZero();
            assertThat(ahead.out()).contains("peer: " + kemlu.name(), "consistent");
            assertThat(state(p2mi).size()).isGreaterThan(state(kemlu).size());

            Result behind = run(kemlu, log, peer(p2mi));
            assertThat(behind.code()).as(behind.all()).isZero();
            assertThat(state(kemlu).size()).isEqualTo(state(p2mi).size());
            assertThat(logHoldsCosignatureOf(log, kemlu)).isTrue();
            assertThat(logHoldsCosignatureOf(log, p2mi)).isTrue();
        }
    }

    @Test
    void aPeerStateWithoutThePeersValidCosignatureIsAnAlert() throws IOException {
        W kemlu = witness("kemlu.test/witness");
        W p2mi = witness("kemenp2mi.test/witness");
        try (FakeLog log = FakeLog.start(LOG).append("a", 5)) {
            assertThat(run(p2mi, log).code()).isZero();
            assertThat(run(kemlu, log).code()).isZero();
            // The peer's file holds a checkpoint the log signed, but the cosignature is someone else's.
            W stranger = witness(p2mi.name());
            Result result = run(
                    kemlu,
                    log,
                    "--peer",
                    p2mi.state().toString(),
                    "--peer-key",
                    stranger.verifier().vkey());
            assertThat(result.code()).as(result.all()).isEqualTo(Witness.ALERT);
            assertThat(result.err()).contains("ALERT peer-state");
        }
    }

    @Test
    void theTokenIsFetchedWithTheSecretFromTheEnvironmentAndNeverPrinted() throws IOException {
        W w = witness("kemlu.test/witness");
        String secret = "s3cret-" + System.nanoTime();
        try (FakeLog log = FakeLog.start(LOG).append("a", 4).requireClient("audit-witness-kemlu", secret)) {
            Result anonymous = run(w, log);
            assertThat(anonymous.code()).as(anonymous.all()).isEqualTo(Witness.ERROR);
            assertThat(anonymous.err()).contains("refused", "401");
            assertThat(logHoldsCosignatureOf(log, w)).isFalse();

            String[] client = {"--token-url", log.tokenUrl(), "--client-id", "audit-witness-kemlu"};
            Result wrong = runWith(Map.of(Witness.SECRET_ENV, "not-" + secret), w, log, client);
            assertThat(wrong.code()).as(wrong.all()).isEqualTo(Witness.ERROR);
            assertThat(wrong.err()).contains("unauthorized_client");

            Result good = runWith(Map.of(Witness.SECRET_ENV, secret), w, log, client);
            assertThat(good.code()).as(good.all()).isZero();
            assertThat(logHoldsCosignatureOf(log, w)).isTrue();
            for (Result r : List.of(anonymous, wrong, good)) {
                assertThat(r.all()).doesNotContain(secret).doesNotContain(FakeLog.TOKEN);
            }

            Result noSecret = runWith(Map.of(), w, log, client);
            assertThat(noSecret.code()).isEqualTo(Witness.USAGE);
            assertThat(noSecret.err()).contains(Witness.SECRET_ENV);
        }
    }

    @Test
    void generateKeyWritesAPrivateFileOnceAndPrintsAWorkingVkey() throws IOException {
        Path key = dir.resolve("new.pem");
        Result made = command(Map.of(), "--generate-key", "--name", "kemlu.test/witness", "--key", key.toString());
        assertThat(made.code()).as(made.all()).isZero();
        assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        NoteKey vkey = NoteKey.parseVkey(made.out().strip());
        assertThat(vkey.type()).isEqualTo(NoteKey.COSIGNATURE);
        assertThat(vkey.name()).isEqualTo("kemlu.test/witness");

        byte[] pem = Files.readAllBytes(key);
        Result again = command(Map.of(), "--generate-key", "--name", "kemlu.test/witness", "--key", key.toString());
        assertThat(again.code()).isEqualTo(Witness.USAGE);
        assertThat(again.err()).contains("already exists");
        assertThat(Files.readAllBytes(key)).isEqualTo(pem);

        W w = new W("kemlu.test/witness", key, dir.resolve("new.state"), vkey);
        try (FakeLog log = FakeLog.start(LOG).append("a", 2)) {
            assertThat(run(w, log).code()).isZero();
            assertThat(logHoldsCosignatureOf(log, w)).isTrue();
        }
    }

    @Test
    void anUnreachableLogIsAnErrorNotAnAlert() throws IOException {
        W w = witness("kemlu.test/witness");
        FakeLog gone = FakeLog.start(LOG).append("a", 1);
        gone.close();
        Result result = run(w, gone);
        assertThat(result.code()).as(result.all()).isEqualTo(Witness.ERROR);
        assertThat(result.err()).startsWith("ERROR").doesNotContain("ALERT").doesNotContain("Exception:");
        assertThat(w.state()).doesNotExist();
    }

    @Test
    void wrongCommandLinesExitTwoWithAReason() throws IOException {
        W w = witness("kemlu.test/witness");
        Result noState = command(
                Map.of(),
                "--log",
                "http://127.0.0.1:1",
                "--log-key",
                LOG.vkey(),
                "--name",
                w.name(),
                "--key",
                w.key().toString());
        assertThat(noState.code()).isEqualTo(Witness.USAGE);
        assertThat(noState.err()).contains("--state is required");

        Result wrongKeyType = command(
                Map.of(),
                "--log",
                "http://127.0.0.1:1",
                "--log-key",
                w.verifier().vkey(),
                "--name",
                w.name(),
                "--key",
                w.key().toString(),
                "--state",
                w.state().toString());
        assertThat(wrongKeyType.code()).isEqualTo(Witness.USAGE);
        assertThat(wrongKeyType.err()).contains("--log-key", "type");

        Result noKeyFile = command(
                Map.of(),
                "--log",
                "http://127.0.0.1:1",
                "--log-key",
                LOG.vkey(),
                "--name",
                w.name(),
                "--key",
                dir.resolve("absent.pem").toString(),
                "--state",
                w.state().toString());
        assertThat(noKeyFile.code()).isEqualTo(Witness.USAGE);
        assertThat(noKeyFile.err()).contains("--generate-key").doesNotContain("Exception");
    }
}
