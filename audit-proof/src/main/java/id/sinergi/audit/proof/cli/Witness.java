package id.sinergi.audit.proof.cli;

import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.Proofs;
import id.sinergi.audit.proof.SignedNote;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of a witness of the audit log, as another ministry runs it (from cron, say): fetch the log's checkpoint,
 * check its signature, check that it extends the last checkpoint this witness cosigned (no rollback, no fork,
 * a valid consistency proof), optionally check a peer witness's last checkpoint against it (no split view), and
 * only then cosign it, send the cosignature to the log and record it as the new state.
 *
 * <p>Exit codes: 0 cosigned; 1 an error that says nothing about the log's honesty (unreachable, refused the
 * cosignature, a damaged state file; try again); 2 a wrong command line; 3 an ALERT: the log misbehaved, nothing
 * was cosigned and the state file is as it was.
 */
public final class Witness {

    static final int OK = 0;
    static final int ERROR = 1;
    static final int USAGE = 2;
    static final int ALERT = 3;

    /** Where the client secret for the token is read from; never from the command line, never printed. */
    static final String SECRET_ENV = "SINERGI_WITNESS_CLIENT_SECRET";

    static final String USAGE_TEXT =
            """
            usage: witness --log URL --log-key VKEY --name NAME --key PEM_FILE --state FILE
                           [--token-url URL --client-id ID] [--peer FILE --peer-key VKEY]
                   witness --generate-key --name NAME --key PEM_FILE
              --log URL         the audit log's base URL, e.g. http://127.0.0.1:8084
              --log-key VKEY    the log's verifier key, obtained out of band (never from the log itself)
              --name NAME       this witness's key name, e.g. kemlu.go.id/witness
              --key PEM_FILE    this witness's Ed25519 private key (PKCS#8 PEM)
              --state FILE      the last checkpoint this witness cosigned; written atomically after each run
              --token-url URL   the OpenID token endpoint for the client-credentials grant; the client secret
                                is read from the environment variable SINERGI_WITNESS_CLIENT_SECRET
              --client-id ID    the witness's client, e.g. audit-witness-kemlu
              --peer FILE       a peer witness's state file, checked against this witness's view
              --peer-key VKEY   the peer witness's cosignature key
              --generate-key    write a new private key to --key (mode 600) and print its vkey
            exit: 0 cosigned, 1 error (try again), 2 wrong arguments, 3 ALERT (the log misbehaved; not cosigned)
            """;

    private static final Set<String> SINGLE = Set.of(
            "--log", "--log-key", "--name", "--key", "--state", "--token-url", "--client-id", "--peer", "--peer-key");
    private static final Set<String> FLAGS = Set.of("--generate-key", "--help");

