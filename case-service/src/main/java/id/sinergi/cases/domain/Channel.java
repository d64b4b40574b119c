package id.sinergi.cases.domain;

/** How a case reached Sinergi. */
public enum Channel {
    /** Kemlu's Peduli WNI portal or its Safe Travel app. */
    PEDULI_WNI,
    /** KemenP2MI's Crisis Center. */
    CRISIS_CENTER,
    /** In person at a mission abroad. */
    MISSION_WALK_IN,
    /** A mission's or ministry's hotline. */
    HOTLINE,
    /** The worker's family at home. */
    FAMILY
}
