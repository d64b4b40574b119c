package id.sinergi.cases.service;

import id.sinergi.cases.domain.CaseClosureRequest;
import id.sinergi.cases.domain.CaseLeadChange;
import id.sinergi.cases.domain.CasePriorityChange;
import id.sinergi.cases.domain.CaseReferral;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.CaseStatusChange;
import id.sinergi.cases.domain.Desk;
import id.sinergi.cases.domain.Priority;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.domain.ReferralStatus;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case's workflow: triage, the steps between statuses, supervised closing, reopening and hand-over of the lead.
 * Each step names the version it changes, is made by the lead side (or PWNI headquarters), records who, when and
 * why, and is audited in its own transaction.
 */
@ApplicationScoped
public class CaseWorkflow {

    @Inject
    CaseAccess access;

    @Inject
    LeadRules rules;

    @Inject
    ReferenceData reference;

    /**
     * The first response: a reported or reopened case is triaged, its priority raised if the officer sees need (never
     * lowered below what it is) and its desk changed if given. A raised priority brings the deadlines forward.
     */
    public Uni<ProtectionCase> triage(
            UUID caseId, long version, Priority priority, Desk desk, String reason, Caller caller) {
        AuditActor actor = caller.actor();
        return access.change(caseId, version, caller, "case.triage", c -> {
                    Priority from = c.priority;
                    if (priority != null && from.isAbove(priority)) {
                        ProblemException lowered = ProblemException.conflict(
                                "priority-lowered",
                                "Priority lowered",
                                "Triage raises a case's priority or keeps it; " + from + " cannot become " + priority);
                        lowered.problem().with("priority", from.name());
                        throw lowered;
                    }
                    Uni<Void> raised = Uni.createFrom().voidItem();
                    if (priority != null && priority != from) {
                        c.priority = priority;
                        c.firstResponseDue = rules.firstResponseDue(priority, c.reportedAt);
                        c.resolutionDue = rules.resolutionDue(priority, c.reportedAt);
                        raised = priorityChange(c, from, priority, reason, actor);
                    }
                    if (desk != null) {
                        c.routedTo = desk;
                    }
                    if (c.firstRespondedAt == null) {
                        c.firstRespondedAt = c.updatedAt;
                    }
                    return raised.chain(() -> move(c, CaseStatus.TRIAGED, reason, actor))
                            .call(() -> access.record(access.event(actor, "case.triage", c)
                                    .reason("priority=" + c.priority + " from=" + from + " desk=" + c.routedTo)
                                    .build()));
                })
                .invoke(c -> Log.infof("event=case-triaged case=%s priority=%s", c.id, c.priority));
    }

    /**
     * One step of the workflow other than triage and closing: to IN_PROGRESS, REFERRED, RESOLVED or REOPENED, as
     * {@link CaseStatus#next()} allows from where the case is. TRIAGED goes through {@link #triage}, CLOSED through a
     * supervisor's approval of a closure request.
     */
    public Uni<ProtectionCase> transition(UUID caseId, long version, CaseStatus to, String reason, Caller caller) {
        AuditActor actor = caller.actor();
        return access.change(caseId, version, caller, "case.transition", c -> {
                    if (to == CaseStatus.TRIAGED || to == CaseStatus.CLOSED) {
                        ProblemException e = ProblemException.conflict(
                                to == CaseStatus.TRIAGED ? "use-triage" : "closure-needs-approval",
                                to == CaseStatus.TRIAGED ? "Triage it" : "Closing needs a supervisor",
                                to == CaseStatus.TRIAGED
                                        ? "A case is triaged at POST /api/cases/{id}/triage, which sets its priority"
                                        : "Ask for closing at POST /api/cases/{id}/closure-requests; a supervisor"
                                                + " approves it");
                        e.problem().with("from", c.status.name()).with("to", to.name());
                        throw e;
                    }
                    if (to == CaseStatus.REFERRED && c.status.canMoveTo(to)) {
                        return referralInForce(c).chain(() -> move(c, to, reason, actor));
                    }
                    return move(c, to, reason, actor);
                })
                .invoke(c -> Log.infof("event=case-transition case=%s status=%s", c.id, c.status));
    }

