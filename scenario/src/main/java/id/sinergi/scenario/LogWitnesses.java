package id.sinergi.scenario;

import id.sinergi.audit.proof.Checkpoint;
import id.sinergi.audit.proof.Ed25519Keys;
import id.sinergi.audit.proof.NoteKey;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.audit.proof.cli.VerifyExport;
import id.sinergi.audit.proof.cli.Witness;
import id.sinergi.devstack.TokenClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two ministries' witnesses of the audit log, as the main job runs them: each has a key of its own (made per
 * run, LOCAL ONLY), which audit-service is configured to accept; after the scenario each fetches the latest
 * checkpoint, checks it and cosigns it, the second also checking the first's view for a split view; then the log
 * is exported at the second's cosigned checkpoint and checked by the offline verifier.
 */
final class LogWitnesses {

    /** One witness: its Keycloak client, its key name, its key and its state files. */
    record WitnessSetup(String client, String name, Path key, Path state, String vkey) {}

    private final List<WitnessSetup> witnesses;
    private final Path dir;

    private LogWitnesses(List<WitnessSetup> witnesses, Path dir) {
        this.witnesses = witnesses;
        this.dir = dir;
    }

    /** Makes a key for each ministry's witness under {@code dir}, with its vkey in a file beside it. */
    static LogWitnesses create(Path dir) {
        try {
            Files.createDirectories(dir);
            List<WitnessSetup> witnesses = new ArrayList<>();
            for (String ministry : List.of("kemlu", "kemenp2mi")) {
                Path key = dir.resolve(ministry + "-witness.pem");
                Files.deleteIfExists(key);
                Files.deleteIfExists(dir.resolve(ministry + "-witness.state"));
                KeyPair pair = Ed25519Keys.generate();
                Files.createFile(
                        key, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(key, Ed25519Keys.toPem(pair.getPrivate()), StandardCharsets.US_ASCII);
                String name = "witness." + ministry + ".local/sinergi";
                String vkey = NoteKey.signer(name, NoteKey.COSIGNATURE, pair).vkey();
                // Beside the key, for whoever runs a witness by hand against the local run (--peer-key,
                // audit-verify --witness-key): docs/audit.md, "Running a witness".
                Files.writeString(dir.resolve(ministry + "-witness.vkey"), vkey + "\n", StandardCharsets.US_ASCII);
                witnesses.add(new WitnessSetup(
                        "audit-witness-" + ministry, name, key, dir.resolve(ministry + "-witness.state"), vkey));
            }
            return new LogWitnesses(List.copyOf(witnesses), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the witnesses' keys under " + dir, e);
        }
    }

    /** The value of {@code sinergi.audit.log.witnesses} that makes audit-service accept both. */
    String witnessesSetting() {
        return witnesses.stream().map(WitnessSetup::vkey).collect(Collectors.joining(","));
    }

    /** Runs both witnesses, exports the log at the last cosigned checkpoint and verifies it offline. */
    void check(ProtectionScenario.ScenarioReport report, String auditUrl, String realmUrl, TokenClient tokens) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String logKey = fetch(http, auditUrl + "/api/audit-log/key", null).strip();
        String tokenUrl = realmUrl + "/protocol/openid-connect/token";
        WitnessSetup first = witnesses.get(0);
        WitnessSetup second = witnesses.get(1);
        Outcome one = witness(first, auditUrl, logKey, tokenUrl, List.of());
        Outcome two = witness(
                second,
                auditUrl,
                logKey,
                tokenUrl,
                List.of("--peer", first.state().toString(), "--peer-key", first.vkey()));
        report.check(
                "both ministries' witnesses cosign the audit log's checkpoint and agree with each other",
                one.status() == 0 && two.status() == 0,
                first.client() + " exit " + one.status() + ", " + second.client() + " exit " + two.status()
                        + (one.status() == 0 && two.status() == 0 ? "" : ": " + one.text() + " " + two.text()));
        if (two.status() != 0) {
            return;
        }
        try {
            long size = Checkpoint.parse(
                            SignedNote.parse(Files.readString(second.state())).text())
                    .size();
            Path export = dir.resolve("audit-log-export.ndjson");
            HttpRequest request = HttpRequest.newBuilder(URI.create(auditUrl + "/api/audit-log/export?size=" + size))
                    .header("Authorization", "Bearer " + tokens.user("security.auditor"))
                    .timeout(Duration.ofMinutes(5))
                    .build();
            int status = http.send(
                            request,
                            // A shorter export than the last run's must not keep that run's tail.
                            HttpResponse.BodyHandlers.ofFile(
                                    export,
                                    StandardOpenOption.CREATE,
                                    StandardOpenOption.WRITE,
                                    StandardOpenOption.TRUNCATE_EXISTING))
                    .statusCode();
            Outcome verified = capture((out, err) -> VerifyExport.run(
                    new String[] {
                        "--export",
                        export.toString(),
                        "--log-key",
                        logKey,
                        "--witness-key",
                        second.vkey(),
                        "--min-cosignatures",
                        "1"
                    },
                    new ByteArrayInputStream(new byte[0]),
                    out,
                    err));
            report.check(
                    "the offline verifier accepts the exported log at the checkpoint " + second.client()
                            + " cosigned last",
                    status == 200 && verified.status() == 0,
                    "export of " + size + " leaves: HTTP " + status + "; "
                            + verified.text().strip());
        } catch (IOException e) {
            report.check("the offline verifier accepts the exported log", false, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            report.check("the offline verifier accepts the exported log", false, "interrupted");
        }
    }

    private Outcome witness(WitnessSetup w, String auditUrl, String logKey, String tokenUrl, List<String> extra) {
        List<String> args = new ArrayList<>(List.of(
                "--log", auditUrl,
                "--log-key", logKey,
                "--name", w.name(),
                "--key", w.key().toString(),
                "--state", w.state().toString(),
                "--token-url", tokenUrl,
                "--client-id", w.client()));
        args.addAll(extra);
        Map<String, String> env = Map.of("SINERGI_WITNESS_CLIENT_SECRET", TokenClient.localSecret(w.client()));
        return capture((out, err) -> Witness.run(args.toArray(String[]::new), out, err, env));
    }

    private record Outcome(int status, String text) {}

    @FunctionalInterface
    private interface Command {
        int run(PrintStream out, PrintStream err);
    }

    private static Outcome capture(Command command) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            int status = command.run(stream, stream);
            return new Outcome(status, buffer.toString(StandardCharsets.UTF_8).replace('\n', ' '));
        }
    }

    private static String fetch(HttpClient http, String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
