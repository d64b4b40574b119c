package id.sinergi.identity.domain;

import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.security.Agency;

/**
 * A system that feeds worker records, the ministry that owns it, the basis on which that ministry reads its own
 * records, and how far its word counts.
 *
 * <p>Precedence: a worker's attributes come from the highest-ranked source that has a record for them, and within
 * that source from its latest record; a lower-ranked source never overwrites them. SiskoP2MI, the placement
 * authority whose records are verified at the LTSA, outranks Peduli WNI, where citizens register themselves.
 */
public enum Source {
    /**
     * KemenP2MI's migrant-worker system. UU 18/2017 obliges the ministry to run the placement and protection
     * information system, so it reads its own records by legal obligation.
     */
    SISKOP2MI(Agency.KEMENP2MI, LawfulBasis.LEGAL_OBLIGATION, 2),
    /**
     * Kemlu's portal for citizens abroad. The missions keep these records to protect citizens abroad, a task of
     * lawful authority, so Kemlu reads its own records on that basis.
     */
    PEDULI_WNI(Agency.KEMLU, LawfulBasis.PUBLIC_TASK, 1);

    private final Agency owner;
    private final LawfulBasis ownerBasis;
    private final int rank;

    Source(Agency owner, LawfulBasis ownerBasis, int rank) {
        this.owner = owner;
        this.ownerBasis = ownerBasis;
        this.rank = rank;
    }

    /** The only agency whose callers may register records of this source. */
    public Agency owner() {
        return owner;
    }

    /** The lawful basis (UU 27/2022 Pasal 20) on which the owner reads its own records, without asking consent. */
    public LawfulBasis ownerBasis() {
        return ownerBasis;
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
