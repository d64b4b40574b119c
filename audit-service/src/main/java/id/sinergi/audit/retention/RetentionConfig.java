package id.sinergi.audit.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Retention of the log's payloads, under {@code sinergi.audit.retention}. Periods are ISO-8601 ({@code P2Y},
 * {@code P18M}, {@code PT30S}) and run from the time the log recorded an event; docs/audit.md gives the reasons for the
 * defaults.
 */
@ConfigMapping(prefix = "sinergi.audit.retention")
public interface RetentionConfig {

    /** How often the purge job runs ({@code 1h}; {@code off} stops it, as the tests do to run it themselves). */
    @WithDefault("1h")
    String purgeInterval();

    /** The most leaves one retention statement names (1 to 1000): a purge goes in batches of this size. */
    @WithDefault("1000")
    int batchSize();

    /** The retention period of each category. */
    Periods periods();

    /** A period per category. */
    interface Periods {
        /** ACCESS: reads, searches, lists and exports. */
        @WithDefault("P2Y")
        String access();

        /** CHANGE: changes to workers' data. */
        @WithDefault("P5Y")
        String change();

        /** CONSENT: consent decisions, grants and revocations. */
        @WithDefault("P5Y")
        String consent();

        /** SECURITY: denials, failures and vital-interest overrides. */
        @WithDefault("P5Y")
        String security();

        /** LOG: the log's own operations. */
        @WithDefault("P5Y")
        String log();
    }
}
