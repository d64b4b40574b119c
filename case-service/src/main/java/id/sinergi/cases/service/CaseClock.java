package id.sinergi.cases.service;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The clock the deadline rules read (the red/amber/green of a case, the escalation job, the breach list and the
 * statistics). One bean, so that its users take it in their constructors and plain unit tests hand them a fixed one.
 */
@Singleton
public class CaseClock {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
