package id.sinergi.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer access token once and trusts it again until it expires, so that a caller sending many requests
 * with one token (a service's relay, an officer's app) pays the signature check and the JWT parsing once per token
 * instead of once per request. On a miss the token goes to quarkus-oidc's own provider, which checks it in full
 * (signature against the realm's keys, issuer, audience, expiry); only what it accepts is kept, keyed by the
 * token's exact text, and only until the token's {@code exp}: a token is served from here only while quarkus-oidc
 * would still accept it on time. A changed byte makes another text, so a forged or altered token is never a hit.
 *
 * <p>What this does not change: tokens were never checked with Keycloak per request (the services verify them
 * locally), so a revoked session or a disabled user's token was already accepted until its {@code exp}
 * (docs/security.md). A signing key removed from the realm is dropped by quarkus-oidc only when it next refreshes
 * the realm's keys, so tokens it signed were accepted until their expiry there too.
 *
 * <p>The identity kept is quarkus-oidc's, before the suite's augmentors ({@link RequiredClaims}), which run again on
 * every request; each request gets a copy bearing its own routing context. Only bearer tokens of the service's
 * single bearer tenant come here: audit-service's console signs in with the code flow, whose tokens are ID tokens.
 * Hits and misses are counted in {@code sinergi_token_cache_requests_total{result}}.
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    /** Above quarkus-oidc's own provider ({@link IdentityProvider#SYSTEM_FIRST} + 1), so this one is asked first. */
    static final int PRIORITY = SYSTEM_FIRST + 100;

    @Inject
    OidcIdentityProvider oidc;

    @Inject
    TokenCacheConfig config;

    @Inject
    Instance<MeterRegistry> registry;

    Clock clock = Clock.systemUTC();

    private Cache<String, Verified> verified;

    /** An identity quarkus-oidc built for a token, and the token's expiry in epoch seconds. */
    record Verified(SecurityIdentity identity, long expiresAt) {}

    @PostConstruct
    void init() {
        verified = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String token, Verified v, long now) {
                        long left = v.expiresAt() - clock.millis() / 1000;
                        return TimeUnit.SECONDS.toNanos(Math.max(0, left));
                    }

                    @Override
                    public long expireAfterUpdate(String token, Verified v, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, Verified v, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!config.enabled() || !(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getToken().getToken();
        Verified hit = verified.getIfPresent(token);
        if (hit != null && inTime(hit)) {
            count("hit");
            return Uni.createFrom().item(forRequest(hit.identity(), request, context));
        }
        count("miss");
        return oidc.authenticate(request, context).invoke(identity -> keep(token, identity));
    }

    /** Whether the token has not expired yet, as quarkus-oidc counts it (no grace period). */
    private boolean inTime(Verified v) {
        return clock.millis() / 1000 < v.expiresAt();
    }

    private void keep(String token, SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            Verified v = new Verified(identity, jwt.getExpirationTime());
            if (inTime(v)) {
                verified.put(token, v);
            }
        }
    }

    /** The kept identity with this request's routing context, as quarkus-oidc would have built it for this request. */
    private static SecurityIdentity forRequest(
            SecurityIdentity kept, TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(kept);
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routing != null) {
            builder.addAttribute(RoutingContext.class.getName(), routing);
        }
        builder.addAttribute(AuthenticationRequestContext.class.getName(), context);
        return builder.build();
    }

    private void count(String result) {
        if (registry.isResolvable()) {
            registry.get()
                    .counter("sinergi.token.cache.requests", "result", result)
                    .increment();
        }
    }

    /** How many verified tokens are kept now (after dropping the expired ones); for tests. */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
