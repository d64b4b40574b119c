package id.sinergi.identity.domain;

import id.sinergi.common.security.Agency;

/**
 * A system that feeds worker records, the ministry that owns it, and how far its word counts.
 *
 * <p>Precedence: a worker's attributes come from the highest-ranked source that has a record for them, and within
 * that source from its latest record; a lower-ranked source never overwrites them. SiskoP2MI, the placement
 * authority whose records are verified at the LTSA, outranks Peduli WNI, where citizens register themselves.
 */
public enum Source {
    /** KemenP2MI's migrant-worker system. */
    SISKOP2MI(Agency.KEMENP2MI, 2),
    /** Kemlu's portal for citizens abroad. */
    PEDULI_WNI(Agency.KEMLU, 1);

    private final Agency owner;
    private final int rank;

    Source(Agency owner, int rank) {
        this.owner = owner;
        this.rank = rank;
    }

    /** The only agency whose callers may register records of this source. */
    public Agency owner() {
        return owner;
    }

    /** The source's place in the precedence: the higher, the more its records count. */
    public int rank() {
        return rank;
    }

    /** Whether this source's records count more than the other's. */
    public boolean outranks(Source other) {
        return rank > other.rank;
    }
}
