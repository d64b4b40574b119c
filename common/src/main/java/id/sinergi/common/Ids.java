package id.sinergi.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import java.util.UUID;

/**
 * Identifiers that rows are stored under in large numbers (the master index's rows, audit events): UUID version 7
 * (RFC 9562), whose first 48 bits are the creation time in milliseconds and the rest random. New rows land at the
 * right end of each index on the id instead of on a random page of it, which keeps an intake of millions of rows
 * from rewriting the whole index at every checkpoint. The time they reveal (when a row was created) is shown by
 * the rows themselves anyway.
 */
public final class Ids {

    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    public static UUID next() {
        return GENERATOR.generate();
    }
}
