package id.sinergi.audit.domain;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The end of the chain, the single row of {@code chain_head}: the last seq and its hash.
 *
 * <p>Read and written with plain SQL rather than as an entity, so a value cached in the session can never stand
 * in for the locked row.
 *
 * @param lastSeq the seq of the last event, 0 for an empty log
 * @param lastHash the hash of the last event, {@link AuditChain#GENESIS} for an empty log
 */
public record ChainHead(long lastSeq, String lastHash) {

    /** Reads the head and locks it until the current transaction ends; appenders queue here. */
    public static Uni<ChainHead> lock() {
        return select("SELECT last_seq, last_hash FROM chain_head WHERE id = 1 FOR UPDATE");
    }

    /** Reads the head as last committed, without locking. */
    public static Uni<ChainHead> read() {
        return select("SELECT last_seq, last_hash FROM chain_head WHERE id = 1");
    }

    /** Moves the head to this value; call only while holding the lock. */
    public Uni<Void> store() {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("UPDATE chain_head SET last_seq = ?1, last_hash = ?2 WHERE id = 1")
                        .setParameter(1, lastSeq)
                        .setParameter(2, lastHash)
                        .executeUpdate())
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("chain_head has no row: the V1 migration inserts it");
                    }
                })
                .replaceWithVoid();
    }

    private static Uni<ChainHead> select(String sql) {
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(sql, Object[].class).getSingleResult())
                .map(row -> new ChainHead(((Number) row[0]).longValue(), (String) row[1]));
    }
}
