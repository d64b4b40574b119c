package id.sinergi.cases.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.cases.client.WorkerDirectory;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.CaseStatusChange;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.CaseDtos.ReportRequest;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;

/** Reports, reads and moves protection cases; every step is audited in the same transaction. */
@ApplicationScoped
public class CaseService {

    /** The purpose every case event is processed for (UU 27/2022: stated purpose). */
    static final String PURPOSE = "PROTECTION_CASE_HANDLING";

    @Inject
    AuditTrail audit;

    @Inject
    ReferenceData reference;

    @Inject
    WorkerDirectory workers;

    @Inject
    ReferenceNumbers numbers;

    /**
     * Checks the request and the caller, resolves the worker in identity-service (outside any transaction), then
     * numbers and stores the case.
     */
    public Uni<ProtectionCase> report(ReportRequest request, Caller caller) {
        if ((request.workerId() == null) == (request.nik() == null)) {
            String message = "give exactly one of workerId and nik";
            throw ProblemException.badRequest(
                    "worker-reference",
                    "Worker reference",
                    "A case names its worker by exactly one of workerId and nik",
                    List.of(
                            new Problem.FieldError("nik", "worker-reference", message),
                            new Problem.FieldError("workerId", "worker-reference", message)));
        }
        if (reference.mission(request.missionId()).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        if (reference.category(request.categoryCode()).isEmpty()) {
            throw ProblemException.invalidField("unknown-category", "categoryCode", "is not a known case category");
        }
        checkMayReport(caller, request.missionId());
        AuditActor actor = caller.actor();
        String subject = caller.subject();
        Uni<UUID> worker = request.workerId() != null
                ? workers.byId(request.workerId(), caller.rawToken())
                : workers.byNik(request.nik(), caller.rawToken());
        return worker.chain(workerId -> Panache.withTransaction(() -> store(request, workerId, subject, actor)))
                .invoke(c -> Log.infof(
                        "event=case-reported case=%s reference=%s worker=%s mission=%s",
                        c.id, c.reference, c.workerId, c.missionId));
    }

    /** Numbers the case in the UTC year of its report, stores it and audits the report. */
    private Uni<ProtectionCase> store(ReportRequest request, UUID workerId, String subject, AuditActor actor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return numbers.next(request.missionId(), now.atZone(ZoneOffset.UTC).getYear())
                .chain(ref -> {
                    ProtectionCase c = new ProtectionCase();
                    c.id = UUID.randomUUID();
                    c.reference = ref;
                    c.workerId = workerId;
                    c.missionId = request.missionId();
                    c.categoryCode = request.categoryCode();
                    c.description = request.description();
                    c.channel = request.channel();
                    c.status = CaseStatus.REPORTED;
                    c.reportedAt = now;
                    c.reportedBy = subject;
                    c.updatedAt = now;
                    return c.<ProtectionCase>persist();
                })
                .call(c -> audit.record(event(actor, "case.report", c)
                        .reason("reference=" + c.reference + " category=" + c.categoryCode + " channel=" + c.channel)
                        .build()));
    }

    /**
     * PWNI headquarters reports for any mission, a consular officer for their own only, a source connector only
     * when it is Kemlu's (the Peduli WNI portal).
     */
    static void checkMayReport(Caller caller, String missionId) {
        if (caller.hasRole(Roles.PWNI_HQ)) {
            return;
        }
        if (caller.hasRole(Roles.CONSULAR_OFFICER)) {
            if (!caller.requireMission().equals(missionId)) {
                throw ProblemException.forbidden(
                        "other-mission", "Not your mission", "A consular officer reports cases of their own mission");
            }
            return;
        }
        if (caller.hasRole(Roles.SOURCE_CONNECTOR) && caller.requireAgency() == Agency.KEMLU) {
            return;
        }
        throw ProblemException.forbidden(
                "source-not-yours", "Not your source", "Only Kemlu's Peduli WNI portal reports cases as a source");
    }

    /** The case, audited as read; a case of another mission is audited as denied and answered as missing. */
    public Uni<ProtectionCase> find(UUID caseId, Caller caller) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return Panache.withTransaction(() -> ProtectionCase.<ProtectionCase>findById(caseId)
                        .call(c -> c == null ? Uni.createFrom().voidItem() : audit.record(readEvent(actor, c, scope))))
                .map(c -> visibleOrMissing(c, caseId, scope));
    }

