package id.sinergi.audit.client;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the audit outbox relay, under {@code sinergi.audit}. */
@ConfigMapping(prefix = "sinergi.audit")
public interface AuditConfig {

    /** The name this service gives itself in audit events; defaults to the application name. */
    @WithName("service-name")
    @WithDefault("${quarkus.application.name}")
    String serviceName();

    /** How many events one relay round sends at most. */
    @WithName("relay-batch-size")
    @WithDefault("200")
    int relayBatchSize();

    /** How often the relay looks for undelivered events ({@code 1s}; {@code off} stops it, as the tests do). */
    @WithName("relay-interval")
    @WithDefault("1s")
    String relayInterval();

    /** How long after start-up the relay first runs. */
    @WithName("relay-delay")
    @WithDefault("2s")
    String relayDelay();
}
