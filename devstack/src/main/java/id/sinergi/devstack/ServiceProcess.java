package id.sinergi.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * One Sinergi service run from its Maven build ({@code <service>/target/quarkus-app/quarkus-run.jar}) on the
 * suite's Java, bound to 127.0.0.1, with its configuration passed as system properties and its secrets as
 * environment variables (never on the command line).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ServiceProcess.class.getName());

    /**
     * The heap every service gets unless told otherwise: it grows from 64 MiB as needed, up to 384 MiB; a JVM out
     * of it exits rather than run on with callbacks that may never complete.
     */
    public static final List<String> DEFAULT_HEAP = List.of("-Xms64m", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError");

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> jvmOptions;
    private Path jar;
    private Map<String, String> config;
    private Map<String, String> secrets;
    private Process process;

    private ServiceProcess(String name, int port, Path log, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * Starts the service and waits until {@code /q/health/ready} answers 200.
     *
     * @param config Quarkus configuration, as {@code -Dkey=value}
     * @param secrets environment variables such as {@code SINERGI_OIDC_CLIENT_SECRET}
     */
    public static ServiceProcess start(
            String name, int port, Map<String, String> config, Map<String, String> secrets, Path logDir) {
        return start(name, RepoPaths.serviceJar(name), port, config, secrets, logDir);
    }

    /** Starts the service from the given {@code quarkus-run.jar} (e.g. a copy of the build). */
    public static ServiceProcess start(
            String name, Path jar, int port, Map<String, String> config, Map<String, String> secrets, Path logDir) {
        return start(name, jar, port, config, secrets, logDir, DEFAULT_HEAP);
    }

    /** Starts the service from the given {@code quarkus-run.jar} with JVM options of its own (its heap, say). */
    public static ServiceProcess start(
            String name,
            Path jar,
            int port,
            Map<String, String> config,
            Map<String, String> secrets,
            Path logDir,
            List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the suite first (mvn -DskipTests package)");
        }
        ServiceProcess service = new ServiceProcess(name, port, logDir.resolve(name + ".log"), jvmOptions);
        service.launch(jar, config, secrets);
        return service;
    }

    /**
     * Copies a service's build ({@code target/quarkus-app}) into {@code appsDir/<name>} and returns the copy's
     * jar, so that a rebuild (say, the tests run beside the suite) never changes the files of a running service.
     */
    public static Path snapshot(String name, Path appsDir) {
        Path source = RepoPaths.serviceJar(name).getParent();
        Path target = appsDir.resolve(name);
        try {
            if (Files.exists(target)) {
                try (var paths = Files.walk(target)) {
                    for (Path p :
                            paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            try (var paths = Files.walk(source)) {
                for (Path p : paths.toList()) {
                    Path copy = target.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(p, copy);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the build of " + name + " from " + source, e);
        }
        return target.resolve("quarkus-run.jar");
    }

    /**
     * Starts the stopped service again with the same build, configuration and database (not emptied), appending to
     * its log, and waits until it is ready: a service coming back after an outage.
     */
    public synchronized void restart() {
        close();
        launch(jar, config, secrets);
    }

    private void launch(Path jar, Map<String, String> config, Map<String, String> secrets) {
        boolean again = this.jar != null;
        this.jar = jar;
        this.config = Map.copyOf(config);
        this.secrets = Map.copyOf(secrets);
        Map<String, String> props = new TreeMap<>(config);
        props.put("quarkus.http.port", Integer.toString(port));
        props.putIfAbsent("quarkus.http.host", "127.0.0.1");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        props.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(jar.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            again
                                    ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                    : ProcessBuilder.Redirect.to(log.toFile()));
            builder.environment().putAll(secrets);
            LOG.info("starting " + name + " on " + baseUrl() + " (log: " + log + ")");
            process = builder.start();
            if (!again) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, name + "-stop"));
            }
            Processes.await(
                    name,
                    process,
                    Duration.ofSeconds(120),
                    log.toString(),
                    () -> Processes.answers200(baseUrl() + "/q/health/ready"));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("cannot start " + name, e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The operating system's id of the service's process, for measuring it (memory, say). */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path logFile() {
        return log;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    @Override
    public synchronized void close() {
        if (process != null) {
            Processes.stopTree(process, Duration.ofSeconds(10));
            process = null;
        }
    }
}
