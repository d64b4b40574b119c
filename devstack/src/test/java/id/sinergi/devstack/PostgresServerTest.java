package id.sinergi.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

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
                    ResultSet rs =
                            st.executeQuery("SELECT current_database(), current_setting('server_version_num')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("sinergi_devstack_test");
                assertThat(Integer.parseInt(rs.getString(2))).isGreaterThanOrEqualTo(180000);
            }
        }
    }
}
