package id.sinergi.devstack.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * What the service under test logs while it is open, for a {@code @QuarkusTest} (which runs the service in the test's
 * JVM): a handler on the root logger, removed again by {@link #close()}.
 */
public final class LogCapture implements AutoCloseable {

    private final List<LogRecord> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private LogCapture() {
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** The messages logged so far, with their arguments filled in. */
    public List<String> messages() {
        synchronized (records) {
            return records.stream().map(LogCapture::message).toList();
        }
    }

    /** Each record at ERROR (SEVERE) or above so far: its message and the class of what it carries. */
    public List<String> errors() {
        synchronized (records) {
            return records.stream()
                    .filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                    .map(r -> message(r) + (r.getThrown() == null ? "" : " " + r.getThrown()))
                    .toList();
        }
    }

    /** Quarkus logs through JBoss LogManager, whose records keep a printf pattern and its arguments apart. */
    private static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
