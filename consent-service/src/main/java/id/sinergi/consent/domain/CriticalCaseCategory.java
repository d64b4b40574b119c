package id.sinergi.consent.domain;

/** The protection-case categories critical enough for a vital-interest authorisation. */
public enum CriticalCaseCategory {
    /** Ancaman terhadap nyawa. */
    DANGER_TO_LIFE,
    /** Tindak pidana perdagangan orang (TPPO). */
    TRAFFICKING,
    /** Penahanan. */
    DETENTION,
    /** Meninggal dunia. */
    DEATH,
    /** Kekerasan (by the employer or others). */
    VIOLENCE
}