    /**
     * The newest cases first that match the filter and the caller's scope; each listed case is audited. A mission
     * that is not in the reference data is refused (unknown-mission), as when reporting.
     */
    public Uni<List<ProtectionCase>> list(CaseFilter filter, Caller caller) {
        if (filter.missionId() != null && reference.mission(filter.missionId()).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        if (filter.missionId() != null && !scope.sees(filter.missionId())) {
            return Panache.withTransaction(() -> auditList(actor, List.of()));
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        String mission = filter.missionId() != null
                ? filter.missionId()
                : scope.mission().orElse(null);
        if (mission != null) {
            query.append(" and missionId = :mission");
            params.and("mission", mission);
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.workerId() != null) {
            query.append(" and workerId = :worker");
            params.and("worker", filter.workerId());
        }
        return Panache.withTransaction(
                () -> ProtectionCase.<ProtectionCase>find(query.toString(), Sort.descending("reportedAt", "id"), params)
                        .page(Page.ofSize(filter.limit()))
                        .list()
                        .call(cases -> auditList(actor, cases)));
    }

    private Uni<List<ProtectionCase>> auditList(AuditActor actor, List<ProtectionCase> cases) {
        List<AuditEvent> events = new ArrayList<>();
        for (ProtectionCase c : cases) {
            events.add(event(actor, "case.list", c).build());
        }
        if (events.isEmpty()) {
            events.add(AuditEvent.of(audit.serviceName(), "case.list", actor)
                    .purpose(PURPOSE)
                    .reason("cases=0")
                    .build());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AuditEvent e : events) {
            chain = chain.chain(() -> audit.record(e));
        }
        return chain.replaceWith(cases);
    }

    /**
     * Moves the case one step along REPORTED → IN_PROGRESS → RESOLVED → CLOSED. Anything else is 409
     * illegal-transition; of two changes made from the same version only the first commits, the other is 409
     * concurrent-change.
     */
    public Uni<ProtectionCase> transition(UUID caseId, CaseStatus to, String reason, Caller caller) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        return Panache.withTransaction(
                        () -> ProtectionCase.<ProtectionCase>findById(caseId).chain(c -> {
                            if (c == null) {
                                return Uni.createFrom().nullItem();
                            }
                            if (!scope.sees(c)) {
                                return audit.record(event(actor, "case.transition", c)
                                                .outcome(AuditOutcome.DENIED)
                                                .reason("other-mission to=" + to)
                                                .build())
                                        .replaceWith((ProtectionCase) null);
                            }
                            return move(c, to, reason, actor);
                        }))
                .onFailure(CaseService::isStale)
                .transform(e -> ProblemException.conflict(
                        "concurrent-change",
                        "Changed meanwhile",
                        "Case " + caseId + " was changed by someone else at the same time; read it and try again"))
                .map(c -> visibleOrMissing(c, caseId, scope))
                .invoke(c -> Log.infof("event=case-transition case=%s status=%s", c.id, c.status));
    }

    private Uni<ProtectionCase> move(ProtectionCase c, CaseStatus to, String reason, AuditActor actor) {
        CaseStatus from = c.status;
        if (!from.canMoveTo(to)) {
            ProblemException illegal = ProblemException.conflict(
                    "illegal-transition", "Illegal transition", "A case cannot move from " + from + " to " + to);
            illegal.problem().with("from", from.name()).with("to", to.name());
            throw illegal;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.status = to;
        c.updatedAt = now;
        CaseStatusChange change = new CaseStatusChange();
        change.id = UUID.randomUUID();
        change.caseId = c.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.actorSubject = actor.subject();
        change.actorUsername = actor.username();
        change.reason = reason;
        change.changedAt = now;
        return change.persist()
                .call(() -> audit.record(event(actor, "case.transition", c)
                        .reason("from=" + from + " to=" + to)
                        .build()))
                .call(() -> Panache.flush())
                .replaceWith(c);
    }

    private static ProtectionCase visibleOrMissing(ProtectionCase c, UUID caseId, CallerScope scope) {
        if (!scope.sees(c)) {
            throw ProblemException.notFound("Case " + caseId);
        }
        return c;
    }

    private AuditEvent readEvent(AuditActor actor, ProtectionCase c, CallerScope scope) {
        AuditEvent.Builder event = event(actor, "case.read", c);
        if (!scope.sees(c)) {
            event.outcome(AuditOutcome.DENIED).reason("other-mission");
        }
        return event.build();
    }

    private AuditEvent.Builder event(AuditActor actor, String action, ProtectionCase c) {
        return AuditEvent.of(audit.serviceName(), action, actor)
                .worker(c.workerId)
                .purpose(PURPOSE)
                .resource("case", c.id);
    }

    private static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
