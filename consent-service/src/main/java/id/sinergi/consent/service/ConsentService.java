package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.client.WorkerCheck;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantHolder;
import id.sinergi.consent.domain.GrantVersion;
import id.sinergi.consent.rest.ConsentDtos.GrantRequest;
import id.sinergi.consent.rest.ConsentDtos.VersionView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/** Records and reads grants and their history; each step is audited in the transaction of its change. */
@ApplicationScoped
public class ConsentService {

    /** The worker's own app, which may read the worker's consent history. */
    static final String WORKER_APP_CLIENT = "peduli-wni-portal";

    @Inject
    AuditTrail audit;

    @Inject
    GrantHistory history;

    @Inject
    ConsentClock clock;

    @Inject
    WorkerCheck workers;

    /**
     * Records a grant and its first version. An officer may not record consent to their own agency: a receiving
     * agency cannot hand itself access; the worker's own channel (a source connector) or the other ministry records
     * it. Such an attempt is refused with 403 self-grant, stores nothing and is audited as denied.
     *
     * <p>Once the request passed every check of its own, the worker is looked up in identity-service with the
     * caller's token, outside any transaction ({@link WorkerCheck}): a worker identity-service does not know is 400
     * {@code unknown-worker}, no answer is 503 {@code identity-unavailable}, and either way nothing is stored. The
     * grant is recorded for the worker identity-service answers with, which for a merged worker's id is the worker
     * it was merged into: decisions are asked for that worker.
     */
    public Uni<ConsentGrant> grant(GrantRequest request, Caller caller) {
        if (isOfficer(caller) && caller.requireAgency() == request.receivingAgency()) {
            return refuseSelfGrant(request, caller);
        }
        ConsentGrant grant = GrantArtefacts.build(request, caller, clock.now());
        return workers.existing(request.workerId(), caller.rawToken())
                .invoke(workerId -> grant.workerId = workerId)
                .chain(workerId -> record(grant, caller));
    }

    private Uni<ConsentGrant> record(ConsentGrant grant, Caller caller) {
        return Panache.withTransaction(() -> grant.<ConsentGrant>persist()
                        .call(g -> history.record(g, caller.subject(), caller.username(), "recorded", g.grantedAt))
                        .call(g -> audit.record(event(caller, "consent.grant", g)
                                .reason("agency=" + g.receivingAgency + " purposes=" + g.purposes + " status="
                                        + g.status + " givenBy=" + g.givenBy + " capture=" + g.captureChannel)
                                .build())))
                .invoke(g -> Log.infof(
                        "event=consent-granted grant=%s worker=%s agency=%s status=%s",
                        g.id, g.workerId, g.receivingAgency, g.status));
    }

    private Uni<ConsentGrant> refuseSelfGrant(GrantRequest request, Caller caller) {
        return audit.recordAlone(AuditEvent.of(audit.serviceName(), "consent.grant", caller.actor())
                        .worker(request.workerId())
                        .outcome(AuditOutcome.DENIED)
                        .reason("self-grant agency=" + request.receivingAgency())
                        .build())
                .invoke(() -> Log.infof(
                        "event=consent-self-grant-refused worker=%s agency=%s",
                        request.workerId(), request.receivingAgency()))
                .onItem()
                .transformToUni(done -> Uni.createFrom().<ConsentGrant>failure(selfGrant()));
    }

    static ProblemException selfGrant() {
        return ProblemException.forbidden(
                "self-grant",
                "Consent to oneself",
                "a receiving agency cannot record consent to itself; the worker's own channel or the other ministry"
                        + " records it");
    }

    /** Officers act for their own agency; source connectors are the worker's channels, not a receiving agency. */
    static boolean isOfficer(Caller caller) {
        return caller.hasRole(Roles.P2MI_OFFICER)
                || caller.hasRole(Roles.CONSULAR_OFFICER)
                || caller.hasRole(Roles.PWNI_HQ);
    }

    @WithTransaction
    public Uni<ConsentGrant> find(UUID grantId, Caller caller) {
        return load(grantId)
                .call(g -> audit.record(event(caller, "consent.read", g).build()));
    }

    static Uni<ConsentGrant> load(UUID grantId) {
        return ConsentGrant.<ConsentGrant>findById(grantId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Consent grant " + grantId));
    }

    @WithTransaction
    public Uni<List<ConsentGrant>> listForWorker(UUID workerId, Caller caller) {
        return ConsentGrant.forWorker(workerId)
                .call(grants -> audit.record(workerEvent(caller, "consent.list", workerId)
                        .reason("grants=" + grants.size())
                        .build()));
    }

    /** Every version of one grant, oldest first. */
    @WithTransaction
    public Uni<List<VersionView>> historyOfGrant(UUID grantId, Caller caller) {
        requireHistoryReader(caller);
        return load(grantId)
                .call(g -> audit.record(event(caller, "consent.history.read", g).build()))
                .flatMap(g -> GrantVersion.ofGrant(g.id))
                .map(versions -> versions.stream().map(history::view).toList());
    }

    /** Every version of every grant of the worker, in the order they happened. */
    @WithTransaction
    public Uni<List<VersionView>> historyOfWorker(UUID workerId, Caller caller) {
        requireHistoryReader(caller);
        return GrantVersion.ofWorker(workerId)
                .call(versions -> audit.record(workerEvent(caller, "consent.history.list", workerId)
                        .reason("versions=" + versions.size())
                        .build()))
                .map(versions -> versions.stream().map(history::view).toList());
    }

    /** Who received data under the grant (UU 27/2022 Pasal 32: who processed the worker's data), first use first. */
    @WithTransaction
    public Uni<List<GrantHolder>> holdersOfGrant(UUID grantId, Caller caller) {
        requireHistoryReader(caller);
        return load(grantId)
                .call(g -> audit.record(event(caller, "consent.holders.read", g).build()))
                .flatMap(g -> GrantHolder.ofGrant(g.id));
    }

    /** Officers, and of the source connectors only the worker's own app. */
    static void requireHistoryReader(Caller caller) {
        if (!isOfficer(caller) && !WORKER_APP_CLIENT.equals(caller.clientId())) {
            throw ProblemException.forbidden(
                    "not-the-workers-app",
                    "Not the worker's app",
                    "Of the internal apps only the worker's own app reads consent history");
        }
    }

    private AuditEvent.Builder event(Caller caller, String action, ConsentGrant grant) {
        return AuditEvent.of(audit.serviceName(), action, caller.actor())
                .worker(grant.workerId)
                .resource("consent-grant", grant.id);
    }

    private AuditEvent.Builder workerEvent(Caller caller, String action, UUID workerId) {
        return AuditEvent.of(audit.serviceName(), action, caller.actor())
                .worker(workerId)
                .resource("worker", workerId);
    }
}
