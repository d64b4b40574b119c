package id.sinergi.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server from {@code org.keycloak:keycloak-quarkus-dist}, in development mode with an in-memory
 * database, bound to 127.0.0.1, with the {@code sinergi} realm and its demo users imported from the Helm chart's
 * {@code k8s/sinergi/files/realm/}, the realm's client secrets set to their local-only values ({@link LocalRealm}).
 *
 * <p>LOCAL ONLY: development mode, no TLS and a bootstrap admin {@code admin}/{@code admin}. Production runs
 * Keycloak from the Helm chart with its own database.
 */
public final class KeycloakServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(KeycloakServer.class.getName());

    /** Realm name, as in the realm file. */
    public static final String REALM = "sinergi";

    private final int port;
    private final Path home;
    private final Path log;
    private Process process;

    private KeycloakServer(int port, Path home, Path log) {
        this.port = port;
        this.home = home;
        this.log = log;
    }

    /**
     * Unpacks Keycloak under {@code workDir} (once; later starts reuse it) and starts it on the port.
     *
     * @param workDir a directory of this run's own, e.g. a module's {@code target/}
     */
    public static KeycloakServer start(Path workDir, int port) {
        Path home = unpack(workDir);
        KeycloakServer server = new KeycloakServer(port, home, workDir.resolve("keycloak-" + port + ".log"));
        server.launch();
        return server;
    }

    /** Issuer and OIDC base URL of the realm, e.g. {@code http://127.0.0.1:8180/realms/sinergi}. */
    public String realmUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return log;
    }

    private void launch() {
        if (Processes.listening(port)) {
            throw new IllegalStateException("port " + port + " is taken: stop what listens there or choose another");
        }
        try {
            importRealm();
            LOG.info("starting Keycloak on " + baseUrl() + " (log: " + log + ")");
            process = processBuilder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "keycloak-stop-" + port));
            awaitRealm();
            LOG.info("Keycloak is ready at " + realmUrl());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start Keycloak from " + home, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Puts the realm and demo users files where {@code --import-realm} reads them, replacing older copies. */
    private void importRealm() throws IOException {
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        for (Path file : List.of(RepoPaths.realmFile(), RepoPaths.demoUsersFile())) {
            Files.copy(file, imports.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code kc.sh start-dev} on 127.0.0.1 with an in-memory database, on a JDK Keycloak accepts. */
    private ProcessBuilder processBuilder() {
        List<String> command = List.of(
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                "--hostname=http://127.0.0.1:" + port,
                "--db=dev-mem",
                "--import-realm",
                "--cache=local",
                "--log-level=WARN,org.keycloak.services:INFO,io.quarkus:INFO");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", JavaHomes.forKeycloak().toString());
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.putAll(LocalRealm.importEnvironment());
        return builder;
    }

    /** Waits until the realm publishes its OpenID configuration, which comes after the import. */
    private void awaitRealm() {
        Processes.await(
                "Keycloak",
                process,
                Duration.ofSeconds(180),
                log.toString(),
                () -> Processes.answers200(realmUrl() + "/.well-known/openid-configuration"));
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            Processes.stopTree(process, Duration.ofSeconds(15));
            process = null;
        }
    }

    /** Unpacks the distribution zip into {@code workDir/keycloak}, unless a complete copy is already there. */
    static synchronized Path unpack(Path workDir) {
        Path target = workDir.resolve("keycloak");
        Path marker = target.resolve(".unpacked");
        if (Files.exists(marker)) {
            return target;
        }
        Path zip = RepoPaths.keycloakZip();
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ": build the project with Maven first (it downloads org.keycloak:keycloak-quarkus-dist)");
        }
        try (InputStream in = Files.newInputStream(zip);
                ZipInputStream zin = new ZipInputStream(in)) {
            Files.createDirectories(target);
            for (ZipEntry entry = zin.getNextEntry(); entry != null; entry = zin.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 ? "" : name.substring(slash + 1);
                if (relative.isEmpty()) {
                    continue;
                }
                Path out = target.resolve(relative).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(zin, out, StandardCopyOption.REPLACE_EXISTING);
                    if (relative.startsWith("bin/") && relative.endsWith(".sh")) {
                        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            Files.writeString(marker, zip.toString());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + zip + " into " + target, e);
        }
    }
}
