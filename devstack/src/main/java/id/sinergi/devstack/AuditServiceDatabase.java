package id.sinergi.devstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * How audit-service reaches its database: Flyway migrates as the server's admin user (the owner of the tables),
 * while the service itself runs as {@value #APP_ROLE}, which the migration grants SELECT and INSERT only, so the
 * running service cannot change or remove what the log holds. LOCAL ONLY: the role's password below exists for the
 * local run and the tests; production takes both credentials from Secrets.
 */
public final class AuditServiceDatabase {

    /** The role audit-service runs as. */
    public static final String APP_ROLE = "sinergi_audit_app";

    /** LOCAL ONLY. */
    static final String APP_PASSWORD = "local-only-sinergi-audit-app";

    private AuditServiceDatabase() {}

    /** Makes the app role and gives the settings (system properties) that use it. */
    public static Map<String, String> config(PostgresServer server, PostgresServer.Database db) {
        server.loginRole(APP_ROLE, APP_PASSWORD);
        return Map.of("quarkus.datasource.username", APP_ROLE, "quarkus.flyway.username", db.user());
    }

    /**
     * A fresh master key for the events' personal details (base64 of 32 random bytes), which the prod profile
     * requires. LOCAL ONLY: made per run, so a suite's details are unreadable to the next one; production takes it
     * from a Secret.
     */
    public static String newDetailsMasterKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * The passwords, as environment variables. Quarkus wants a Flyway password whenever Flyway has a user of its
     * own; under trust authentication (the local server and the embedded one) the admin has none, and any value
     * passes, so a placeholder stands in.
     */
    public static Map<String, String> secrets(PostgresServer.Database db) {
        String ownerPassword = db.password().isEmpty() ? "unused-under-trust-authentication" : db.password();
        return Map.of("QUARKUS_DATASOURCE_PASSWORD", APP_PASSWORD, "QUARKUS_FLYWAY_PASSWORD", ownerPassword);
    }
}