    /**
     * 409 {@code no-referral} unless the case has a referral waiting for an answer or accepted: a case is REFERRED
     * because it was referred (POST /api/cases/{id}/referrals does that, and moves it there itself).
     */
    private static Uni<Void> referralInForce(ProtectionCase c) {
        return CaseReferral.count(
                        "caseId = ?1 and status in ?2", c.id, List.of(ReferralStatus.PENDING, ReferralStatus.ACCEPTED))
                .invoke(n -> {
                    if (n == 0) {
                        ProblemException none = ProblemException.conflict(
                                "no-referral",
                                "Not referred",
                                "A case moves to REFERRED only with a referral pending or accepted; refer it at"
                                        + " POST /api/cases/{id}/referrals");
                        none.problem().with("from", c.status.name()).with("to", CaseStatus.REFERRED.name());
                        throw none;
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Moves the case to {@code to} if the workflow allows it from where it is, recording the step and auditing it as
     * {@code case.transition} with {@code from=… to=…} (the audit log's retention reads {@code to=CLOSED} and
     * {@code to=REOPENED}). Must run inside {@link CaseAccess#change}.
     */
    public Uni<ProtectionCase> move(ProtectionCase c, CaseStatus to, String reason, AuditActor actor) {
        CaseStatus from = c.status;
        if (!from.canMoveTo(to)) {
            ProblemException illegal = ProblemException.conflict(
                    "illegal-transition",
                    "Illegal transition",
                    "A case cannot move from " + from + " to " + to + "; from " + from + " it may move to "
                            + from.next());
            illegal.problem()
                    .with("from", from.name())
                    .with("to", to.name())
                    .with("allowed", from.next().stream().map(Enum::name).toList());
            throw illegal;
        }
        Instant now = c.updatedAt;
        c.status = to;
        switch (to) {
            case RESOLVED -> c.resolvedAt = now;
            case CLOSED -> c.closedAt = now;
            case REOPENED -> {
                c.resolvedAt = null;
                c.closedAt = null;
            }
            default -> {
                if (from == CaseStatus.RESOLVED) {
                    c.resolvedAt = null;
                }
            }
        }
        CaseStatusChange change = new CaseStatusChange();
        change.id = UUID.randomUUID();
        change.caseId = c.id;
        change.fromStatus = from;
        change.toStatus = to;
        change.actorSubject = actor.subject();
        change.actorUsername = actor.username();
        change.reason = reason;
        change.changedAt = now;
        Uni<Integer> withdrawn = from == CaseStatus.RESOLVED && to != CaseStatus.CLOSED
                ? CaseClosureRequest.update(
                        "decision = ?1, decidedBy = ?2, decidedUsername = ?3, decisionReason = ?4, decidedAt = ?5"
                                + " where caseId = ?6 and decision is null",
                        CaseClosureRequest.Decision.WITHDRAWN,
                        actor.subject(),
                        actor.username(),
                        "the case moved to " + to,
                        now,
                        c.id)
                : Uni.createFrom().item(0);
        return change.persist()
                .chain(() -> withdrawn)
                .call(() -> access.record(access.event(actor, "case.transition", c)
                        .reason("from=" + from + " to=" + to)
                        .build()))
                .replaceWith(c);
    }

    /** An officer of the lead side asks to close a resolved case; a supervisor other than them decides. */
    public Uni<Versioned<CaseClosureRequest>> requestClosure(UUID caseId, long version, String reason, Caller caller) {
        AuditActor actor = caller.actor();
        CaseClosureRequest request = new CaseClosureRequest();
        return access.change(caseId, version, caller, "case.closure-request", c -> {
                    if (c.status != CaseStatus.RESOLVED) {
                        ProblemException e = ProblemException.conflict(
                                "case-not-resolved",
                                "Case not resolved",
                                "Only a resolved case may be closed; this one is " + c.status);
                        e.problem().with("status", c.status.name());
                        throw e;
                    }
                    return CaseClosureRequest.count("caseId = ?1 and decision is null", c.id)
                            .chain(open -> {
                                if (open > 0) {
                                    throw ProblemException.conflict(
                                            "closure-pending",
                                            "Closure already asked",
                                            "Case " + c.id + " has a closure request waiting for a supervisor");
                                }
                                request.id = UUID.randomUUID();
                                request.caseId = c.id;
                                request.requestedBy = actor.subject();
                                request.requestedUsername = actor.username();
                                request.reason = reason;
                                request.requestedAt = c.updatedAt;
                                return request.persist();
                            })
                            .call(() -> access.record(access.event(actor, "case.closure-request", c)
                                    .reason("request=" + request.id)
                                    .build()))
                            .replaceWith(c);
                })
                .map(c -> new Versioned<>(request, c.version));
    }

    /**
     * A supervisor approves or rejects the waiting closure request. Approval closes the case; the supervisor must
     * lead-side supervise it (a mission's head of protection for their mission, PWNI headquarters for any case Kemlu
     * leads, KemenP2MI's for the cases it leads) and must not be the officer who asked.
     */
    public Uni<ProtectionCase> decideClosure(
            UUID caseId,
            long version,
            UUID requestId,
            CaseClosureRequest.Decision decision,
            String reason,
            Caller caller) {
        AuditActor actor = caller.actor();
        return access.change(caseId, version, caller, "case.closure-decision", c -> {
                    checkSupervises(caller, c);
                    return CaseClosureRequest.<CaseClosureRequest>findById(requestId)
                            .chain(request -> {
                                if (request == null || !request.caseId.equals(c.id)) {
                                    throw ProblemException.notFound("Closure request " + requestId);
                                }
                                if (request.decision != null) {
                                    throw ProblemException.conflict(
                                            "closure-decided",
                                            "Already decided",
                                            "Closure request " + requestId + " was " + request.decision);
                                }
                                if (request.requestedBy.equals(actor.subject())) {
                                    throw ProblemException.forbidden(
                                            "own-request",
                                            "Not your own request",
                                            "A supervisor other than the officer who asked decides on closing");
                                }
                                request.decision = decision;
                                request.decidedBy = actor.subject();
                                request.decidedUsername = actor.username();
                                request.decisionReason = reason;
                                request.decidedAt = c.updatedAt;
                                Uni<ProtectionCase> closed = decision == CaseClosureRequest.Decision.APPROVED
                                        ? move(c, CaseStatus.CLOSED, reason, actor)
                                        : Uni.createFrom().item(c);
                                return closed.call(() -> access.record(access.event(actor, "case.closure-decision", c)
                                        .reason("request=" + requestId + " decision=" + decision)
                                        .build()));
                            });
                })
                .invoke(c -> Log.infof("event=case-closure-decided case=%s status=%s", c.id, c.status));
    }

    /** One closure request of a case the caller sees, audited as the list's read; 404 when the case has none such. */
    public Uni<Versioned<CaseClosureRequest>> closureRequest(UUID caseId, UUID requestId, Caller caller) {
        return access.readRow(
                caseId,
                caller,
                "case.closure-requests.read",
                "closure request",
                requestId,
                c -> CaseClosureRequest.<CaseClosureRequest>find("id = ?1 and caseId = ?2", requestId, c.id)
                        .firstResult());
    }

    /** The closure requests of a case the caller sees, oldest first. */
    public Uni<List<CaseClosureRequest>> closureRequests(UUID caseId, Caller caller) {
        return access.read(caseId, caller, "case.closure-requests.read")
                .chain(c -> CaseClosureRequest.<CaseClosureRequest>list("caseId = ?1 order by requestedAt", c.id));
    }

    private static void checkSupervises(Caller caller, ProtectionCase c) {
        boolean supervisor = caller.hasRole(Roles.PROTECTION_SUPERVISOR);
        boolean allowed =
                switch (c.leadAgency) {
                    case KEMLU ->
                        caller.hasRole(Roles.PWNI_HQ)
                                || (supervisor
                                        && caller.hasRole(Roles.CONSULAR_OFFICER)
                                        && caller.requireMission().equals(c.missionId));
                    case KEMENP2MI -> supervisor && caller.hasRole(Roles.P2MI_OFFICER);
                };
        if (!allowed) {
            throw ProblemException.forbidden(
                    "not-supervisor",
                    "Not a supervisor of this case",
                    "Closing is approved by a supervisor of the lead side: a mission's head of protection or PWNI"
                            + " headquarters when Kemlu leads, KemenP2MI's when it leads");
        }
    }

    /**
     * Hands the lead of an open case to another agency or mission, with a reason: the side that leads (or PWNI
     * headquarters) gives it away, and the side giving it up takes part from then on. When Kemlu takes the lead,
     * {@code toMission} names its mission (the case's own when omitted).
     */
    public Uni<ProtectionCase> handOver(
            UUID caseId, long version, Agency toAgency, String toMission, String reason, Caller caller) {
        if (toMission != null && reference.mission(toMission).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        AuditActor actor = caller.actor();
        return access.change(
                        caseId,
                        version,
                        caller,
                        "case.lead-handover",
                        c -> changeLead(c, toAgency, toMission, reason, actor))
                .invoke(c -> Log.infof(
                        "event=case-lead-handover case=%s lead=%s mission=%s", c.id, c.leadAgency, c.missionId));
    }

    /**
     * Gives the lead of the open case to {@code toAgency} (its mission {@code toMission} when Kemlu, the case's own
     * when null), recording who, when and why and auditing it as {@code case.lead-handover}; the side giving up the
     * lead takes part from then on. Must run inside {@link CaseAccess#change}; a hand-over and an accepted transfer
     * (see {@code CaseReferrals}) both come here.
     */
    public Uni<ProtectionCase> changeLead(
            ProtectionCase c, Agency toAgency, String toMission, String reason, AuditActor actor) {
        if (!c.status.isOpen()) {
            throw ProblemException.conflict(
                    "case-closed", "Case closed", "A closed case keeps its lead; reopen it first");
        }
        String mission = toMission != null ? toMission : c.missionId;
        if (toAgency == Agency.KEMLU && mission == null) {
            throw ProblemException.invalidField(
                    "mission-required", "missionId", "is required when Kemlu takes the lead");
        }
        if (toAgency == c.leadAgency && java.util.Objects.equals(mission, c.missionId)) {
            throw ProblemException.conflict("already-lead", "Already the lead", "The case is led there already");
        }
        CaseLeadChange change = new CaseLeadChange();
        change.id = UUID.randomUUID();
        change.caseId = c.id;
        change.fromAgency = c.leadAgency;
        change.fromMission = c.missionId;
        change.toAgency = toAgency;
        change.toMission = mission;
        change.actorSubject = actor.subject();
        change.actorUsername = actor.username();
        change.reason = reason;
        change.changedAt = c.updatedAt;
        if (toAgency != c.leadAgency) {
            c.participantAgency = c.leadAgency;
        }
        c.leadAgency = toAgency;
        c.missionId = mission;
        return change.persist()
                .call(() -> access.record(access.event(actor, "case.lead-handover", c)
                        .reason("from=" + change.fromAgency
                                + (change.fromMission == null ? "" : "/" + change.fromMission) + " to="
                                + toAgency
                                + (mission == null ? "" : "/" + mission))
                        .build()))
                .replaceWith(c);
    }

    private Uni<Void> priorityChange(ProtectionCase c, Priority from, Priority to, String reason, AuditActor actor) {
        CasePriorityChange change = new CasePriorityChange();
        change.id = UUID.randomUUID();
        change.caseId = c.id;
        change.fromPriority = from;
        change.toPriority = to;
        change.actorSubject = actor.subject();
        change.actorUsername = actor.username();
        change.reason = reason;
        change.changedAt = c.updatedAt;
        return change.persist().replaceWithVoid();
    }
}
