package id.sinergi.identity.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.identity.client.ConsentDecision;
import id.sinergi.identity.client.ConsentDecisions;
import id.sinergi.identity.client.ConsentUnavailableException;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads workers: by id, by identifier, and their placement under a lawful basis. Every read is audited. */
@ApplicationScoped
public class WorkerService {

    /** The basis of placement reads by KemenP2MI, whose own system (SiskoP2MI) holds the data. */
    public static final String LEGAL_OBLIGATION = "LEGAL_OBLIGATION";

    /** The basis consent-service is taken to mean when a permit names none (an older consent-service). */
    static final String CONSENT = "CONSENT";

    private static final String READ_PLACEMENT = "worker.placement.read";

    /** Merges chain one worker into the next; more links than this would be a cycle, which merges never make. */
    private static final int MAX_MERGE_HOPS = 32;

    @Inject
    AuditTrail audit;

    @Inject
    ConsentDecisions consent;

    @WithTransaction
    public Uni<WorkerDetails> find(UUID workerId, Caller caller) {
        AuditActor actor = caller.actor();
        return live(workerId)
                .flatMap(w -> SourceRecord.forWorker(w.id).map(records -> new WorkerDetails(w, records)))
                .call(details -> audit.record(event(actor, "worker.read", details.worker().id)
                        .reason(details.worker().id.equals(workerId) ? null : "merged-from=" + workerId)
                        .build()));
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
     * Finds workers by exactly one identifier. Audits one event per worker returned (none names the identifier
     * searched by), or one without a worker when nothing matched.
     */
    @WithTransaction
    public Uni<List<Worker>> search(String nik, String passportNumber, Caller caller) {
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
        AuditActor actor = caller.actor();
        String by = nik != null ? "by=nik" : "by=passport";
        Uni<List<Worker>> found = nik != null
                ? Worker.withNik(nik)
                : SourceRecord.withPassport(passportNumber).flatMap(WorkerService::workersOf);
        return found.call(workers -> {
            if (workers.isEmpty()) {
                return audit.record(AuditEvent.of(audit.serviceName(), "worker.search", actor)
                        .reason(by + " matches=0")
                        .build());
            }
            return Multi.createFrom()
                    .iterable(workers)
                    .onItem()
                    .transformToUniAndConcatenate(w -> audit.record(
                            event(actor, "worker.search", w.id).reason(by).build()))
                    .collect()
                    .last();
        });
    }

    private static Uni<List<Worker>> workersOf(List<SourceRecord> records) {
        List<UUID> ids = records.stream().map(r -> r.workerId).distinct().toList();
        return ids.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Worker.list("id in ?1 and status = ?2 order by createdAt", ids, WorkerStatus.ACTIVE);
    }

    /**
     * The worker's placement, from their latest SiskoP2MI record. KemenP2MI reads it by legal obligation. Kemlu
     * reads it only on a consent-service permit, asked with the caller's own token; a deny is a 403 and a failure
     * to get an answer a 503 (fail closed). Both are audited in a transaction of their own, as the request fails.
     *
     * <p>The id is first resolved to the live worker (the survivor of any merges), and both the consent question
     * and the audit events name that worker: consent is the survivor's to give. This fails closed on purpose: a
     * grant recorded under a worker id that was later merged no longer permits reading the survivor's placement;
     * the survivor needs a grant of their own. An id no worker has is asked about as it is, so that a caller
     * without consent cannot learn whether a worker or a placement exists.
     */
    public Uni<PlacementDisclosure> placement(UUID workerId, String purposeName, Caller caller) {
        Purpose purpose = Purpose.named(purposeName)
                .orElseThrow(() -> ProblemException.invalidField(
                        "invalid-purpose", "purpose", "must be one of " + Arrays.toString(Purpose.values())));
        Agency agency = caller.requireAgency();
        AuditActor actor = caller.actor();
        return Panache.withSession(() -> survivorOf(workerId)).flatMap(liveId -> {
            Asked asked = new Asked(workerId, liveId);
            if (agency == Agency.KEMENP2MI) {
                return disclose(asked, purpose, actor, LEGAL_OBLIGATION, null);
            }
            return consent.placement(liveId, agency, purpose, caller.rawToken())
                    .onFailure(ConsentUnavailableException.class)
                    .call(failure -> audit.recordAlone(event(actor, READ_PLACEMENT, asked.live())
                            .purpose(purpose.name())
                            .outcome(AuditOutcome.FAILED)
                            .reason(asked.reason("CONSENT_UNAVAILABLE cause="
                                    + ((ConsentUnavailableException) failure).causeClass()))
                            .build()))
                    .onFailure(ConsentUnavailableException.class)
                    .transform(failure -> ProblemException.unavailable(
                            "consent-unavailable",
                            "Consent service unavailable",
                            "No consent decision could be obtained, so the placement is withheld; try again later"))
                    .flatMap(decision -> decision.permits()
                            ? disclose(asked, purpose, actor, basisOf(decision), decision.grantId())
                            : deny(asked, purpose, actor, decision));
        });
    }

    /** The lawful basis consent-service permitted on: consent, or e.g. vital interest with no grant at all. */
    private static String basisOf(ConsentDecision decision) {
        return decision.basis() == null || decision.basis().isBlank() ? CONSENT : decision.basis();
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

    private Uni<PlacementDisclosure> deny(Asked asked, Purpose purpose, AuditActor actor, ConsentDecision d) {
        return audit.recordAlone(event(actor, READ_PLACEMENT, asked.live())
                        .purpose(purpose.name())
                        .outcome(AuditOutcome.DENIED)
                        .reason(asked.reason(d.reason() + (d.grantId() == null ? "" : " grant=" + d.grantId())))
                        .build())
                .onItem()
                .transformToUni(done -> Uni.createFrom().<PlacementDisclosure>failure(consentDenied(d)));
    }

    private static ProblemException consentDenied(ConsentDecision d) {
        Problem problem = new Problem(
                        "consent-denied",
                        "Consent denied",
                        403,
                        "The worker's consent does not cover this use of their placement data",
                        null,
                        null)
                .with("reason", d.reason());
        if (d.grantId() != null) {
            problem.with("grantId", d.grantId());
        }
        return new ProblemException(problem);
    }

    /**
     * Reads the placement and audits the disclosure in one transaction. The worker must still be the live one the
     * consent question named: one merged meanwhile is a 409, so a permit never covers another worker's data.
     */
    private Uni<PlacementDisclosure> disclose(
            Asked asked, Purpose purpose, AuditActor actor, String basis, UUID grantId) {
        UUID workerId = asked.requested();
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
                        .reason(asked.reason("basis=" + basis + (grantId == null ? "" : " grant=" + grantId)))
                        .build())));
    }

    private AuditEvent.Builder event(AuditActor actor, String action, UUID workerId) {
        return AuditEvent.of(audit.serviceName(), action, actor)
                .worker(workerId)
                .resource("worker", workerId);
    }
}
