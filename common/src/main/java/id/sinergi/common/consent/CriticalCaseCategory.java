package id.sinergi.common.consent;

/**
 * The protection-case categories critical enough for a vital-interest authorisation (UU 27/2022 Pasal 20 ayat (2)
 * huruf d). consent-service accepts an authorisation only for one of these; case-service's case-category reference
 * data names, per category, which of these it is, if any. Kept here so both services read one list.
 */
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
