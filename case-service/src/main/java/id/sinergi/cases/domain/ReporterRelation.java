package id.sinergi.cases.domain;

/** Who reported the case: the worker, or someone for them, recorded as such. */
public enum ReporterRelation {
    /** The worker themselves. */
    WORKER,
    /** A member of the worker's family. */
    FAMILY,
    /** Anyone else reporting for the worker: a friend, an employer's neighbour, an NGO, a union. */
    OTHER_PROXY
}
