package id.sinergi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds a JDK that can run Keycloak (Java 21 or newer) beside the suite's Java 17. */
final class JavaHomes {

    private JavaHomes() {}

    /**
     * {@code KEYCLOAK_JAVA_HOME}, else the {@code sinergi.keycloak.java-home} property, else the newest JDK 21+
     * under {@code /usr/lib/jvm}, else the running JVM if it is 21 or newer.
     */
    static Path forKeycloak() {
        for (String candidate :
                new String[] {System.getenv("KEYCLOAK_JAVA_HOME"), System.getProperty("sinergi.keycloak.java-home")}) {
            if (candidate != null && !candidate.isBlank() && !candidate.contains("${")) {
                Path home = Path.of(candidate);
                if (Files.isExecutable(home.resolve("bin/java"))) {
                    return home;
                }
            }
        }
        Optional<Path> found = scan(Path.of("/usr/lib/jvm"));
        if (found.isPresent()) {
            return found.get();
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"));
        }
        throw new IllegalStateException("Keycloak needs Java 21 or newer: install one (e.g. Temurin 25) under "
                + "/usr/lib/jvm or point KEYCLOAK_JAVA_HOME at it");
    }

    private static Optional<Path> scan(Path jvms) {
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(JavaHomes::featureVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The feature version in the JDK's {@code release} file, or 0 when it cannot be read. */
    private static int featureVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    int end = version.indexOf('.');
                    return Integer.parseInt(end < 0 ? version : version.substring(0, end));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
