package id.sinergi.identity.domain;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Identifiers of the master index's rows: UUID version 7 (RFC 9562), whose first 48 bits are the creation time in
 * milliseconds and the rest random. New rows land at the right end of each primary-key index instead of on a
 * random page of it, which keeps an intake of a million records from rewriting the whole index at every
 * checkpoint. The time they reveal (when a row was created) is shown by the rows themselves anyway.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
