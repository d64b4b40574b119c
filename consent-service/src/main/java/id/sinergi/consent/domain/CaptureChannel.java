package id.sinergi.consent.domain;

/** How a grant was captured. */
public enum CaptureChannel {
    /** By the worker in their own app or portal (mandiri). */
    SELF_SERVICE,
    /** With an officer, at a service point or a mission (didampingi petugas). */
    ASSISTED,
    /** Recorded before capture was recorded (migration V3); nothing is known of how. */
    UNRECORDED
}
