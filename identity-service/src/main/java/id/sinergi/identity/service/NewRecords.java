package id.sinergi.identity.service;

import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchCandidate;
import id.sinergi.identity.domain.MatchKey;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerStatus;
import id.sinergi.identity.linking.Linker;
import id.sinergi.identity.linking.MatchEngine;
import id.sinergi.identity.linking.MatchIndex;
import id.sinergi.identity.linking.WorkerAssembly;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.matching.MatchRecord;
import id.sinergi.identity.matching.WorkerMatcher.Candidate;
import id.sinergi.identity.matching.WorkerMatcher.Decision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

/**
 * Matches and stores records the index has not seen, a batch at a time, inside the caller's transaction.
 *
 * <p>A batch costs a handful of statements whatever its size: one takes the advisory locks of all its blocking
 * keys (so no other transaction can store a record under one of them until this one commits), two find the stored
 * records under those keys, two load the existing workers that records link to with their other records, and the
 * inserts and updates leave batched at the flush. Each record is matched, in row order, against the stored
 * candidates and against the batch's earlier records, so two rows of one person in one file meet as two requests
 * would.
 */
@ApplicationScoped
class NewRecords {

    @Inject
    MatchEngine engine;

    @Inject
    MatchIndex index;

    @Inject
    Linker linker;

    /** What became of one new record. */
    private record Stored(SourceRecord record, RegistrationOutcome outcome, MatchClass match, boolean inReview) {}

    /** Registers the records, which carry their content and a fresh id; one registration each, in order. */
    Uni<List<Registration>> register(List<SourceRecord> records, String actor) {
        Batch batch = new Batch(records);
        long[] keys = batch.allKeys();
        return index.lock(keys)
                .flatMap(locked -> index.recordsByKey(keys))
                .call(stored -> promotedHolders(records).invoke(promoted -> batch.promoted = promoted))
                .flatMap(stored -> matchAndStore(records, batch, stored, actor));
    }

