package id.sinergi.identity.linking;

import id.sinergi.common.Ids;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.CandidateStatus;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchCandidate;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerStatus;
import id.sinergi.identity.matching.WorkerMatcher.Candidate;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The moves of the master index, each inside the caller's transaction: founding a worker from a record, linking a
 * record to a worker, opening review questions, rebuilding a worker's view from the records that remain, and the
 * link event each of them leaves.
 */
@ApplicationScoped
public class Linker {

    @Inject
    MatchEngine engine;

    @Inject
    Clock clock;

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new worker founded by the record, provisional unless the record gives a NIK; persisted. */
    public Uni<Worker> found(SourceRecord record, Instant now) {
        return founded(record, now).persist();
    }

    /** A new worker founded by the record, not yet persisted: the record now names it. */
    public Worker founded(SourceRecord record, Instant now) {
        Worker worker = new Worker();
        worker.id = Ids.next();
        worker.nik = record.nik;
        worker.assurance = assuranceOf(record);
        worker.createdAt = now;
        WorkerAssembly.apply(worker, List.of(record), today(), now);
        record.workerId = worker.id;
        record.linkKind = LinkKind.NEW;
        return worker;
    }

    static Assurance assuranceOf(SourceRecord record) {
        if (record.nik != null) {
            return Assurance.NIK_VERIFIED;
        }
        return record.passportNumber != null ? Assurance.PASSPORT : Assurance.REPORTED;
    }

    /** Rebuilds the worker's view from the records linked to them now; a worker left with none is an error. */
    public Uni<Worker> rebuild(UUID workerId) {
        return Panache.flush()
                .flatMap(flushed -> activeWorker(workerId))
                .flatMap(worker -> SourceRecord.forWorker(workerId).map(records -> {
                    WorkerAssembly.apply(worker, records, today(), now());
                    return worker;
                }));
    }

    /** The worker, which must be active: decisions are taken on live workers only. */
    public static Uni<Worker> activeWorker(UUID workerId) {
        return Worker.<Worker>findById(workerId).map(w -> {
            if (w == null) {
                throw ProblemException.notFound("Worker " + workerId);
            }
            if (w.status != WorkerStatus.ACTIVE) {
                throw ProblemException.conflict(
                        "worker-merged", "Worker merged", "Worker " + workerId + " was merged into " + w.mergedInto);
            }
            return w;
        });
    }

    /** An event with the matcher's score and explanation for this candidate. */
    public LinkEvent scored(LinkAction action, UUID workerId, SourceRecord record, Candidate<UUID> c, String actor) {
        LinkEvent event = LinkEvent.of(action, workerId, record.id, actor, now());
        event.matchClass = c.matchClass().name();
        event.score = c.score().total();
        event.explanation = engine.explain(c.score().fields());
        event.rulesVersion = engine.rulesVersion();
        return event;
    }

    /** Opens a review question for the record and the candidate worker, unless one is open already. */
    public Uni<Void> openReview(SourceRecord record, Candidate<UUID> candidate, String actor) {
        return MatchCandidate.openCount(record.id, candidate.worker()).flatMap(open -> {
            if (open > 0) {
                return Uni.createFrom().voidItem();
            }
            Question q = question(record, candidate, actor);
            return q.question().persist().flatMap(saved -> q.opened().persist()).replaceWithVoid();
        });
    }

    /** A review question and the event that opened it, not yet persisted. */
    public record Question(MatchCandidate question, LinkEvent opened) {}

    /** A new review question for the record and the candidate worker, with the event that opens it. */
    public Question question(SourceRecord record, Candidate<UUID> candidate, String actor) {
        MatchCandidate question = new MatchCandidate();
        question.id = Ids.next();
        question.sourceRecordId = record.id;
        question.workerId = candidate.worker();
        question.score = candidate.score().total();
        question.explanation = engine.explain(candidate.score().fields());
        question.rulesVersion = engine.rulesVersion();
        question.status = CandidateStatus.OPEN;
        question.createdAt = now();
        return new Question(question, scored(LinkAction.REVIEW_OPENED, candidate.worker(), record, candidate, actor));
    }

    /** Closes every open question of the record, as answered by another decision. */
    public void closeOpenQuestions(List<MatchCandidate> open, String actor, String reason) {
        Instant now = now();
        for (MatchCandidate q : open) {
            q.status = CandidateStatus.CLOSED;
            q.decidedAt = now;
            q.decidedBy = actor;
            q.decisionReason = reason;
        }
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
