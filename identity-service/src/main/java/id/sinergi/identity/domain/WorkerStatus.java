package id.sinergi.identity.domain;

/** Whether a worker is the live record of a person, or was merged into another worker. */
public enum WorkerStatus {
    ACTIVE,
    MERGED
}
