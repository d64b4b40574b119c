package id.sinergi.audit.details;

/** What became of an event's details when they are read back. */
public enum DetailsStatus {
    /** Opened with the worker's key; the details are shown. */
    PRESENT,
    /** The worker's key was destroyed (DELETE /api/workers/{workerId}/audit-key): they can never be read again. */
    ERASED,
    /**
     * The key is there but does not open them: the master key configured is not the one that wrapped the worker's
     * key, or the stored bytes were changed (verification then names the row). An operator's problem, not an
     * erasure.
     */
    UNREADABLE
}
