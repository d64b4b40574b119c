package id.sinergi.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatabaseUnreachableTest {

    @Test
    void shouldTellADatabaseOutOfReachOrRestartingFromAFault() {
        Throwable refused = new IllegalStateException(new ConnectException("Connection refused"));
        Throwable lost = new RuntimeException(ClosedConnectionException.INSTANCE);
        Throwable reset = new SocketException("Connection reset");
        Throwable startingUp = postgres("FATAL: the database system is starting up", "57P03");
        Throwable shutDown = postgres("FATAL: terminating connection due to administrator command", "57P01");
        Throwable jdbc = new SQLTransientConnectionException("Connection is not available", "08001");
        Throwable amongOthers = new CompositeException(List.of(new IllegalStateException("rollback failed"), lost));

        assertThat(List.of(refused, lost, reset, startingUp, shutDown, jdbc, amongOthers))
                .allMatch(ProblemMappers::databaseUnreachable);
    }

    @Test
    void shouldLeaveOtherFailuresToTheInternalError() {
        Throwable duplicate = postgres("duplicate key value violates unique constraint", "23505");
        Throwable bug = new IllegalStateException("a bug");
        Throwable composite = new CompositeException(List.of(bug, new NullPointerException()));

        assertThat(List.of(duplicate, bug, composite)).noneMatch(ProblemMappers::databaseUnreachable);
    }

    private static DatabaseException postgres(String message, String sqlState) {
        return new DatabaseException(message, 0, sqlState) {};
    }
}
