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
}
