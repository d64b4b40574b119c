package id.sinergi.consent;

import id.sinergi.consent.service.ConsentClock;
import io.quarkus.test.junit.QuarkusMock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A clock a test sets to exact instants; installed for one test method at a time. */
final class TestClock extends ConsentClock {

    private volatile Instant at;

    private TestClock(Instant at) {
        this.at = at;
    }

    /** Installs a clock standing at {@code start} for the current test. */
    static TestClock installAt(Instant start) {
        TestClock clock = new TestClock(start.truncatedTo(ChronoUnit.MICROS));
        QuarkusMock.installMockForType(clock, ConsentClock.class);
        return clock;
    }

    void set(Instant instant) {
        at = instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Instant now() {
        return at;
    }
}
