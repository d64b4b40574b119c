package id.sinergi.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import org.junit.jupiter.api.Test;

/**
 * When the intake writes a batch again with ON CONFLICT: only when its plain INSERT met a stored event id, or
 * PostgreSQL failed it to break a deadlock.
 */
class LogStoreTest {

    @Test
    void aBatchIsWrittenAgainOnlyWhenItMetAStoredEventId() {
        assertThat(LogStore.storedAlready(failure("23505", "audit_entry_event_id_key")))
                .isTrue();

        assertThat(LogStore.storedAlready(failure("23505", "audit_entry_pkey")))
                .as("another unique key")
                .isFalse();
        assertThat(LogStore.storedAlready(failure("23514", "audit_entry_outcome_check")))
                .as("a check constraint")
                .isFalse();
        assertThat(LogStore.storedAlready(failure("57P01", null)))
                .as("the server shutting down")
                .isFalse();
        assertThat(LogStore.storedAlready(new IllegalStateException("connection closed")))
                .isFalse();
    }

    @Test
    void aBatchFailedToBreakADeadlockIsWrittenAgain() {
        assertThat(LogStore.deadlocked(failure("40P01", null))).isTrue();

        assertThat(LogStore.deadlocked(failure("40001", null)))
                .as("a serialization failure, which the intake's autocommit statements do not meet")
                .isFalse();
        assertThat(LogStore.deadlocked(failure("23505", "audit_entry_event_id_key")))
                .isFalse();
    }

    /** A failure as PostgreSQL reports it: its SQLSTATE and the constraint it names. */
    private static PgException failure(String sqlState, String constraint) {
        return new PgException(
                "refused",
                "ERROR",
                sqlState,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "public",
                "audit_entry",
                null,
                null,
                constraint);
    }
}
