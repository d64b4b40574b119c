package id.sinergi.identity.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerStatus;
import id.sinergi.identity.service.Release.Verdict;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads workers: by id, by identifier, and their placement, each showing only what a lawful basis lets the caller's
 * agency see ({@link Disclosures}). Every read is audited with what it released and withheld.
 */
@ApplicationScoped
public class WorkerService {

    private static final String READ = "worker.read";

    private static final String SEARCH = "worker.search";

    private static final String READ_PLACEMENT = "worker.placement.read";

    /** Merges chain one worker into the next; more links than this would be a cycle, which merges never make. */
    private static final int MAX_MERGE_HOPS = 32;

    @Inject
    AuditTrail audit;

    @Inject
    Disclosures disclosures;

    /**
     * The worker as the caller may see them: their own agency's records whole, the other agency's per category as
     * consent-service permits for {@code purposeName} (none given: withheld). The records are read first, consent
     * is asked outside any transaction, and the read is audited with what it released and withheld.
     */
    public Uni<DisclosedWorker> find(UUID workerId, String purposeName, Caller caller) {
        Purpose purpose = optionalPurpose(purposeName);
        AuditActor actor = caller.actor();
        return Panache.withSession(() -> live(workerId).flatMap(WorkerService::withRecords))
                .flatMap(details -> {
                    UUID id = details.worker().id;
                    String merged = id.equals(workerId) ? "" : " merged-from=" + workerId;
                    return disclose(
                                    details,
                                    purpose,
                                    caller,
                                    reason -> failed(actor, READ, id, purpose, reason + merged))
                            .call(d -> Panache.withTransaction(() -> audit.record(event(actor, READ, id)
                                    .purpose(nameOf(purpose))
                                    .reason(d.release().auditReason() + merged)
                                    .build())));
                });
    }

    /**
     * The live worker behind an id: the worker itself, or for a merged worker the one it was merged into (merges
     * can chain), so that references held elsewhere keep working after a merge.
     */
    public static Uni<Worker> live(UUID workerId) {
        return live(workerId, 0);
    }

    private static Uni<Worker> live(UUID workerId, int hops) {
        return Worker.<Worker>findById(workerId).flatMap(w -> {
            if (w == null || hops > MAX_MERGE_HOPS) {
                return Uni.createFrom().failure(ProblemException.notFound("Worker " + workerId));
            }
            return w.status == WorkerStatus.MERGED
                    ? live(w.mergedInto, hops + 1)
                    : Uni.createFrom().item(w);
        });
    }

    /**
     * Finds workers by exactly one identifier and shows each as {@link #find} would, asking consent-service once
     * per worker found that has records of the other agency. Audits one event per worker returned (none names the
     * identifier searched by), or one without a worker when nothing matched.
     */
    public Uni<List<DisclosedWorker>> search(String nik, String passportNumber, String purposeName, Caller caller) {
        if ((nik == null) == (passportNumber == null)) {
            throw ProblemException.badRequest(
                    "validation",
                    "Invalid request",
                    "Give exactly one of nik and passportNumber",
                    List.of(
                            new Problem.FieldError("nik", "exactly-one", "give either nik or passportNumber"),
                            new Problem.FieldError(
                                    "passportNumber", "exactly-one", "give either nik or passportNumber")));
        }
        Purpose purpose = optionalPurpose(purposeName);
        AuditActor actor = caller.actor();
        String by = nik != null ? "by=nik" : "by=passport";
        Uni<List<WorkerDetails>> found = Panache.withSession(() -> (nik != null
                        ? Worker.withNik(nik)
                        : SourceRecord.withPassport(passportNumber).flatMap(WorkerService::workersOf))
                .flatMap(WorkerService::withRecords));
        return found.flatMap(workers -> {
            if (workers.isEmpty()) {
                return Panache.withTransaction(() -> audit.record(AuditEvent.of(audit.serviceName(), SEARCH, actor)
                                .purpose(nameOf(purpose))
                                .reason(by + " matches=0")
                                .build()))
                        .replaceWith(List.<DisclosedWorker>of());
            }
            return Multi.createFrom()
                    .iterable(workers)
                    .onItem()
                    .transformToUniAndConcatenate(details -> disclose(
                            details,
                            purpose,
                            caller,
                            reason -> failed(actor, SEARCH, details.worker().id, purpose, by + " " + reason)))
                    .collect()
                    .asList()
                    .call(shown -> Panache.withTransaction(() -> Multi.createFrom()
                            .iterable(shown)
                            .onItem()
                            .transformToUniAndConcatenate(d -> audit.record(event(actor, SEARCH, d.worker().id)
                                    .purpose(nameOf(purpose))
                                    .reason(by + " " + d.release().auditReason())
                                    .build()))
                            .collect()
                            .last()));
        });
    }

