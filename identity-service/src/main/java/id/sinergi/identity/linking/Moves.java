package id.sinergi.identity.linking;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.identity.domain.CandidateStatus;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchCandidate;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * Moving records between workers, inside the caller's transaction: the record's open questions are answered by the
 * move (one source record belongs to at most one worker), a worker left without records is merged into the one
 * that took them, and both workers' views are rebuilt from the records they hold afterwards.
 */
@ApplicationScoped
public class Moves {

    @Inject
    Linker linker;

    /** Moves the record to the target worker; the caller has left its own link event. */
    public Uni<Worker> moveRecord(SourceRecord record, UUID targetId, LinkKind kind, AuditActor actor) {
        UUID fromId = record.workerId;
        record.linkKind = kind;
        if (fromId.equals(targetId)) {
            return linker.rebuild(targetId);
        }
        record.workerId = targetId;
        return Panache.flush()
                .flatMap(f -> MatchCandidate.openForRecord(record.id))
                .invoke(open -> closeAll(open, actor, "record linked to worker " + targetId))
                .flatMap(closed -> SourceRecord.forWorker(fromId))
                .flatMap(left -> left.isEmpty()
                        ? retire(fromId, targetId, actor, "its last record was linked to worker " + targetId)
                        : linker.rebuild(fromId))
                .flatMap(from -> linker.rebuild(targetId));
    }

    /** Moves every record of {@code fromId} to {@code targetId} and merges the emptied worker into it. */
    public Uni<Worker> mergeWorker(UUID fromId, UUID targetId, String reason, AuditActor actor) {
        return SourceRecord.forWorker(fromId)
                .flatMap(records -> {
                    for (SourceRecord r : records) {
                        r.workerId = targetId;
                        r.linkKind = LinkKind.MANUAL;
                    }
                    return Panache.flush();
                })
                .flatMap(f -> retire(fromId, targetId, actor, reason))
                .flatMap(from -> linker.rebuild(targetId));
    }

    /** Marks the emptied worker as merged into the target, and answers the questions that named it. */
    private Uni<Worker> retire(UUID fromId, UUID targetId, AuditActor actor, String reason) {
        LinkEvent merged = LinkEvent.of(LinkAction.MERGED, fromId, null, actor.username(), linker.now());
        merged.otherWorkerId = targetId;
        merged.reason = reason;
        return Worker.<Worker>findById(fromId)
                .invoke(w -> {
                    w.status = WorkerStatus.MERGED;
                    w.mergedInto = targetId;
                    w.updatedAt = merged.at;
                })
                .call(w -> merged.persist())
                .call(w -> MatchCandidate.openForWorker(fromId)
                        .invoke(open -> closeAll(open, actor, "worker merged into " + targetId)));
    }

    private void closeAll(List<MatchCandidate> open, AuditActor actor, String reason) {
        // A question decided in this transaction may still read OPEN in the database; its own status counts.
        linker.closeOpenQuestions(
                open.stream().filter(q -> q.status == CandidateStatus.OPEN).toList(), actor.username(), reason);
    }
}
