package id.sinergi.identity.linking;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.MatchExclusion;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.domain.WorkerStatus;
import id.sinergi.identity.service.NikValidator;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What data stewards do by hand, each step explicit, reasoned, in the link history and audited: take a record off
 * a worker, merge two workers, promote a provisional worker to NIK-verified, and read the history and the lists
 * that wait for them.
 */
@ApplicationScoped
public class Stewardship {

    @Inject
    Linker linker;

    @Inject
    Moves moves;

    @Inject
    NikValidator nikValidator;

    @Inject
    AuditTrail audit;

    /**
     * Takes the record off its worker: it founds a worker of its own, the pair is excluded from automatic links,
     * and the old worker's view is rebuilt from the records that remain.
     */
    public Uni<Worker> unlink(UUID workerId, UUID recordId, String reason, AuditActor actor) {
        return Panache.withTransaction(() -> Linker.activeWorker(workerId)
                .flatMap(w -> SourceRecord.forWorker(workerId))
                .flatMap(records -> {
                    SourceRecord record = records.stream()
                            .filter(r -> r.id.equals(recordId))
                            .findFirst()
                            .orElseThrow(() ->
                                    ProblemException.notFound("Source record " + recordId + " of worker " + workerId));
                    if (records.size() == 1) {
                        throw ProblemException.conflict(
                                "last-record",
                                "Last record of the worker",
                                "A worker's only record cannot be unlinked; merge the worker into another instead");
                    }
                    return split(workerId, record, reason, actor);
                })
                .call(created -> audit.record(AuditEvent.of(audit.serviceName(), "worker.unlink", actor)
                        .worker(workerId)
                        .resource("source-record", recordId)
                        .reason("new-worker=" + created.id)
                        .build())));
    }

    private Uni<Worker> split(UUID workerId, SourceRecord record, String reason, AuditActor actor) {
        var now = linker.now();
        return linker.found(record, now).call(created -> {
            record.linkKind = LinkKind.MANUAL;
            LinkEvent unlinked = LinkEvent.of(LinkAction.UNLINKED, workerId, record.id, actor.username(), now);
            unlinked.otherWorkerId = created.id;
            unlinked.reason = reason;
            LinkEvent founded = LinkEvent.of(LinkAction.CREATED, created.id, record.id, actor.username(), now);
            founded.otherWorkerId = workerId;
            founded.reason = reason;
            return unlinked.persist()
                    .flatMap(e -> founded.persist())
                    .flatMap(e -> new MatchExclusion(record.id, workerId, now).persist())
                    .flatMap(e -> linker.rebuild(workerId));
        });
    }

    /**
     * Merges {@code fromId} into {@code targetId}: every record moves, the emptied worker points at the target. Two
     * workers with different NIKs are two people as far as Dukcapil is concerned, and are not merged (as promotion
     * refuses a NIK that disagrees with a record).
     */
    public Uni<Worker> merge(UUID targetId, UUID fromId, String reason, AuditActor actor) {
        if (targetId.equals(fromId)) {
            throw ProblemException.invalidField("self-merge", "workerId", "a worker cannot be merged into itself");
        }
        return Panache.withTransaction(() -> Linker.activeWorker(targetId)
                .flatMap(target -> Linker.activeWorker(fromId).invoke(from -> {
                    if (target.nik != null && from.nik != null && !target.nik.equals(from.nik)) {
                        throw ProblemException.conflict(
                                "nik-disagrees",
                                "NIK disagrees with the other worker",
                                "The two workers have different NIKs, so they are not one person; correct a wrong NIK"
                                        + " in its source record first");
                    }
                }))
                .flatMap(from -> moves.mergeWorker(fromId, targetId, reason, actor))
                .call(target -> audit.record(AuditEvent.of(audit.serviceName(), "worker.merge", actor)
                        .worker(targetId)
                        .resource("worker", fromId)
                        .reason("merged-into=" + targetId)
                        .build()))
                .invoke(target -> Log.infof("event=workers-merged worker=%s into=%s", fromId, targetId)));
    }

