package id.sinergi.audit.keycloak;

/** Keycloak's two event streams, each with a cursor of its own. */
enum KeycloakStream {
    /** Login events: logins, their failures, logouts, token exchanges, impersonations, credential changes. */
    USER("user", 0x4b43555345524cL),
    /** Admin events: what administrators changed, e.g. a role granted or removed. */
    ADMIN("admin", 0x4b4341444d494eL);

    private final String code;
    private final long lock;

    KeycloakStream(String code, long lock) {
        this.code = code;
        this.lock = lock;
    }

    /** The stream's name in keycloak_pull and the metrics. */
    String code() {
        return code;
    }

    /** The advisory lock key that makes one puller of this stream at a time ("KCUSERL", "KCADMIN" in ASCII). */
    long lock() {
        return lock;
    }
}
