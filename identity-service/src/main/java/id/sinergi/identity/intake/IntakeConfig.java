package id.sinergi.identity.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Settings of the bulk intake, under {@code sinergi.intake}; the service refuses to start with values out of range. */
@ConfigMapping(prefix = "sinergi.intake")
public interface IntakeConfig {

    /**
     * Rows committed per transaction. More rows per transaction means fewer statements per row, and longer waits
     * for a registration of the same person elsewhere, which takes the same blocking-key locks.
     */
    @WithDefault("25")
    @Min(1)
    @Max(500)
    int rowsPerTransaction();

    /** Transactions of one intake in flight at once, each on a connection of the pool. */
    @WithDefault("8")
    @Min(1)
    @Max(64)
    int concurrency();
}