    /**
     * Promotes a provisional worker to NIK-verified with a NIK the officer has checked. The NIK must pass the
     * structural checks, must not be another live worker's (merge them instead), and must agree with any NIK the
     * worker's records give.
     */
    public Uni<Worker> promote(UUID workerId, String nik, String reason, AuditActor actor) {
        nikValidator.decode(nik);
        return Panache.withTransaction(() -> Linker.activeWorker(workerId)
                .flatMap(worker -> {
                    if (!worker.isProvisional()) {
                        throw ProblemException.conflict(
                                "not-provisional", "Worker is not provisional", "The worker is NIK-verified already");
                    }
                    return Worker.withNik(nik).flatMap(holders -> SourceRecord.forWorker(workerId)
                            .flatMap(records -> promote(worker, records, holders, nik, reason, actor)));
                })
                .call(w -> audit.record(AuditEvent.of(audit.serviceName(), "worker.promote", actor)
                        .worker(workerId)
                        .resource("worker", workerId)
                        .build())));
    }

    private Uni<Worker> promote(
            Worker worker,
            List<SourceRecord> records,
            List<Worker> holders,
            String nik,
            String reason,
            AuditActor actor) {
        holders.stream().filter(h -> !h.id.equals(worker.id)).findFirst().ifPresent(other -> {
            throw new ProblemException(new Problem(
                            "nik-in-use",
                            "NIK belongs to another worker",
                            409,
                            "Another worker holds this NIK; if they are the same person, merge the two workers",
                            null,
                            null)
                    .with("otherWorkerId", other.id));
        });
        if (records.stream().anyMatch(r -> r.nik != null && !Objects.equals(r.nik, nik))) {
            throw ProblemException.conflict(
                    "nik-disagrees",
                    "NIK disagrees with a record",
                    "A record of this worker gives another NIK; unlink that record or promote with its NIK");
        }
        worker.nik = nik;
        worker.nikPromoted = true;
        worker.assurance = Assurance.NIK_VERIFIED;
        LinkEvent promoted = LinkEvent.of(LinkAction.PROMOTED, worker.id, null, actor.username(), linker.now());
        promoted.reason = reason;
        return promoted.persist().flatMap(e -> linker.rebuild(worker.id));
    }

    /** The worker's link history, oldest first, including events that name them as the other side. */
    @WithTransaction
    public Uni<List<LinkEvent>> history(UUID workerId, AuditActor actor) {
        return Worker.<Worker>findById(workerId)
                .flatMap(w -> {
                    if (w == null) {
                        throw ProblemException.notFound("Worker " + workerId);
                    }
                    return LinkEvent.history(workerId);
                })
                .call(events -> audit.record(AuditEvent.of(audit.serviceName(), "worker.history.read", actor)
                        .worker(workerId)
                        .resource("worker", workerId)
                        .build()));
    }

    /** Live provisional workers, oldest first: those waiting for promotion to NIK-verified. */
    @WithTransaction
    public Uni<List<Worker>> provisional(int page, int size, AuditActor actor) {
        return Worker.<Worker>find(
                        "status = ?1 and assurance <> ?2 order by createdAt, id",
                        WorkerStatus.ACTIVE,
                        Assurance.NIK_VERIFIED)
                .page(Page.of(page, size))
                .list()
                .call(list -> listed("worker.provisional.read", "page=" + page, list, actor));
    }

    /** Live workers carrying the flag, oldest first: the data-quality review list. */
    @WithTransaction
    public Uni<List<Worker>> flagged(WorkerFlag flag, int page, int size, AuditActor actor) {
        // Flags are stored comma-separated; the commas around both sides make the match exact.
        return Worker.<Worker>find(
                        "status = ?1 and concat(',', flags, ',') like ?2 order by createdAt, id",
                        WorkerStatus.ACTIVE,
                        "%," + flag.name() + ",%")
                .page(Page.of(page, size))
                .list()
                .call(list -> listed("worker.flagged.read", "flag=" + flag + " page=" + page, list, actor));
    }

    /** A list shows workers' names and birth dates: one audit event names the list, one each worker shown. */
    private Uni<Void> listed(String action, String reason, List<Worker> workers, AuditActor actor) {
        Uni<Void> all = audit.record(AuditEvent.of(audit.serviceName(), action, actor)
                .reason(reason + " workers=" + workers.size())
                .build());
        for (Worker w : workers) {
            all = all.call(() -> audit.record(AuditEvent.of(audit.serviceName(), action, actor)
                    .worker(w.id)
                    .resource("worker", w.id)
                    .build()));
        }
        return all;
    }
}
