package id.sinergi.audit.log;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Settings of the Merkle log, under {@code sinergi.audit.log}. */
@ConfigMapping(prefix = "sinergi.audit.log")
public interface LogConfig {

    /**
     * The log's name: the first line of every checkpoint and the name of its signing key. A schema-less URL by
     * custom; it must never change once checkpoints were published, or witnesses take it for another log.
     */
    @WithDefault("audit.sinergi.local/log")
    String origin();

    /**
     * The Ed25519 private key that signs checkpoints, as a PKCS#8 PEM file (a Kubernetes Secret mounted read-only).
     * The prod profile refuses to start without it; dev and test make a key per run.
     */
    Optional<Path> signingKey();

    /** The witnesses whose cosignatures the log accepts and publishes: vkeys (C2SP signed-note, type 0x04). */
    Optional<List<String>> witnesses();

    /** How often the sealer appends accepted events ({@code 1s}, the scheduler's least; {@code off} stops it). */
    @WithDefault("1s")
    String sealInterval();

    /** The most events one sealing round appends; a backlog is sealed in rounds of this size. */
    @WithDefault("10000")
    int sealBatch();

    /**
     * How many entries stored by this replica's intake are kept until its sealer seals them ({@link RecentEntries};
     * entries without details only, some 1 KB each: about 50 MB at the default, a second or more of the backlog at
     * full intake), so that the sealer reads back only the entries it does not hold. {@code 0} keeps none: every
     * entry is read back.
     */
    @WithDefault("50000")
    int recentEntries();

    /**
     * How often the whole log is verified on a schedule ({@code 1h}; a number with {@code s}, {@code m} or
     * {@code h}; {@code off} stops it). A replica skips its run when another verified within half of it.
     */
    @WithDefault("1h")
    String verifyInterval();

    /** How long after start-up the first scheduled verification runs ({@code 1m}). */
    @WithDefault("1m")
    String verifyDelay();
}
