package id.sinergi.identity.linking;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchExclusion;
import id.sinergi.identity.domain.MatchExclusion.Exclusions;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerStatus;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.matching.MatchRecord;
import id.sinergi.identity.matching.WorkerMatcher.Candidate;
import id.sinergi.identity.matching.WorkerMatcher.Decision;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Re-matching under the current rules, a page of workers at a time (after a rule change, or to catch links that
 * records arriving later made possible). Only automatic decisions are revisited, and only forward: a record that
 * founded its worker alone joins the older worker it now matches; any other match becomes a review question. Manual
 * links are never moved, pairs a reviewer rejected are never proposed again, and no automatic link is undone
 * (undoing one is a reviewer's unlink).
 */
@ApplicationScoped
public class MatchRuns {

    /** What one page of a run did. */
    public record RunPage(int workers, int records, int linked, int questionsOpened, UUID next) {}

    @Inject
    MatchEngine engine;

    @Inject
    MatchIndex index;

    @Inject
    Linker linker;

    @Inject
    Moves moves;

    @Inject
    AuditTrail audit;

    /** Re-matches the records of up to {@code limit} live workers with ids after {@code after} (null: the first). */
    public Uni<RunPage> run(UUID after, int limit, AuditActor actor) {
        AtomicInteger records = new AtomicInteger();
        AtomicInteger linked = new AtomicInteger();
        AtomicInteger opened = new AtomicInteger();
        return Panache.withTransaction(() -> page(after, limit)
                .call(this::lockKeysOf)
                .call(workers -> Multi.createFrom()
                        .iterable(workers)
                        .onItem()
                        .transformToUniAndConcatenate(w -> rematchWorker(w, actor, records, linked, opened))
                        .collect()
                        .last())
                .map(workers -> new RunPage(
                        workers.size(),
                        records.get(),
                        linked.get(),
                        opened.get(),
                        workers.size() < limit ? null : workers.get(workers.size() - 1).id))
                .call(page -> audit.record(AuditEvent.of(audit.serviceName(), "matching.run", actor)
                        .reason("rules=" + engine.rulesVersion() + " workers=" + page.workers() + " linked="
                                + page.linked() + " questions=" + page.questionsOpened())
                        .build()))
                .invoke(page -> Log.infof(
                        "event=matching-run rules=%s workers=%d records=%d linked=%d questions=%d",
                        engine.rulesVersion(), page.workers(), page.records(), page.linked(), page.questionsOpened())));
    }

    /**
     * Takes the locks of every key of the page's records in one statement, in ascending order, before any record is
     * matched: a page that took them record by record could hold one key and wait for another that a bulk batch
     * holds while that batch waits for the first.
     */
    private Uni<Void> lockKeysOf(List<Worker> workers) {
        if (workers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return SourceRecord.forWorkers(workers.stream().map(w -> w.id).toList())
                .flatMap(records -> index.lock(records.stream()
                        .flatMapToLong(r -> java.util.Arrays.stream(MatchEngine.keysOf(r)))
                        .distinct()
                        .sorted()
                        .toArray()));
    }

    private static Uni<List<Worker>> page(UUID after, int limit) {
        return after == null
                ? Worker.<Worker>find("status = ?1 order by id", WorkerStatus.ACTIVE)
                        .page(0, limit)
                        .list()
                : Worker.<Worker>find("status = ?1 and id > ?2 order by id", WorkerStatus.ACTIVE, after)
                        .page(0, limit)
                        .list();
    }

    private Uni<Void> rematchWorker(
            Worker worker, AuditActor actor, AtomicInteger records, AtomicInteger linked, AtomicInteger opened) {
        return Worker.<Worker>findById(worker.id).flatMap(current -> {
            if (current.status != WorkerStatus.ACTIVE) {
                return Uni.createFrom().voidItem(); // merged earlier in this run
            }
            return SourceRecord.forWorker(worker.id).flatMap(held -> Multi.createFrom()
                    .iterable(held.stream()
                            .filter(r -> r.linkKind != LinkKind.MANUAL)
                            .toList())
                    .onItem()
                    .transformToUniAndConcatenate(r -> {
                        records.incrementAndGet();
                        return rematch(r, held.size() == 1, actor, linked, opened);
                    })
                    .collect()
                    .last()
                    .replaceWithVoid());
        });
    }

    private Uni<Void> rematch(
            SourceRecord record, boolean alone, AuditActor actor, AtomicInteger linked, AtomicInteger opened) {
        long[] keys = MatchEngine.keysOf(record);
        return index.lock(keys)
                .flatMap(locked -> index.candidates(keys, record.id))
                .flatMap(candidates -> MatchExclusion.around(record.id, record.workerId)
                        .map(excluded -> decide(record, candidates, excluded)))
                .flatMap(decision -> {
                    if (decision.matchClass() == MatchClass.MATCH && alone) {
                        return joinIfOlder(record, decision, actor, linked);
                    }
                    List<Candidate<UUID>> questions = decision.candidates();
                    opened.addAndGet(questions.size());
                    return Multi.createFrom()
                            .iterable(questions)
                            .onItem()
                            .transformToUniAndConcatenate(c -> linker.openReview(record, c, actor.username()))
                            .collect()
                            .last()
                            .replaceWithVoid();
                });
    }

    /** Scores the record against every worker but its own and those a reviewer said it is not. */
    private Decision<UUID> decide(SourceRecord record, List<SourceRecord> candidates, Exclusions excluded) {
        Map<UUID, List<MatchRecord>> byWorker = new LinkedHashMap<>();
        for (SourceRecord c : candidates) {
            if (!c.workerId.equals(record.workerId) && !excluded.rulesOut(c.id, c.workerId)) {
                byWorker.computeIfAbsent(c.workerId, w -> new ArrayList<>()).add(MatchEngine.recordOf(c));
            }
        }
        return engine.matcher().decide(MatchEngine.recordOf(record), byWorker);
    }

    /**
     * The newer of two matching workers joins the older, so that the survivor does not depend on the order a run
     * meets them in; when the match is the newer one, nothing happens now: the run meets it too, and links it then.
     */
    private Uni<Void> joinIfOlder(
            SourceRecord record, Decision<UUID> decision, AuditActor actor, AtomicInteger linked) {
        return Worker.<Worker>findById(record.workerId)
                .flatMap(own -> Worker.<Worker>findById(decision.linkTo()).flatMap(target -> {
                    boolean targetIsOlder = target.createdAt.isBefore(own.createdAt)
                            || (target.createdAt.equals(own.createdAt) && target.id.compareTo(own.id) < 0);
                    if (!targetIsOlder) {
                        return Uni.createFrom().voidItem();
                    }
                    linked.incrementAndGet();
                    return linkAlone(record, decision, actor);
                }));
    }

    private Uni<Void> linkAlone(SourceRecord record, Decision<UUID> decision, AuditActor actor) {
        Candidate<UUID> match = decision.candidates().stream()
                .filter(c -> c.worker().equals(decision.linkTo()))
                .findFirst()
                .orElseThrow();
        LinkEvent event = linker.scored(LinkAction.AUTO_LINKED, match.worker(), record, match, actor.username());
        event.otherWorkerId = record.workerId;
        event.reason = "re-run";
        return event.persist()
                .flatMap(e -> moves.moveRecord(record, match.worker(), LinkKind.AUTO, actor))
                .replaceWithVoid();
    }
}
