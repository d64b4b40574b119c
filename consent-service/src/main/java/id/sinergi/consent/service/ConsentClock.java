package id.sinergi.consent.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The time every rule of consent-service reads: validity, expiry, due times. One bean, so that tests can put the
 * service at an exact instant (such as a grant's last microsecond) without waiting for it.
 */
@ApplicationScoped
public class ConsentClock {

    private final Clock clock;

    public ConsentClock() {
        this(Clock.systemUTC());
    }

    public ConsentClock(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the microsecond PostgreSQL stores. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
