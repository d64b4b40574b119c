package id.sinergi.identity.domain;

import id.sinergi.common.security.Agency;

/** A system that feeds worker records, and the ministry that owns it. */
public enum Source {
    /** KemenP2MI's migrant-worker system. */
    SISKOP2MI(Agency.KEMENP2MI),
    /** Kemlu's portal for citizens abroad. */
    PEDULI_WNI(Agency.KEMLU);

    private final Agency owner;

    Source(Agency owner) {
        this.owner = owner;
    }

    /** The only agency whose callers may register records of this source. */
    public Agency owner() {
        return owner;
    }
}