    private Witness() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    /** Runs the command; {@code env} stands for the environment. */
    public static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
        Config config;
        try {
            Args args = Args.parse(argv, SINGLE, Set.of(), FLAGS);
            if (args.flag("--help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
            if (args.flag("--generate-key")) {
                return generateKey(args, out, err);
            }
            config = Config.of(args, env, err);
        } catch (Args.UsageException e) {
            err.println("witness: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Run run = new Run(config, out, err);
        try {
            return run.once();
        } catch (Alert alert) {
            err.println("ALERT " + alert.kind + ": " + alert.getMessage());
            err.println("witness: nothing was cosigned and " + config.state + " is unchanged");
            run.keepEvidence(alert.kind);
            return ALERT;
        } catch (LogClient.Failure failure) {
            err.println("ERROR: " + failure.getMessage());
            return ERROR;
        }
    }

    private static int generateKey(Args args, PrintStream out, PrintStream err) throws Args.UsageException {
        String name = args.required("--name");
        Path file = Path.of(args.required("--key"));
        KeyPair pair = Ed25519Keys.generate();
        NoteKey key;
        try {
            key = NoteKey.signer(name, NoteKey.COSIGNATURE, pair);
        } catch (IllegalArgumentException e) {
            throw new Args.UsageException("--name: " + e.getMessage());
        }
        try {
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
                err.println("witness: this file system has no POSIX modes; restrict access to " + file + " yourself");
            }
            Files.writeString(file, Ed25519Keys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            throw new Args.UsageException(file + " already exists; it is not overwritten");
        } catch (IOException e) {
            err.println("witness: cannot write " + file + ": " + e.getMessage());
            return ERROR;
        }
        err.println("witness: wrote a new private key to " + file + " (mode 600). Its vkey, for the log's operator and"
                + " the peer witnesses:");
        out.println(key.vkey());
        return OK;
    }

    /** The command line, checked, with the keys read. */
    record Config(
            String log,
            NoteKey logKey,
            NoteKey key,
            Path state,
            String tokenUrl,
            String clientId,
            String secret,
            Path peer,
            NoteKey peerKey) {

        static Config of(Args args, Map<String, String> env, PrintStream err) throws Args.UsageException {
            String log = url(args.required("--log"), "--log");
            NoteKey logKey = VerifyExport.Options.key(args.required("--log-key"), "--log-key", NoteKey.NOTE);
            String name = args.required("--name");
            Path keyFile = Path.of(args.required("--key"));
            KeyPair pair;
            try {
                pair = Ed25519Keys.readPem(keyFile);
            } catch (UncheckedIOException e) {
                throw new Args.UsageException("cannot read the key file " + keyFile
                        + (Files.exists(keyFile) ? "" : " (no such file; --generate-key writes one)"));
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(e.getMessage());
            }
            warnIfReadableByOthers(keyFile, err);
            NoteKey key;
            try {
                key = NoteKey.signer(name, NoteKey.COSIGNATURE, pair);
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException("--name: " + e.getMessage());
            }
            Path state = Path.of(args.required("--state"));
            String tokenUrl = args.get("--token-url");
            String clientId = args.get("--client-id");
            String secret = null;
            if (tokenUrl != null || clientId != null) {
                if (tokenUrl == null || clientId == null) {
                    throw new Args.UsageException("--token-url and --client-id go together");
                }
                tokenUrl = url(tokenUrl, "--token-url");
                secret = env.get(SECRET_ENV);
                if (secret == null || secret.isEmpty()) {
                    throw new Args.UsageException(
                            "--token-url needs the client secret in the environment variable " + SECRET_ENV);
                }
            }
            Path peer = args.get("--peer") == null ? null : Path.of(args.get("--peer"));
            String peerVkey = args.get("--peer-key");
            if ((peer == null) != (peerVkey == null)) {
                throw new Args.UsageException("--peer and --peer-key go together");
            }
            NoteKey peerKey =
                    peerVkey == null ? null : VerifyExport.Options.key(peerVkey, "--peer-key", NoteKey.COSIGNATURE);
            if (peerKey != null && peerKey.name().equals(name)) {
                throw new Args.UsageException("--peer-key names this witness itself (" + name + ")");
            }
            return new Config(log, logKey, key, state, tokenUrl, clientId, secret, peer, peerKey);
        }

        private static String url(String value, String option) throws Args.UsageException {
            try {
                URI uri = URI.create(value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException(value);
                }
                return value;
            } catch (IllegalArgumentException e) {
                throw new Args.UsageException(option + " is an http or https URL, not '" + value + "'");
            }
        }

        private static void warnIfReadableByOthers(Path keyFile, PrintStream err) {
            try {
                Set<PosixFilePermission> modes = Files.getPosixFilePermissions(keyFile);
                if (modes.contains(PosixFilePermission.GROUP_READ) || modes.contains(PosixFilePermission.OTHERS_READ)) {
                    err.println("witness: warning: " + keyFile + " can be read by other users (chmod 600 it)");
                }
            } catch (IOException | UnsupportedOperationException e) {
                // Nothing to warn about where there are no modes.
            }
        }
    }

    /** The log misbehaved: {@code kind} is rollback, fork, inconsistent, split-view, log-signature or peer-state. */
    static final class Alert extends Exception {
        private static final long serialVersionUID = 1L;
        final String kind;

        Alert(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }

    /** A note signed by the log, and the checkpoint it holds. */
    record Verified(SignedNote note, Checkpoint checkpoint) {

        String describe() {
            return checkpoint.size() + " leaves, root " + root(checkpoint)
                    + (checkpoint.time() == null ? "" : ", sealed " + checkpoint.time());
        }
    }

    static String root(Checkpoint checkpoint) {
        return Base64.getEncoder().encodeToString(checkpoint.rootHash());
    }

    /** One run. */
    static final class Run {
        private final Config config;
        private final PrintStream out;
        private final PrintStream err;
        private final LogClient log;

        Run(Config config, PrintStream out, PrintStream err) {
            this.config = config;
            this.out = out;
            this.err = err;
            this.log = new LogClient(config.log(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        }

        /** The checkpoint note the log served on this run, as it came. */
        private String served;

        int once() throws Alert, LogClient.Failure {
            served = log.checkpoint();
            Verified current;
            try {
                current = verifyLogNote(served);
            } catch (IllegalArgumentException e) {
                throw new Alert("log-signature", "the checkpoint " + config.log() + " serves " + e.getMessage());
            }
            out.println("log: checkpoint of " + current.describe() + ", signed by "
                    + config.logKey().name());

            Verified previous = readState();
            if (previous == null) {
                out.println("first run: " + config.state() + " does not exist; this checkpoint is trusted on first"
                        + " use and recorded");
            } else {
                checkExtends(previous, current);
            }
            if (config.peer() != null) {
                checkPeer(current);
            }

            SignedNote.Line line = previous != null
                            && previous.note().text().equals(current.note().text())
                    ? ownLine(previous.note())
                    : null;
            if (line == null) {
                line = config.key().sign(current.note().text(), Instant.now().getEpochSecond());
            }
            String failure = post(current.note(), line);
            SignedNote.Line logLine = current.note().signatures().stream()
                    .filter(l -> config.logKey().verifies(current.note().text(), l))
                    .findFirst()
                    .orElseThrow();
            writeState(new SignedNote(current.note().text(), List.of(logLine, line)));
            out.println("state: " + config.state() + " now holds the checkpoint of "
                    + current.checkpoint().size() + " leaves, checked and signed by "
                    + config.key().name());
            if (failure != null) {
                // The witness has signed this checkpoint, so its later runs must hold the log to it; the log has
                // not stored the signature, so the next run sends it again.
                err.println("ERROR: " + failure + "; the log does not publish this witness's cosignature yet (the"
                        + " next run sends it again)");
                return ERROR;
            }
            return OK;
        }

        /**
         * The checkpoint in a note, if the log key signed it.
         *
         * @throws IllegalArgumentException saying what is wrong, to follow "the checkpoint ... "
         */
        private Verified verifyLogNote(String text) {
            SignedNote note;
            Checkpoint checkpoint;
            try {
                note = SignedNote.parse(text);
                checkpoint = Checkpoint.parse(note.text());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not a signed checkpoint: " + e.getMessage());
            }
            NoteKey logKey = config.logKey();
            if (!checkpoint.origin().equals(logKey.name())) {
                throw new IllegalArgumentException(
                        "is for the log '" + checkpoint.origin() + "', not '" + logKey.name() + "'");
            }
            if (!logKey.signed(note)) {
                throw new IllegalArgumentException(
                        "is not signed by the log key " + logKey.name() + "+" + String.format("%08x", logKey.keyId()));
            }
            return new Verified(note, checkpoint);
        }

        private Verified readState() throws LogClient.Failure {
            Path state = config.state();
            if (!Files.exists(state)) {
                return null;
            }
            String text;
            try {
                text = Files.readString(state, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LogClient.Failure("cannot read the state file " + state + ": " + e.getMessage());
            }
            Verified previous;
            try {
                previous = verifyLogNote(text);
            } catch (IllegalArgumentException e) {
                throw new LogClient.Failure(
                        "the state file " + state + " holds no checkpoint of this log: the checkpoint " + e.getMessage()
                                + ". Restore it from a backup; remove it only to trust the log anew.");
            }
            if (ownLine(previous.note()) == null) {
                throw new LogClient.Failure("the state file " + state + " is not cosigned by "
                        + config.key().name()
                        + " with this key. Restore it from a backup; remove it only to trust the log anew.");
            }
            return previous;
        }

        private SignedNote.Line ownLine(SignedNote note) {
            return note.signatures().stream()
                    .filter(l -> config.key().verifies(note.text(), l))
                    .findFirst()
                    .orElse(null);
        }

        /** That the log's current checkpoint extends the one this witness cosigned last. */
        private void checkExtends(Verified previous, Verified current) throws Alert, LogClient.Failure {
            Checkpoint old = previous.checkpoint();
            Checkpoint now = current.checkpoint();
            String cosigned = "the checkpoint this witness cosigned last (" + previous.describe() + ")";
            if (now.size() < old.size()) {
                throw new Alert(
                        "rollback",
                        "the log now shows " + now.size() + " leaves, fewer than the " + old.size() + " of " + cosigned
                                + ": it has dropped leaves from its history");
            }
            if (now.size() == old.size()) {
                if (!MessageDigest.isEqual(now.rootHash(), old.rootHash())) {
                    throw new Alert(
                            "fork",
                            "the log now shows a different tree of " + now.size() + " leaves (root " + root(now)
                                    + ") than " + cosigned + ": it has rewritten its history");
                }
                out.println("unchanged: the same " + now.size() + " leaves as " + cosigned);
                return;
            }
            if (old.size() == 0) {
                out.println("grown: " + now.size() + " leaves after an empty tree; nothing to prove");
                return;
            }
            if (!consistent(old, now)) {
                throw new Alert(
                        "inconsistent",
                        "the log's consistency proof from " + old.size() + " to " + now.size()
                                + " leaves does not hold:"
                                + " its tree of " + now.size() + " leaves (root " + root(now) + ") does not extend "
                                + cosigned);
            }
            out.println("consistent: " + (now.size() - old.size()) + " new leaves since " + old.size()
                    + "; the log's consistency proof holds");
        }

        /** Whether the log proves that {@code larger} extends {@code smaller} (sizes in order, smaller not empty). */
        private boolean consistent(Checkpoint smaller, Checkpoint larger) throws LogClient.Failure {
            List<byte[]> proof;
            try {
                proof = log.consistency(smaller.size(), larger.size());
            } catch (LogClient.MalformedAnswer e) {
                err.println("witness: " + e.getMessage());
                return false;
            }
            return Proofs.verifyConsistency(
                    smaller.size(), larger.size(), smaller.rootHash(), larger.rootHash(), proof);
        }

        /** That the peer witness's last checkpoint and this witness's are of one history. */
        private void checkPeer(Verified current) throws Alert, LogClient.Failure {
            Path file = config.peer();
            NoteKey peerKey = config.peerKey();
            if (!Files.exists(file)) {
                out.println("peer: " + file + " does not exist yet; the peer check is skipped on this run");
                return;
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new LogClient.Failure("cannot read the peer's state " + file + ": " + e.getMessage());
            }
            Verified peer;
            try {
                peer = verifyLogNote(text);
            } catch (IllegalArgumentException e) {
                throw new Alert("peer-state", "the peer's state " + file + ": the checkpoint " + e.getMessage());
            }
            if (!peerKey.signed(peer.note())) {
                throw new Alert(
                        "peer-state",
                        "the peer's state " + file + " is not validly cosigned by " + peerKey.name()
                                + ": it cannot be compared");
            }
            Checkpoint theirs = peer.checkpoint();
            Checkpoint ours = current.checkpoint();
            String views = "the log showed " + peerKey.name() + " a tree of " + theirs.size() + " leaves (root "
                    + root(theirs) + ") and this witness one of " + ours.size() + " leaves (root " + root(ours)
                    + ")";
            boolean oneHistory;
            if (theirs.size() == ours.size()) {
                oneHistory = MessageDigest.isEqual(theirs.rootHash(), ours.rootHash());
            } else {
                Checkpoint smaller = theirs.size() < ours.size() ? theirs : ours;
                Checkpoint larger = smaller == theirs ? ours : theirs;
                oneHistory = smaller.size() == 0 || consistent(smaller, larger);
            }
            if (!oneHistory) {
                throw new Alert("split-view", "split view: " + views + ", and they are not of one history");
            }
            out.println("peer: " + peerKey.name() + "'s checkpoint of " + theirs.size() + " leaves is consistent"
                    + " with this witness's view");
        }

        /** Sends the cosignature; answers null when the log took it, else what went wrong. */
        private String post(SignedNote note, SignedNote.Line line) {
            List<SignedNote.Line> lines = new ArrayList<>();
            for (SignedNote.Line l : note.signatures()) {
                if (!l.name().equals(config.key().name())) {
                    lines.add(l);
                }
            }
            lines.add(line);
            String body = new SignedNote(note.text(), lines).format();
            try {
                String token = config.tokenUrl() == null
                        ? null
                        : log.token(config.tokenUrl(), config.clientId(), config.secret());
                LogClient.Answer answer = log.postCosignature(body, token);
                if (answer.status() == 201) {
                    out.println("cosigned: the log stored this witness's cosignature (201)");
                    return null;
                }
                if (answer.status() == 200) {
                    out.println("cosigned: the log already had this witness's cosignature (200)");
                    return null;
                }
                return "the log refused the cosignature: " + answer.status() + answer.problem();
            } catch (LogClient.Failure e) {
                return "the cosignature was not delivered: " + e.getMessage();
            }
        }

        /**
         * Keeps what the log served beside the state file, as {@code <state>.alert-<kind>-<seconds>}: a checkpoint
         * the log signed that contradicts one it signed before is the proof of what it did.
         */
        void keepEvidence(String kind) {
            if (served == null) {
                return;
            }
            Path state = config.state().toAbsolutePath();
            Path file = state.resolveSibling(
                    state.getFileName() + ".alert-" + kind + "-" + Instant.now().getEpochSecond());
            try {
                Files.writeString(file, served, StandardCharsets.UTF_8);
                err.println("witness: the checkpoint the log served is kept in " + file);
            } catch (IOException e) {
                err.println("witness: could not keep the checkpoint the log served in " + file + ": " + e.getMessage());
            }
        }

        /** Replaces the state file in one step: a temporary file beside it, flushed, then moved over it. */
        private void writeState(SignedNote note) throws LogClient.Failure {
            Path state = config.state().toAbsolutePath();
            Path temp = null;
            try {
                Path dir = state.getParent();
                Files.createDirectories(dir);
                temp = Files.createTempFile(dir, "." + state.getFileName() + ".", ".tmp");
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.write(java.nio.ByteBuffer.wrap(note.format().getBytes(StandardCharsets.UTF_8)));
                    channel.force(true);
                }
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException e) {
                    // No modes to set.
                }
                Files.move(temp, state, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // The temporary file stays; the state file is as it was.
                    }
                }
                throw new LogClient.Failure("cannot write the state file " + state + ": " + e.getMessage());
            }
        }
    }
}
