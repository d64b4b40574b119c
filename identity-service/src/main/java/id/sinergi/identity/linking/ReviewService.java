package id.sinergi.identity.linking;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.CandidateStatus;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchCandidate;
import id.sinergi.identity.domain.MatchExclusion;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The review queue: questions the matcher could not answer alone, and a reviewer's link or not-link. A decision is
 * final for automatic runs: a linked record is never moved by one, a not-linked pair is never proposed again.
 */
@ApplicationScoped
public class ReviewService {

    /** What a reviewer says of a question. */
    public enum Verdict {
        /** Same person: link the record to the worker. */
        LINK,
        /** Not the same person. */
        NOT_LINK
    }

    /** A question with everything a reviewer compares: the record, and the worker with their records. */
    public record Question(
            MatchCandidate candidate, SourceRecord record, Worker worker, List<SourceRecord> workerRecords) {}

    @Inject
    Linker linker;

    @Inject
    Moves moves;

    @Inject
    AuditTrail audit;

    /** A page of the queue, and how many questions are open in all. */
    public record Queue(long open, List<Question> questions) {}

    /** Open questions, oldest first; each read is audited, as a reviewer sees both records in full. */
    @WithTransaction
    public Uni<Queue> queue(int page, int size, AuditActor actor) {
        return MatchCandidate.<MatchCandidate>find("status = ?1 order by createdAt, id", CandidateStatus.OPEN)
                .page(Page.of(page, size))
                .list()
                .flatMap(this::questions)
                .flatMap(questions ->
                        MatchCandidate.count("status", CandidateStatus.OPEN).map(open -> new Queue(open, questions)))
                .call(queue -> audit.record(AuditEvent.of(audit.serviceName(), "review.queue.read", actor)
                        .reason("page=" + page + " questions="
                                + queue.questions().size())
                        .build()));
    }

    private Uni<List<Question>> questions(List<MatchCandidate> candidates) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        // One query each for the records and the workers, not one per question.
        List<UUID> workerIds =
                candidates.stream().map(c -> c.workerId).distinct().toList();
        List<UUID> recordIds =
                candidates.stream().map(c -> c.sourceRecordId).distinct().toList();
        return SourceRecord.<SourceRecord>list("id in ?1", recordIds)
                .flatMap(records -> Worker.<Worker>list("id in ?1", workerIds)
                        .flatMap(workers -> SourceRecord.forWorkers(workerIds).map(workerRecords -> candidates.stream()
                                .map(c -> new Question(
                                        c,
                                        records.stream()
                                                .filter(r -> r.id.equals(c.sourceRecordId))
                                                .findFirst()
                                                .orElseThrow(),
                                        workers.stream()
                                                .filter(w -> w.id.equals(c.workerId))
                                                .findFirst()
                                                .orElseThrow(),
                                        workerRecords.stream()
                                                .filter(r -> r.workerId.equals(c.workerId))
                                                .toList()))
                                .toList())));
    }

    /** Records a reviewer's verdict on an open question. */
    public Uni<MatchCandidate> decide(UUID candidateId, Verdict verdict, String reason, AuditActor actor) {
        return Panache.withTransaction(() -> MatchCandidate.<MatchCandidate>findById(candidateId)
                .flatMap(q -> {
                    if (q == null) {
                        throw ProblemException.notFound("Review question " + candidateId);
                    }
                    if (q.status != CandidateStatus.OPEN) {
                        throw ProblemException.conflict(
                                "question-decided",
                                "Question already decided",
                                "This question was answered " + q.status + "; it cannot be decided again");
                    }
                    q.decidedAt = linker.now();
                    q.decidedBy = actor.username();
                    q.decisionReason = reason;
                    return verdict == Verdict.LINK ? link(q, actor) : notLink(q, actor);
                })
                .call(q -> audit.record(AuditEvent.of(audit.serviceName(), "review.decide", actor)
                        .worker(q.workerId)
                        .resource("match-candidate", q.id)
                        .reason(verdict.name())
                        .build()))
                .invoke(q -> Log.infof(
                        "event=review-decided question=%s verdict=%s worker=%s sourceRecord=%s",
                        q.id, verdict, q.workerId, q.sourceRecordId)));
    }

    /** Links the record to the question's worker; its other open questions are answered by that. */
    private Uni<MatchCandidate> link(MatchCandidate q, AuditActor actor) {
        q.status = CandidateStatus.LINKED;
        return Linker.activeWorker(q.workerId)
                .flatMap(target -> SourceRecord.<SourceRecord>findById(q.sourceRecordId))
                .flatMap(record -> {
                    LinkEvent event =
                            LinkEvent.of(LinkAction.LINKED, q.workerId, record.id, actor.username(), q.decidedAt);
                    event.otherWorkerId = record.workerId;
                    event.score = q.score;
                    event.explanation = q.explanation;
                    event.rulesVersion = q.rulesVersion;
                    event.reason = q.decisionReason;
                    return event.persist().flatMap(e -> moves.moveRecord(record, q.workerId, LinkKind.MANUAL, actor));
                })
                .replaceWith(q);
    }

    private Uni<MatchCandidate> notLink(MatchCandidate q, AuditActor actor) {
        q.status = CandidateStatus.NOT_LINKED;
        LinkEvent event =
                LinkEvent.of(LinkAction.NOT_LINKED, q.workerId, q.sourceRecordId, actor.username(), q.decidedAt);
        event.score = q.score;
        event.explanation = q.explanation;
        event.rulesVersion = q.rulesVersion;
        event.reason = q.decisionReason;
        return new MatchExclusion(q.sourceRecordId, q.workerId, q.decidedAt)
                .persist()
                .flatMap(e -> event.persist())
                .replaceWith(q);
    }
}
