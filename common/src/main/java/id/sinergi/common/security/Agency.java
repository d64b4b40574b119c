package id.sinergi.common.security;

/** The two ministries that share data through Sinergi; the value of the token's {@code agency} claim. */
public enum Agency {
    /** Kementerian Pelindungan Pekerja Migran Indonesia (ministry for migrant workers), owner of SiskoP2MI. */
    KEMENP2MI,
    /** Kementerian Luar Negeri (foreign ministry), owner of Peduli WNI and of the missions abroad. */
    KEMLU;

    /** Whether a claim's value names one of the two ministries, exactly as the enum does. */
    public static boolean isAgency(Object claim) {
        if (claim instanceof String value) {
            for (Agency agency : values()) {
                if (agency.name().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }
}
