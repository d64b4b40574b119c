package id.sinergi.consent.domain;

/** Where an assisted capture took place. */
public enum CapturePlace {
    /** A service point at home: an LTSA, a BP3MI/UPT office, the ministry. */
    SERVICE_POINT,
    /** A mission abroad (perwakilan RI), named by the officer's token. */
    MISSION
}
