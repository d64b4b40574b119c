package id.sinergi.k8s;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The helm binary that k8s/tools/fetch-helm.sh fetches and verifies, run as a child process. */
final class Helm {

    /** The repository's root: the parent build passes it; else the nearest folder up that holds k8s/tools. */
    static final Path REPO = repositoryRoot();

    private static Path binary;

    private Helm() {}

    /** What one helm run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {

        /** The output of a run that must have succeeded; otherwise fails with what helm said. */
        String orFail() {
            if (exitCode != 0) {
                throw new AssertionError("helm exited with " + exitCode + ":\n" + stderr + stdout);
            }
            return stdout;
        }
    }

    /** Runs helm with these arguments from the repository's root. */
    static Result run(List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(arguments);
        return exec(command);
    }

    /** The verified binary, fetched once per test run (the script reuses its cache across runs). */
    static synchronized Path binary() {
        if (binary == null) {
            Path script = REPO.resolve("k8s/tools/fetch-helm.sh");
            Result fetched = exec(List.of("bash", script.toString()));
            if (fetched.exitCode() != 0) {
                throw new IllegalStateException("k8s/tools/fetch-helm.sh failed:\n" + fetched.stderr());
            }
            List<String> lines = fetched.stdout().strip().lines().toList();
            binary = Path.of(lines.get(lines.size() - 1));
        }
        return binary;
    }

    private static Path repositoryRoot() {
        Path start = Path.of(System.getProperty("sinergi.repo.root", ""))
                .toAbsolutePath()
                .normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("k8s/tools/fetch-helm.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no k8s/tools/fetch-helm.sh in " + start + " or a folder above it");
    }

    private static Result exec(List<String> command) {
        try {
            Path out = Files.createTempFile("sinergi-helm", ".out");
            Path err = Files.createTempFile("sinergi-helm", ".err");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(REPO.toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                int exitCode = process.waitFor();
                return new Result(
                        exitCode,
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
