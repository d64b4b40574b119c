package id.sinergi.consent.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a grant stands, and which status may follow which. Only an ACTIVE grant inside its validity window
 * permits; REVOKED, EXPIRED and REJECTED are final.
 */
public enum GrantStatus {
    /** Recorded, waiting for the worker to confirm it (menunggu konfirmasi). */
    PENDING,
    /** In force within its validity window (berlaku). */
    ACTIVE,
    /** Held by or for the worker for a while; decisions deny until it is resumed (ditangguhkan). */
    PAUSED,
    /** Withdrawn by or for the worker; decisions deny from the next call on (dicabut). */
    REVOKED,
    /** Past its validity window (kedaluwarsa); set by the clock only. */
    EXPIRED,
    /** Declined by the worker while pending (ditolak). */
    REJECTED;

    /** The statuses this one may change to. */
    public Set<GrantStatus> next() {
        return switch (this) {
            case PENDING -> EnumSet.of(ACTIVE, REJECTED, EXPIRED);
            case ACTIVE -> EnumSet.of(PAUSED, REVOKED, EXPIRED);
            case PAUSED -> EnumSet.of(ACTIVE, REVOKED, EXPIRED);
            case REVOKED, EXPIRED, REJECTED -> EnumSet.noneOf(GrantStatus.class);
        };
    }

    public boolean mayBecome(GrantStatus target) {
        return next().contains(target);
    }

    /** Whether the clock can still expire a grant in this status. */
    public boolean isOpen() {
        return !next().isEmpty();
    }
}
