package id.sinergi.audit.alert;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of review task: the alert rules on sealed events (four on the suite's own events, three on Keycloak's),
 * and an auditor's random sample.
 */
public enum AlertRule {
    MASS_READ("mass-read", "Banyak pekerja dibaca dalam waktu singkat", "Many workers read in a short time"),
    OUT_OF_SCOPE(
            "out-of-scope",
            "Upaya akses di luar wilayah tugas perwakilan",
            "Access attempt outside the officer's mission"),
    DENIAL_BURST("denial-burst", "Rentetan akses yang ditolak", "Burst of denied access"),
    VITAL_INTEREST(
            "vital-interest", "Penggunaan kepentingan vital tanpa persetujuan", "Vital-interest override of consent"),
    IMPERSONATION(
            "impersonation", "Peniruan identitas pengguna (impersonasi) di Keycloak", "Impersonation in Keycloak"),
    ROLE_CHANGE(
            "role-change",
            "Perubahan peran atau keanggotaan grup di Keycloak",
            "Role or group membership change in Keycloak"),
    SCOPE_CHANGE(
            "scope-change",
            "Perubahan wilayah tugas (instansi atau perwakilan) pengguna di Keycloak",
            "Change of a user's scope (agency or mission) in Keycloak"),
    SAMPLE("sample", "Tinjauan sampel acak", "Random sample review");

    private final String code;
    private final String labelId;
    private final String labelEn;

    AlertRule(String code, String labelId, String labelEn) {
        this.code = code;
        this.labelId = labelId;
        this.labelEn = labelEn;
    }

    /** The rule's name in the API, the database and the metrics, e.g. {@code mass-read}. */
    public String code() {
        return code;
    }

    /** The label in Indonesian. */
    public String labelId() {
        return labelId;
    }

    /** The label in English. */
    public String labelEn() {
        return labelEn;
    }

    /** The rule of this code, if any. */
    public static Optional<AlertRule> ofCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
}