    private static Uni<List<Worker>> workersOf(List<SourceRecord> records) {
        List<UUID> ids = records.stream().map(r -> r.workerId).distinct().toList();
        return ids.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Worker.list("id in ?1 and status = ?2 order by createdAt", ids, WorkerStatus.ACTIVE);
    }

    private static Uni<WorkerDetails> withRecords(Worker worker) {
        return SourceRecord.forWorker(worker.id).map(records -> new WorkerDetails(worker, records));
    }

    /** Each worker with their records, in the workers' order; one query for all the records. */
    private static Uni<List<WorkerDetails>> withRecords(List<Worker> workers) {
        if (workers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return SourceRecord.forWorkers(workers.stream().map(w -> w.id).toList()).map(records -> workers.stream()
                .map(w -> new WorkerDetails(
                        w, records.stream().filter(r -> r.workerId.equals(w.id)).toList()))
                .toList());
    }

    /** What of the worker this caller may see: one release for all the worker's sources and categories. */
    private Uni<DisclosedWorker> disclose(
            WorkerDetails details, Purpose purpose, Caller caller, Function<String, AuditEvent> failed) {
        List<Source> sources =
                details.records().stream().map(r -> r.source).distinct().toList();
        return disclosures
                .release(details.worker().id, sources, DisclosedWorker.CATEGORIES, purpose, caller, failed)
                .map(release -> DisclosedWorker.of(details, release));
    }

    /**
     * The worker's placement, from their latest SiskoP2MI record: the PLACEMENT category of that source under the
     * same release as every read. KemenP2MI, whose system holds it, reads it on its own basis (legal obligation)
     * without a consent call; Kemlu only on a consent-service permit, asked with the caller's own token. A withheld
     * placement is a 403 and a failure to get an answer a 503 (fail closed); both are audited in a transaction of
     * their own, as the request fails.
     *
     * <p>The id is first resolved to the live worker (the survivor of any merges), and both the consent question
     * and the audit events name that worker: consent is the survivor's to give. This fails closed on purpose: a
     * grant recorded under a worker id that was later merged no longer permits reading the survivor's placement;
     * the survivor needs a grant of their own. An id no worker has is asked about as it is, so that a caller
     * without consent cannot learn whether a worker or a placement exists.
     */
    public Uni<PlacementDisclosure> placement(UUID workerId, String purposeName, Caller caller) {
        Purpose purpose = requiredPurpose(purposeName);
        AuditActor actor = caller.actor();
        return Panache.withSession(() -> survivorOf(workerId)).flatMap(liveId -> {
            Asked asked = new Asked(workerId, liveId);
            return disclosures
                    .release(
                            liveId,
                            List.of(Source.SISKOP2MI),
                            Set.of(DataCategory.PLACEMENT),
                            purpose,
                            caller,
                            reason -> failed(actor, READ_PLACEMENT, liveId, purpose, asked.reason(reason)))
                    .map(release -> release.verdict(Source.SISKOP2MI, DataCategory.PLACEMENT))
                    .flatMap(verdict -> verdict.permitted()
                            ? disclose(asked, purpose, actor, verdict)
                            : deny(asked, purpose, actor, verdict));
        });
    }

    /** The purpose of this name; null for none; 400 {@code invalid-purpose} for a name that is none of them. */
    private static Purpose optionalPurpose(String name) {
        return name == null ? null : requiredPurpose(name);
    }

    private static Purpose requiredPurpose(String name) {
        return Purpose.named(name)
                .orElseThrow(() -> ProblemException.invalidParameter(
                        "invalid-purpose", "purpose", "must be one of " + Arrays.toString(Purpose.values())));
    }

    private static String nameOf(Purpose purpose) {
        return purpose == null ? null : purpose.name();
    }

    /** The id of the live worker behind {@code workerId}, or {@code workerId} itself when no worker has it. */
    private static Uni<UUID> survivorOf(UUID workerId) {
        return live(workerId)
                .map(w -> w.id)
                .onFailure(f -> f instanceof ProblemException p && p.problem().getStatus() == 404)
                .recoverWithItem(workerId);
    }

    /** The id a caller asked about and the live worker it stands for, whom the consent question and audit name. */
    private record Asked(UUID requested, UUID live) {

        /** The reason, noting the merged id the caller asked by. */
        String reason(String reason) {
            return requested.equals(live) ? reason : reason + " merged-from=" + requested;
        }
    }

    private Uni<PlacementDisclosure> deny(Asked asked, Purpose purpose, AuditActor actor, Verdict v) {
        return audit.recordAlone(event(actor, READ_PLACEMENT, asked.live())
                        .purpose(purpose.name())
                        .outcome(AuditOutcome.DENIED)
                        .reason(asked.reason(v.reason() + (v.grantId() == null ? "" : " grant=" + v.grantId())))
                        .build())
                .onItem()
                .transformToUni(done -> Uni.createFrom().<PlacementDisclosure>failure(consentDenied(v)));
    }

    private static ProblemException consentDenied(Verdict v) {
        Problem problem = new Problem(
                        "consent-denied",
                        "Consent denied",
                        403,
                        "The worker's consent does not cover this use of their placement data",
                        null,
                        null)
                .with("reason", v.reason());
        if (v.grantId() != null) {
            problem.with("grantId", v.grantId());
        }
        return new ProblemException(problem);
    }

    /**
     * Reads the placement and audits the disclosure in one transaction. The worker must still be the live one the
     * consent question named: one merged meanwhile is a 409, so a permit never covers another worker's data.
     */
    private Uni<PlacementDisclosure> disclose(Asked asked, Purpose purpose, AuditActor actor, Verdict verdict) {
        UUID workerId = asked.requested();
        String basis = verdict.basis().name();
        UUID grantId = verdict.grantId();
        return Panache.withTransaction(() -> live(asked.live())
                .invoke(w -> {
                    if (!w.id.equals(asked.live())) {
                        throw ProblemException.conflict(
                                "worker-merged",
                                "Worker merged",
                                "The worker was merged while their placement was asked for; ask again");
                    }
                })
                .flatMap(w -> SourceRecord.latestSiskoP2mi(w.id))
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Placement of worker " + workerId))
                .invoke(r -> {
                    if (!r.hasPlacement()) {
                        throw ProblemException.notFound("Placement of worker " + workerId);
                    }
                })
                .map(r -> new PlacementDisclosure(asked.live(), r, basis, grantId))
                .call(d -> audit.record(event(actor, READ_PLACEMENT, asked.live())
                        .purpose(purpose.name())
                        .reason(asked.reason("basis=" + basis
                                + (grantId == null ? "" : " grant=" + grantId)
                                + (verdict.vitalInterestId() == null ? "" : " vital=" + verdict.vitalInterestId())))
                        .build())));
    }

    private AuditEvent failed(AuditActor actor, String action, UUID workerId, Purpose purpose, String reason) {
        return event(actor, action, workerId)
                .purpose(nameOf(purpose))
                .outcome(AuditOutcome.FAILED)
                .reason(reason)
                .build();
    }

    private AuditEvent.Builder event(AuditActor actor, String action, UUID workerId) {
        return AuditEvent.of(audit.serviceName(), action, actor)
                .worker(workerId)
                .resource("worker", workerId);
    }
}
