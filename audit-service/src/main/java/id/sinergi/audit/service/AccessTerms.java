package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Roles;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words a worker reads in their access log: what kind of processing an action was, who the agency and the
 * role are, how it ended and why, each as an Indonesian term with an English gloss.
 */
public final class AccessTerms {

    /** What kind of processing an event was. */
    public enum Category {
        READ("melihat data", "viewed the data"),
        CHANGE("mengubah data", "changed the data"),
        DECISION("mengambil keputusan", "made a decision about the data"),
        OTHER("pemrosesan lain", "other processing");

        private final String term;
        private final String gloss;

        Category(String term, String gloss) {
            this.term = term;
            this.gloss = gloss;
        }

        public PlainTerm plain() {
            return new PlainTerm(name(), term, gloss);
        }
    }

    /** The last word of an action ({@code <resource>.<verb>}) that reads. */
    private static final Set<String> READS = Set.of("read", "list", "search", "query", "summary", "export", "view");

    /** The last word of an action that decides whether or how data may be used. */
    private static final Set<String> DECISIONS = Set.of("decision", "decide", "invoke", "renew", "review");

    /** The last word of an action that records or changes data. */
    private static final Set<String> CHANGES = Set.of(
            "register",
            "bulk",
            "merge",
            "promote",
            "unlink",
            "link",
            "report",
            "transition",
            "grant",
            "revoke",
            "activate",
            "pause",
            "expire",
            "reject",
            "confirm",
            "issue",
            "status",
            "create",
            "update",
            "correct",
            "delete",
            "destroy");

    /** The realm roles a person may act in, most specific first: the first the actor held is shown. */
    private static final List<String> ROLE_ORDER = List.of(
            Roles.CONSULAR_OFFICER,
            Roles.PWNI_HQ,
            Roles.P2MI_OFFICER,
            Roles.SECURITY_AUDITOR,
            Roles.PLATFORM_ADMIN,
            Roles.SOURCE_CONNECTOR,
            Roles.SINERGI_SERVICE,
            Roles.AUDIT_WITNESS);

    private static final Map<String, String[]> ROLES = Map.of(
            Roles.CONSULAR_OFFICER,
            new String[] {"petugas konsuler", "consular officer at a mission abroad"},
            Roles.PWNI_HQ,
            new String[] {"Direktorat Pelindungan WNI", "the foreign ministry's citizen-protection directorate"},
            Roles.P2MI_OFFICER,
            new String[] {"petugas KemenP2MI", "officer of the migrant-worker ministry"},
            Roles.SECURITY_AUDITOR,
            new String[] {"tim keamanan", "the security team that audits the log"},
            Roles.PLATFORM_ADMIN,
            new String[] {"administrator platform", "platform administrator"},
            Roles.SOURCE_CONNECTOR,
            new String[] {"aplikasi sumber data", "a source application (SiskoP2MI or the Peduli WNI portal)"},
            Roles.SINERGI_SERVICE,
            new String[] {"layanan sistem Sinergi", "an automated Sinergi service"},
            Roles.AUDIT_WITNESS,
            new String[] {"saksi log audit", "a witness of the audit log"});

    private AccessTerms() {}

    /** The category of an action, from its last word; {@link Category#OTHER} for a word not listed. */
    public static Category categoryOf(String action) {
        String verb = action.substring(action.lastIndexOf('.') + 1);
        if (READS.contains(verb)) {
            return Category.READ;
        }
        if (DECISIONS.contains(verb)) {
            return Category.DECISION;
        }
        return CHANGES.contains(verb) ? Category.CHANGE : Category.OTHER;
    }

    static PlainTerm category(String action) {
        return categoryOf(action).plain();
    }

    public static PlainTerm agency(String code) {
        if (Agency.KEMLU.name().equals(code)) {
            return new PlainTerm(code, "Kementerian Luar Negeri", "Ministry of Foreign Affairs");
        }
        if (Agency.KEMENP2MI.name().equals(code)) {
            return new PlainTerm(
                    code,
                    "Kementerian Pelindungan Pekerja Migran Indonesia",
                    "Ministry for the Protection of Indonesian Migrant Workers");
        }
        return PlainTerm.unknown(code);
    }

    /** The role the actor acted in: the first of {@link #ROLE_ORDER} they held, or null when none is known. */
    static PlainTerm role(List<String> roles) {
        if (roles == null) {
            return null;
        }
        for (String role : ROLE_ORDER) {
            if (roles.contains(role)) {
                String[] words = ROLES.get(role);
                return new PlainTerm(role, words[0], words[1]);
            }
        }
        return null;
    }

    public static PlainTerm outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCESS -> new PlainTerm(outcome.name(), "berhasil", "done");
            case DENIED -> new PlainTerm(outcome.name(), "ditolak", "refused");
            case FAILED -> new PlainTerm(outcome.name(), "gagal", "failed");
        };
    }

    public static PlainTerm purpose(String code) {
        if (code == null) {
            return null;
        }
        return Purpose.named(code)
                .map(p -> new PlainTerm(code, p.term(), p.gloss()))
                .orElseGet(() -> PlainTerm.unknown(code));
    }
}
