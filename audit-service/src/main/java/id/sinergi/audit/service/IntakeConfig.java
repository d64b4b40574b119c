package id.sinergi.audit.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the intake of events sent one per request ({@link GroupCommit}), under {@code sinergi.audit.intake}. */
@ConfigMapping(prefix = "sinergi.audit.intake")
public interface IntakeConfig {

    /**
     * The most events sent one per request that are written together, in one statement and one commit (default
     * 500). {@code 1} writes each on its own.
     */
    @WithDefault("500")
    int groupCommitMax();

    /** How many such group writes may be in flight at once, each on a connection of its own (default 2). */
    @WithDefault("2")
    int groupCommitWriters();
}
