package id.sinergi.identity.linking;

import id.sinergi.identity.domain.MatchKey;
import id.sinergi.identity.domain.SourceRecord;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The blocking index in PostgreSQL: which stored records share a key with a new one, and the locks that keep two
 * registrations of the same person from both founding a worker.
 */
@ApplicationScoped
public class MatchIndex {

    /** More candidate records than this means the keys are not selective; the first ones found still get scored. */
    public static final int MAX_CANDIDATE_RECORDS = 500;

    /**
     * Takes a transaction-scoped advisory lock per key, in ascending order, in one statement. Two records that
     * could match share a key, so they are matched one after the other and the second sees the first; records
     * without a shared key cannot match and do not wait for each other. Two transactions cannot wait on each other
     * in a cycle as long as each takes all the locks it needs in one call, before it holds any: a request, a bulk
     * batch and a re-run page each do.
     */
    public Uni<Void> lock(long[] keyHashes) {
        if (keyHashes.length == 0) {
            return Uni.createFrom().voidItem();
        }
        // The keys are longs we computed, never caller text, so writing them into the statement is safe.
        String locks = Arrays.stream(keyHashes)
                .sorted()
                .mapToObj(k -> "pg_advisory_xact_lock(" + k + ")")
                .collect(Collectors.joining(", "));
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery("select " + locks).getResultList())
                .replaceWithVoid();
    }

    /**
     * Stored records other than {@code self} that share at least one key. Two look-ups, each on a primary key
     * (the keys' index, then the records'), so the plan never depends on table statistics being fresh: a join
     * planned on stale statistics scans every record, and turns an intake quadratic. The first is plain SQL with
     * the keys written in (they are longs computed here), which skips Hibernate's query translation on the
     * hottest statement of an intake; the second loads the records by id.
     */
    public Uni<List<SourceRecord>> candidates(long[] keyHashes, UUID self) {
        if (keyHashes.length == 0) {
            return Uni.createFrom().item(List.of());
        }
        String keys = Arrays.stream(keyHashes).mapToObj(Long::toString).collect(Collectors.joining(","));
        String sql = "select distinct source_record_id from match_key where key_hash in (" + keys + ") limit "
                + (MAX_CANDIDATE_RECORDS + 1);
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, UUID.class)
                .getResultList()
                .flatMap(found -> {
                    Object[] ids = found.stream()
                            .filter(id -> !id.equals(self))
                            .limit(MAX_CANDIDATE_RECORDS)
                            .toArray();
                    return ids.length == 0
                            ? Uni.createFrom().item(List.<SourceRecord>of())
                            : session.find(SourceRecord.class, ids).map(records -> records.stream()
                                    .filter(Objects::nonNull)
                                    .toList());
                }));
    }

    /**
     * The stored records under each of these keys, at most {@link #MAX_CANDIDATE_RECORDS} + 1 per key: the
     * candidates of a whole batch of new records in two statements (key rows, then the records by id).
     */
    public Uni<Map<Long, List<SourceRecord>>> recordsByKey(long[] keyHashes) {
        if (keyHashes.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        String keys = Arrays.stream(keyHashes).mapToObj(Long::toString).collect(Collectors.joining(","));
        String sql = "select k.h, m.source_record_id from unnest(array[" + keys + "]::bigint[]) as k(h)"
                + " cross join lateral (select source_record_id from match_key where key_hash = k.h limit "
                + (MAX_CANDIDATE_RECORDS + 1) + ") m";
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .getResultList()
                .flatMap(rows -> {
                    Object[] ids = rows.stream().map(row -> row[1]).distinct().toArray();
                    if (ids.length == 0) {
                        return Uni.createFrom().item(Map.<Long, List<SourceRecord>>of());
                    }
                    return session.find(SourceRecord.class, ids).map(records -> {
                        Map<UUID, SourceRecord> byId = new HashMap<>();
                        records.stream().filter(Objects::nonNull).forEach(r -> byId.put(r.id, r));
                        Map<Long, List<SourceRecord>> byKey = new HashMap<>();
                        for (Object[] row : rows) {
                            SourceRecord r = byId.get((UUID) row[1]);
                            if (r != null) {
                                byKey.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                                        .add(r);
                            }
                        }
                        return byKey;
                    });
                }));
    }

    /** Stores the keys of a record the index has not seen. */
    public Uni<Void> add(UUID sourceRecordId, long[] keyHashes) {
        if (keyHashes.length == 0) {
            return Uni.createFrom().voidItem();
        }
        return MatchKey.persist(entries(sourceRecordId, keyHashes)).replaceWithVoid();
    }

    /** The index rows of a record's keys, to persist. */
    public static List<MatchKey> entries(UUID sourceRecordId, long[] keyHashes) {
        return Arrays.stream(keyHashes)
                .mapToObj(k -> new MatchKey(k, sourceRecordId))
                .toList();
    }

    /** Replaces a known record's keys with these. */
    public Uni<Void> replace(UUID sourceRecordId, long[] keyHashes) {
        return MatchKey.delete("sourceRecordId", sourceRecordId).flatMap(deleted -> add(sourceRecordId, keyHashes));
    }
}
