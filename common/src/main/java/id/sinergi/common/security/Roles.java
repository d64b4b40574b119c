package id.sinergi.common.security;

/** The realm roles of the {@code sinergi} Keycloak realm ({@code k8s/sinergi/files/realm/sinergi-realm.json}). */
public final class Roles {

    /** KemenP2MI officer: registers placements, records consent. */
    public static final String P2MI_OFFICER = "p2mi-officer";

    /** Kemlu officer at a mission abroad; sees only the mission in the token's {@code mission} claim. */
    public static final String CONSULAR_OFFICER = "consular-officer";

    /** Kemlu's protection directorate at home (Direktorat PWNI): every mission. */
    public static final String PWNI_HQ = "pwni-hq";

    /**
     * Supervises protection cases: a mission's head of protection (with a {@code mission} claim: that mission's
     * cases) or KemenP2MI's (the cases KemenP2MI leads). Approves or rejects closing a case. Held beside the
     * officer's own role.
     */
    public static final String PROTECTION_SUPERVISOR = "protection-supervisor";

    /** The security team: reads and verifies the audit log. */
    public static final String SECURITY_AUDITOR = "security-auditor";

    /** The platform team: runs the suite, sees no worker data. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    /** An internal app feeding source records: the SiskoP2MI connector or the Peduli WNI portal. */
    public static final String SOURCE_CONNECTOR = "source-connector";

    /** A Sinergi service's own account (client credentials): may deliver audit events. */
    public static final String SINERGI_SERVICE = "sinergi-service";

    /** The other ministry's witness of the audit log: co-signs checkpoints it has checked. */
    public static final String AUDIT_WITNESS = "audit-witness";

    private Roles() {}
}
