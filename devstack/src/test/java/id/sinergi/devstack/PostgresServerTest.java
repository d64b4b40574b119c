package id.sinergi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void shouldStartAnEmbeddedServerWhenNoneAnswersAndGiveEachServiceItsDatabase() throws Exception {
        int nothingListens = Processes.freePort();

        try (PostgresServer server = PostgresServer.localOrEmbedded(
                Path.of("target").toAbsolutePath(), "127.0.0.1", nothingListens, "postgres", "")) {
            PostgresServer.Database db = server.freshDatabase("sinergi_devstack_test");

            assertThat(server.embedded()).isTrue();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT current_database(), current_setting('server_version_num'),"
                            + " current_setting('fsync'), current_setting('synchronous_commit')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("sinergi_devstack_test");
                assertThat(Integer.parseInt(rs.getString(2))).isGreaterThanOrEqualTo(180000);
                // The library's own start flags turn both off; commits must reach the disk as on a real server.
                assertThat(rs.getString(3)).isEqualTo("on");
                assertThat(rs.getString(4)).isEqualTo("on");
            }
        }
    }

    @Test
    void shouldRemoveADataDirectoryWhileSomethingElseRemovesItToo(@TempDir Path tmp) throws Exception {
        // The embedded server removes its data directory itself when it stops, while close() removes it as well.
        Path data = tmp.resolve("data");
        for (int d = 0; d < 20; d++) {
            Path dir = Files.createDirectories(data.resolve("base").resolve(Integer.toString(d)));
            for (int f = 0; f < 200; f++) {
                Files.writeString(dir.resolve(Integer.toString(f)), "page");
            }
        }
        List<CompletableFuture<Void>> removals = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            removals.add(CompletableFuture.runAsync(() -> {
                try {
                    PostgresServer.deleteTree(data);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }

        CompletableFuture.allOf(removals.toArray(CompletableFuture[]::new)).get();
        assertThat(data).doesNotExist();
        PostgresServer.deleteTree(data);
        assertThat(tmp).isEmptyDirectory();
    }
}
