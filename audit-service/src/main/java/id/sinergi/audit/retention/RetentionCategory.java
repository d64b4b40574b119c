package id.sinergi.audit.retention;

import id.sinergi.audit.service.AccessTerms;
import id.sinergi.common.audit.AuditOutcome;
import java.util.Locale;

/**
 * The retention categories of the log: what kind of event an entry is, which decides how long its payload is kept.
 * Derived from the entry's service, action and outcome (see {@link #of}); each has a period in
 * {@link RetentionConfig}. The codes are part of every retention statement and must never change.
 */
public enum RetentionCategory {
    /** Reads, searches, lists and exports of workers' data. */
    ACCESS("akses data", "data access (reads)"),
    /** Registrations, merges, case reports and transitions, grants: changes to workers' data. */
    CHANGE("perubahan data", "changes to the data"),
    /** consent-service's decisions, grants and revocations: the proof of a lawful basis. */
    CONSENT("keputusan persetujuan", "consent decisions"),
    /** Denied and failed attempts, every vital-interest override, and Keycloak's logins and admin events. */
    SECURITY("keamanan", "security: denials, failures and overrides"),
    /** The log's own operations: queries, exports, proofs, verifications, holds, reviews. */
    LOG("operasi log audit", "the audit log's own operations");

    /** The action of a retention statement: never expires, it is what makes the expiry of others checkable. */
    public static final String STATEMENT_ACTION = "audit.retention.purge";

    /** The service (and action prefix) of the events audit-service pulls from Keycloak. */
    private static final String KEYCLOAK = "keycloak";

    private final String term;
    private final String gloss;

    RetentionCategory(String term, String gloss) {
        this.term = term;
        this.gloss = gloss;
    }

    /** The Indonesian term shown to users. */
    public String term() {
        return term;
    }

    /** The English gloss beside it. */
    public String gloss() {
        return gloss;
    }

    /** The configuration key of its period, e.g. {@code access}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The category of an entry: the log's own operations first (audit-service's {@code audit.*} actions), then
     * security (Keycloak's events, an outcome other than SUCCESS, or a vital-interest action), then consent
     * (consent-service's events and {@code consent.*} actions), then reads (an action whose last word reads, as the
     * access log names them), and everything else is a change. The database computes the same in
     * {@code audit_retention_category()} (migration V7), which {@code audit_expire()} uses; change both together.
     */
    public static RetentionCategory of(String service, String action, AuditOutcome outcome) {
        if ("audit-service".equals(service) && action.startsWith("audit.")) {
            return LOG;
        }
        if (KEYCLOAK.equals(service)
                || action.startsWith(KEYCLOAK + ".")
                || outcome != AuditOutcome.SUCCESS
                || action.contains("vital-interest")) {
            return SECURITY;
        }
        if ("consent-service".equals(service) || action.startsWith("consent.")) {
            return CONSENT;
        }
        return AccessTerms.categoryOf(action) == AccessTerms.Category.READ ? ACCESS : CHANGE;
    }
}