    private Uni<List<Registration>> matchAndStore(
            List<SourceRecord> records, Batch batch, Map<Long, List<SourceRecord>> stored, String actor) {
        List<Stored> results = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            results.add(decide(record, batch, stored, actor));
        }
        return linkedWorkers(batch).flatMap(workers -> {
            rebuild(batch, workers);
            return persist(batch)
                    .map(persisted ->
                            results.stream().map(r -> registration(r, workers)).toList());
        });
    }

    /** Matches one record and records what follows from the decision in the batch, not yet persisted. */
    private Stored decide(SourceRecord record, Batch batch, Map<Long, List<SourceRecord>> stored, String actor) {
        Decision<UUID> decision =
                engine.matcher().decide(MatchEngine.recordOf(record), batch.candidateWorkers(record, stored));
        Stored result;
        if (decision.matchClass() == MatchClass.MATCH) {
            Candidate<UUID> match = decision.candidates().stream()
                    .filter(c -> c.worker().equals(decision.linkTo()))
                    .findFirst()
                    .orElseThrow();
            record.workerId = match.worker();
            record.linkKind = LinkKind.AUTO;
            batch.events.add(linker.scored(LinkAction.AUTO_LINKED, match.worker(), record, match, actor));
            batch.linkedTo.add(match.worker());
            result = new Stored(record, RegistrationOutcome.LINKED, MatchClass.MATCH, false);
        } else {
            Worker worker = linker.founded(record, record.receivedAt);
            batch.founded.put(worker.id, worker);
            LinkEvent created = LinkEvent.of(LinkAction.CREATED, worker.id, record.id, actor, record.receivedAt);
            created.matchClass = decision.matchClass().name();
            created.rulesVersion = engine.rulesVersion();
            batch.events.add(created);
            for (Candidate<UUID> candidate : decision.candidates()) {
                Linker.Question q = linker.question(record, candidate, actor);
                batch.questions.add(q.question());
                batch.events.add(q.opened());
            }
            result = new Stored(
                    record,
                    RegistrationOutcome.CREATED,
                    decision.matchClass(),
                    !decision.candidates().isEmpty());
        }
        batch.remember(record);
        return result;
    }

    /**
     * The active workers whose NIK was set by promotion and is the NIK of a record of the batch, with their
     * records, by NIK. None of their records carries that NIK, so no blocking key finds them by it; they join the
     * candidates of the records with their NIK, which makes them a match or a review question, never a stranger.
     */
    private static Uni<Map<String, Map<UUID, List<MatchRecord>>>> promotedHolders(List<SourceRecord> records) {
        List<String> niks = records.stream()
                .map(r -> r.nik)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        if (niks.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Worker.<Worker>list("nik in ?1 and nikPromoted = true and status = ?2", niks, WorkerStatus.ACTIVE)
                .flatMap(holders -> {
                    if (holders.isEmpty()) {
                        return Uni.createFrom().item(Map.<String, Map<UUID, List<MatchRecord>>>of());
                    }
                    Map<UUID, Worker> byId = new HashMap<>();
                    holders.forEach(w -> byId.put(w.id, w));
                    return SourceRecord.forWorkers(List.copyOf(byId.keySet())).map(held -> {
                        Map<String, Map<UUID, List<MatchRecord>>> byNik = new HashMap<>();
                        for (SourceRecord r : held) {
                            Worker w = byId.get(r.workerId);
                            byNik.computeIfAbsent(w.nik, n -> new LinkedHashMap<>())
                                    .computeIfAbsent(w.id, id -> new ArrayList<>())
                                    .add(MatchEngine.recordOf(r, w.nik));
                        }
                        return byNik;
                    });
                });
    }

    /** The stored workers that records of the batch link to, with all their records; each must be active. */
    private Uni<Map<UUID, Worker>> linkedWorkers(Batch batch) {
        List<UUID> ids = batch.linkedTo.stream()
                .filter(id -> !batch.founded.containsKey(id))
                .toList();
        Map<UUID, Worker> workers = new HashMap<>(batch.founded);
        if (ids.isEmpty()) {
            return Uni.createFrom().item(workers);
        }
        return Worker.<Worker>list("id in ?1", ids)
                .flatMap(found -> SourceRecord.forWorkers(ids).map(records -> {
                    for (Worker w : found) {
                        if (w.status != WorkerStatus.ACTIVE) {
                            throw ProblemException.conflict(
                                    "worker-merged",
                                    "Worker merged",
                                    "Worker " + w.id + " was merged into " + w.mergedInto);
                        }
                        workers.put(w.id, w);
                    }
                    records.forEach(batch::addStoredRecord);
                    return workers;
                }));
    }

    /** Rebuilds the view of every worker that gained a record by an automatic link. */
    private void rebuild(Batch batch, Map<UUID, Worker> workers) {
        for (UUID id : batch.linkedTo) {
            Worker worker = workers.get(id);
            if (worker == null) {
                throw ProblemException.notFound("Worker " + id);
            }
            WorkerAssembly.apply(worker, batch.recordsOf(id), linker.today(), linker.now());
        }
    }

    /** Persists the batch's new rows, parents first, each kind together so that the flush batches its inserts. */
    private static Uni<Void> persist(Batch batch) {
        List<Object> rows = new ArrayList<>(batch.founded.values());
        rows.addAll(batch.records);
        rows.addAll(batch.events);
        rows.addAll(batch.questions);
        rows.addAll(batch.keyRows());
        return Panache.getSession().flatMap(session -> session.persistAll(rows.toArray()));
    }

    private static Registration registration(Stored s, Map<UUID, Worker> workers) {
        Worker w = workers.get(s.record().workerId);
        return new Registration(w.id, s.record().id, s.outcome(), s.match(), s.inReview(), w.assurance, w.flags);
    }

    /** The batch's records with their keys, what their matching decided, and the index of its earlier records. */
    private static final class Batch {
        final List<SourceRecord> records;
        final Map<UUID, long[]> keys = new HashMap<>();
        final Map<Long, List<SourceRecord>> earlier = new HashMap<>();
        final Map<UUID, Worker> founded = new LinkedHashMap<>();
        final Set<UUID> linkedTo = new HashSet<>();
        final List<LinkEvent> events = new ArrayList<>();
        final List<MatchCandidate> questions = new ArrayList<>();
        final Map<UUID, List<SourceRecord>> storedByWorker = new HashMap<>();
        Map<String, Map<UUID, List<MatchRecord>>> promoted = Map.of();

        Batch(List<SourceRecord> records) {
            this.records = records;
            records.forEach(r -> keys.put(r.id, MatchEngine.keysOf(r)));
        }

        long[] allKeys() {
            return keys.values().stream()
                    .flatMapToLong(LongStream::of)
                    .distinct()
                    .sorted()
                    .toArray();
        }

        /** Stored records and earlier records of the batch that share a key with this one, at most the cap. */
        List<SourceRecord> candidatesOf(SourceRecord record, Map<Long, List<SourceRecord>> stored) {
            Map<UUID, SourceRecord> found = new LinkedHashMap<>();
            for (long key : keys.get(record.id)) {
                stored.getOrDefault(key, List.of()).forEach(r -> found.putIfAbsent(r.id, r));
                earlier.getOrDefault(key, List.of()).forEach(r -> found.putIfAbsent(r.id, r));
            }
            found.remove(record.id);
            return found.values().stream()
                    .limit(MatchIndex.MAX_CANDIDATE_RECORDS)
                    .toList();
        }

        /** The candidates by worker: those sharing a key, and the workers promoted to the record's NIK. */
        Map<UUID, List<MatchRecord>> candidateWorkers(SourceRecord record, Map<Long, List<SourceRecord>> stored) {
            Map<UUID, List<MatchRecord>> byWorker = new LinkedHashMap<>();
            for (SourceRecord c : candidatesOf(record, stored)) {
                byWorker.computeIfAbsent(c.workerId, w -> new ArrayList<>()).add(MatchEngine.recordOf(c));
            }
            if (record.nik != null) {
                byWorker.putAll(promoted.getOrDefault(record.nik, Map.of()));
            }
            return byWorker;
        }

        void remember(SourceRecord record) {
            for (long key : keys.get(record.id)) {
                earlier.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
        }

        void addStoredRecord(SourceRecord record) {
            storedByWorker
                    .computeIfAbsent(record.workerId, w -> new ArrayList<>())
                    .add(record);
        }

        /** All records of the worker after this batch: the stored ones and the batch's, oldest first. */
        List<SourceRecord> recordsOf(UUID workerId) {
            List<SourceRecord> all = new ArrayList<>(storedByWorker.getOrDefault(workerId, List.of()));
            records.stream().filter(r -> workerId.equals(r.workerId)).forEach(all::add);
            all.sort(Comparator.comparing((SourceRecord r) -> r.receivedAt).thenComparing(r -> r.id));
            return all;
        }

        List<MatchKey> keyRows() {
            List<MatchKey> rows = new ArrayList<>();
            records.forEach(r -> rows.addAll(MatchIndex.entries(r.id, keys.get(r.id))));
            return rows;
        }
    }
}
