package id.sinergi.cases.domain;

import id.sinergi.common.security.Agency;

/**
 * The escalation ladder of a case: its officer, then the head of protection of the lead side, then the protection
 * directorate at home. Who stands on each step depends on the lead agency; {@link #holderTermId} and
 * {@link #holderGlossEn} name them.
 */
public enum EscalationLevel {
    /** Level 0: the officer handling the case; nothing escalated. */
    OFFICER,
    /** Level 1: the mission's head of protection when Kemlu leads; KemenP2MI's protection supervisor when it does. */
    HEAD_OF_PROTECTION,
    /** Level 2: Kemlu's Direktorat PWNI when Kemlu leads; KemenP2MI's protection directorate when it does. */
    PROTECTION_DIRECTORATE;

    /** The highest level. */
    public static final int TOP = PROTECTION_DIRECTORATE.level();

    /** The step's number: 0, 1 or 2. */
    public int level() {
        return ordinal();
    }

    /** The level of the number; the top level for a higher one. */
    public static EscalationLevel of(int level) {
        if (level < 0) {
            throw new IllegalArgumentException("escalation level " + level);
        }
        return values()[Math.min(level, TOP)];
    }

    /** Who stands on this step of a case led by {@code lead}, as the ministries name them. */
    public String holderTermId(Agency lead) {
        boolean kemlu = lead == Agency.KEMLU;
        return switch (this) {
            case OFFICER -> kemlu ? "Petugas pelindungan WNI perwakilan" : "Petugas pelindungan KemenP2MI";
            case HEAD_OF_PROTECTION ->
                kemlu ? "Kepala Fungsi Pelindungan WNI perwakilan" : "Penyelia pelindungan KemenP2MI";
            case PROTECTION_DIRECTORATE ->
                kemlu ? "Direktorat Pelindungan WNI (PWNI) Kemlu" : "Direktorat Pelindungan KemenP2MI";
        };
    }

    /** A short English gloss of {@link #holderTermId}. */
    public String holderGlossEn(Agency lead) {
        boolean kemlu = lead == Agency.KEMLU;
        return switch (this) {
            case OFFICER -> kemlu ? "the mission's protection officer" : "KemenP2MI's protection officer";
            case HEAD_OF_PROTECTION -> kemlu ? "the mission's head of protection" : "KemenP2MI's protection supervisor";
            case PROTECTION_DIRECTORATE ->
                kemlu
                        ? "Kemlu's directorate for the protection of citizens (PWNI)"
                        : "KemenP2MI's protection directorate";
        };
    }
}
