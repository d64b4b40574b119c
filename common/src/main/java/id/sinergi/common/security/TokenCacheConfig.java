package id.sinergi.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the verified-token cache ({@link VerifiedTokens}), under {@code sinergi.token-cache}. */
@ConfigMapping(prefix = "sinergi.token-cache")
public interface TokenCacheConfig {

    /**
     * Whether a bearer token verified once is trusted again, without checking its signature and claims, until it
     * expires. Default {@code true}; {@code false} verifies every request's token in full.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The most verified tokens kept at once (default 2048, about 5 kB each); beyond it the least used are dropped
     * and verified again when they come back.
     */
    @WithDefault("2048")
    int maxSize();
}
