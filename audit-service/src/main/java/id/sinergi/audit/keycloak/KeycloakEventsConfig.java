package id.sinergi.audit.keycloak;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * Settings of the puller that copies Keycloak's login and admin events into the log, under
 * {@code sinergi.audit.keycloak} (docs/audit.md, "Keycloak's events"). The service account's client and secret are
 * {@code quarkus.oidc-client.*}.
 */
@ConfigMapping(prefix = "sinergi.audit.keycloak")
public interface KeycloakEventsConfig {

    /** How often the puller reads Keycloak's new events ({@code 5s}; {@code off} stops it). */
    @WithDefault("5s")
    String pullInterval();

    /**
     * The realm whose events are read, as its issuer URL, e.g. {@code http://127.0.0.1:8180/realms/sinergi}; the
     * Admin REST API is read at the same host under {@code /admin/realms/<realm>}. The realm the services'
     * tokens come from, by default.
     */
    @WithDefault("${quarkus.oidc.auth-server-url}")
    String realmUrl();

    /**
     * How far behind its cursor a pull starts reading again: an event Keycloak stores up to this long after the
     * time it carries is still read. Re-read events are skipped by their ids.
     */
    @WithDefault("2m")
    Duration overlap();

    /** Events asked for per request to Keycloak (1 to 1000). */
    @WithDefault("200")
    @Min(1)
    @Max(1000)
    int pageSize();

    /** The most requests of one stream one pull makes; a backlog is read over several pulls. */
    @WithDefault("25")
    @Min(1)
    int maxPages();

    /** How long a request to Keycloak may take before the pull gives up until the next one. */
    @WithDefault("10s")
    Duration requestTimeout();
}
