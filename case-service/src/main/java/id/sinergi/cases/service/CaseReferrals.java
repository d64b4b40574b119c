package id.sinergi.cases.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.cases.client.ConsentDecisions;
import id.sinergi.cases.client.ConsentDecisions.Verdict;
import id.sinergi.cases.domain.CaseReferral;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.domain.ReferralKind;
import id.sinergi.cases.domain.ReferralStatus;
import id.sinergi.cases.domain.ReferralTarget;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.ReferralDtos.Answer;
import id.sinergi.cases.rest.ReferralDtos.ReferralRequest;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Referrals and transfers of a case to the other ministry or to a named service, and their answers.
 *
 * <p>The lead side refers; the case moves to REFERRED when its status allows. A referral that shares worker data
 * needs consent-service's permit for every shared category, asked for the worker, the receiving agency (the lead
 * agency itself for a named service, which it passes the data to) and {@code PROTECTION_CASE_HANDLING}. The case is
 * checked in one transaction, consent-service is asked outside any, and the referral is stored in a second one
 * through {@link CaseAccess#change}, at the version the officer named: a case changed in between is 412, so the
 * permit always belongs to the case as it is stored. A denial is 403 {@code consent-denied} and a consent-service
 * without an answer 503 {@code consent-unavailable}; either stores nothing but its audit event. PWNI headquarters
 * may instead override with a written reason, audited as {@code case.referral-override} with the reason in the
 * event's encrypted details.
 *
 * <p>A ministry answers through its officers (KemenP2MI's officers; for Kemlu, the consular officers of the
 * mission the referral is addressed to, or PWNI headquarters); the lead side records a named service's answer. An
 * accepted transfer hands the lead over as {@link CaseWorkflow#changeLead} does.
 */
@ApplicationScoped
public class CaseReferrals {

    static final String REFER = "case.referral";
    static final String DECIDE = "case.referral-decision";
    static final String OVERRIDE = "case.referral-override";
    static final String READ = "case.referral.read";

    @Inject
    CaseAccess access;

    @Inject
    CaseWorkflow workflow;

    @Inject
    ReferenceData reference;

    @Inject
    ConsentDecisions consent;

    @Inject
    ObjectMapper mapper;

    /** A referral request, checked for shape: what is shared and on whose word. */
    record Plan(ReferralRequest request, Set<DataCategory> categories, String overrideReason) {

        boolean shares() {
            return !categories.isEmpty();
        }

        /** The agency whose permit sharing needs: the ministry referred to, or the lead passing data to a service. */
        Agency receivingAgency(ProtectionCase c) {
            return request.to().agency().orElse(c.leadAgency);
        }
    }

    /** Refers the case at {@code version}, asking consent-service first when worker data is shared. */
    public Uni<Versioned<CaseReferral>> refer(UUID caseId, long version, ReferralRequest request, Caller caller) {
        Plan plan = plan(request);
        AuditActor actor = caller.actor();
        if (!plan.shares()) {
            return store(caseId, version, plan, null, caller, actor);
        }
        return precheck(caseId, version, plan, caller, actor)
                .chain(c ->
                        plan.overrideReason() != null ? Uni.createFrom().<Verdict>nullItem() : permit(c, plan, actor))
                .chain(verdict -> store(caseId, version, plan, verdict, caller, actor));
    }

    /** Checks the request's shape, before anything is read: 400 for what no case could accept. */
    Plan plan(ReferralRequest request) {
        ReferralTarget to = request.to();
        if (request.kind() == ReferralKind.TRANSFER && to.isService()) {
            throw ProblemException.invalidField(
                    "transfer-to-service", "to", "must be KEMLU or KEMENP2MI for a TRANSFER: only a ministry leads");
        }
        if (to.isService() && request.providerName() == null) {
            throw ProblemException.invalidField(
                    "provider-required", "providerName", "is required for a referral to a service");
        }
        if (!to.isService() && request.providerName() != null) {
            throw ProblemException.invalidField(
                    "provider-not-for-ministry", "providerName", "must be left out for a referral to a ministry");
        }
        if (request.missionId() != null) {
            if (to != ReferralTarget.KEMLU) {
                throw ProblemException.invalidField(
                        "mission-not-for-target", "missionId", "is only for a referral to KEMLU");
            }
            if (reference.mission(request.missionId()).isEmpty()) {
                throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
            }
        }
        boolean named =
                request.dataCategories() != null && !request.dataCategories().isEmpty();
        if (request.shares() && !named) {
            throw ProblemException.invalidField(
                    "categories-required", "dataCategories", "are required when sharesWorkerData is true");
        }
        if (!request.shares() && named) {
            throw ProblemException.invalidField(
                    "categories-without-sharing", "dataCategories", "must be left out unless sharesWorkerData is true");
        }
        String override = request.strippedOverrideReason();
        if (override != null && !request.shares()) {
            throw ProblemException.invalidField(
                    "override-without-sharing", "overrideReason", "is only for a referral that shares worker data");
        }
        Set<DataCategory> categories =
                named ? EnumSet.copyOf(request.dataCategories()) : EnumSet.noneOf(DataCategory.class);
        return new Plan(request, categories, override);
    }

    /**
     * The checks {@link CaseAccess#change} will make, before consent-service is asked: 404 (audited as denied) out
     * of scope, 403 {@code not-lead}, 403 {@code override-not-allowed} for anyone but PWNI headquarters (audited as
     * denied, so the security team sees the attempt), 412 and the referral's own 409s.
     */
    private Uni<ProtectionCase> precheck(UUID caseId, long version, Plan plan, Caller caller, AuditActor actor) {
        CallerScope scope = CallerScope.of(caller);
        return access.sighted(caseId, caller, REFER).chain(c -> {
            if (!scope.leads(c)) {
                throw CaseAccess.notLead(c);
            }
            if (plan.overrideReason() != null && !caller.hasRole(Roles.PWNI_HQ)) {
                return Panache.withTransaction(() -> access.record(access.event(actor, OVERRIDE, c)
                                .outcome(AuditOutcome.DENIED)
                                .reason("override-not-allowed to="
                                        + plan.request().to() + " categories=" + plan.categories())
                                .build()))
                        .chain(() -> Uni.createFrom().failure(overrideNotAllowed()));
            }
            if (c.version != version) {
                throw CaseVersions.stale(caseId, c.version);
            }
            addressedMission(c, plan);
            checkOpen(c);
            return Uni.createFrom().item(c);
        });
    }

    /**
     * consent-service's permit for the shared categories; a denial or no answer is audited (DENIED or FAILED) in a
     * transaction of its own and refused, so that nothing but the event is stored.
     */
    private Uni<Verdict> permit(ProtectionCase c, Plan plan, AuditActor actor) {
        Agency agency = plan.receivingAgency(c);
        return consent.decide(c.workerId, agency, plan.categories())
                .onFailure(ProblemException.class)
                .call(e -> Panache.withTransaction(() -> access.record(access.event(actor, REFER, c)
                        .outcome(AuditOutcome.FAILED)
                        .reason("consent-service " + slug((ProblemException) e) + " agency=" + agency + " to="
                                + plan.request().to())
                        .build())))
                .chain(verdict -> {
                    if (verdict.permits()) {
                        return Uni.createFrom().item(verdict);
                    }
                    return Panache.withTransaction(() -> access.record(access.event(actor, REFER, c)
                                    .outcome(AuditOutcome.DENIED)
                                    .reason("consent-denied decision=" + verdict.reason() + " agency=" + agency + " to="
                                            + plan.request().to() + " denied=" + verdict.denied())
                                    .build()))
                            .invoke(() -> Log.infof(
                                    "event=case-referral-consent-denied case=%s agency=%s reason=%s",
                                    c.id, agency, verdict.reason()))
                            .chain(() -> Uni.createFrom().failure(consentDenied(verdict)));
                });
    }

    /** Stores the referral, with its permit or override, in one change of the case. */
    private Uni<Versioned<CaseReferral>> store(
            UUID caseId, long version, Plan plan, Verdict verdict, Caller caller, AuditActor actor) {
        ReferralRequest request = plan.request();
        CaseReferral r = new CaseReferral();
        return access.change(caseId, version, caller, REFER, c -> {
                    checkOpen(c);
                    String mission = addressedMission(c, plan);
                    if (plan.overrideReason() != null && !caller.hasRole(Roles.PWNI_HQ)) {
                        throw overrideNotAllowed();
                    }
                    Uni<Long> pendingTransfers = request.kind() == ReferralKind.TRANSFER
                            ? CaseReferral.count(
                                    "caseId = ?1 and kind = ?2 and status = ?3",
                                    c.id,
                                    ReferralKind.TRANSFER,
                                    ReferralStatus.PENDING)
                            : Uni.createFrom().item(0L);
                    return pendingTransfers.chain(pending -> {
                        if (pending > 0) {
                            throw ProblemException.conflict(
                                    "transfer-pending",
                                    "Transfer pending",
                                    "A transfer of this case waits for an answer; one transfer at a time");
                        }
                        fill(r, c, plan, mission, verdict, actor);
                        request.to().agency().ifPresent(agency -> {
                            // The ministry asked to act takes part, so that its officers see the case and answer.
                            if (c.participantAgency == null) {
                                c.participantAgency = agency;
                            }
                            if (agency == Agency.KEMLU && c.missionId == null) {
                                c.missionId = mission;
                            }
                        });
                        return r.persist()
                                .chain(() -> access.record(access.event(actor, REFER, c)
                                        .reason(summary(r))
                                        .build()))
                                .chain(() -> plan.overrideReason() == null
                                        ? Uni.createFrom().voidItem()
                                        : access.record(access.event(actor, OVERRIDE, c)
                                                .reason("referral=" + r.id + " to=" + r.target + " agency="
                                                        + plan.receivingAgency(c) + " categories="
                                                        + r.dataCategories)
                                                .details(overrideDetails(r))
                                                .build()))
                                .chain(() -> c.status.canMoveTo(CaseStatus.REFERRED)
                                        ? workflow.move(c, CaseStatus.REFERRED, request.reason(), actor)
                                        : Uni.createFrom().item(c));
                    });
                })
                .map(c -> new Versioned<>(r, c.version))
                .invoke(() -> Log.infof(
                        "event=case-referred case=%s referral=%s kind=%s to=%s shares=%s basis=%s",
                        caseId, r.id, r.kind, r.target, r.sharesWorkerData, r.sharingBasis));
    }

    private static void fill(
            CaseReferral r, ProtectionCase c, Plan plan, String mission, Verdict verdict, AuditActor actor) {
        ReferralRequest request = plan.request();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.kind = request.kind();
        r.target = request.to();
        r.toMission = request.to() == ReferralTarget.KEMLU ? mission : null;
        r.providerName = request.providerName();
        r.reason = request.reason();
        r.fromAgency = c.leadAgency;
        r.fromMission = c.missionId;
        r.status = ReferralStatus.PENDING;
        r.sharesWorkerData = plan.shares();
        r.dataCategories = plan.categories();
        if (plan.shares()) {
            if (plan.overrideReason() != null) {
                r.sharingBasis = CaseReferral.SharingBasis.OVERRIDE;
                r.overrideReason = plan.overrideReason();
            } else {
                r.sharingBasis = CaseReferral.SharingBasis.PERMIT;
                r.consentBasis = verdict.answer().basis();
                r.consentReason = verdict.reason();
                r.consentGrantId = verdict.answer().grantId();
                r.consentVitalInterestId = verdict.answer().vitalInterestId();
            }
        }
        r.createdBy = actor.subject();
        r.createdUsername = actor.username();
        r.createdAt = c.updatedAt;
    }

    /** The audit event's reason: codes and ids only, never the officer's text. */
    private static String summary(CaseReferral r) {
        StringBuilder s = new StringBuilder("referral=")
                .append(r.id)
                .append(" kind=")
                .append(r.kind)
                .append(" to=")
                .append(r.target);
        if (r.toMission != null) {
            s.append('/').append(r.toMission);
        }
        if (r.sharesWorkerData) {
            s.append(" categories=")
                    .append(r.dataCategories)
                    .append(" sharing=")
                    .append(r.sharingBasis);
            if (r.sharingBasis == CaseReferral.SharingBasis.PERMIT) {
                s.append(" consent=")
                        .append(r.consentReason)
                        .append(" basis=")
                        .append(r.consentBasis == null ? "-" : r.consentBasis)
                        .append(" grant=")
                        .append(r.consentGrantId == null ? "-" : r.consentGrantId);
            }
        } else {
            s.append(" shares=none");
        }
        return s.toString();
    }

    /** The override's reason as the event's details, which audit-service keeps encrypted under the worker's key. */
    private ObjectNode overrideDetails(CaseReferral r) {
        ObjectNode details = mapper.createObjectNode();
        details.put("referralId", r.id.toString());
        details.put("overrideReason", r.overrideReason);
        return details;
    }

    /**
     * The mission a referral to Kemlu goes to: the case's own, or the one named when the case has none yet; null
     * for another target. 400 {@code mission-required} when neither is known, 409 {@code other-mission} when the
     * one named is not the case's, 409 {@code not-other-ministry} for a referral to the lead ministry itself.
     */
    private static String addressedMission(ProtectionCase c, Plan plan) {
        ReferralRequest request = plan.request();
        Agency agency = request.to().agency().orElse(null);
        if (agency == c.leadAgency) {
            ProblemException same = ProblemException.conflict(
                    "not-other-ministry",
                    "Not the other ministry",
                    agency + " leads this case; a case is referred to the other ministry or to a service");
            same.problem().with("leadAgency", c.leadAgency.name());
            throw same;
        }
        if (request.to() != ReferralTarget.KEMLU) {
            return null;
        }
        if (request.missionId() == null && c.missionId == null) {
            throw ProblemException.invalidField(
                    "mission-required", "missionId", "is required: the case has no mission yet");
        }
        if (request.missionId() != null
                && c.missionId != null
                && !request.missionId().equals(c.missionId)) {
            ProblemException other = ProblemException.conflict(
                    "other-mission",
                    "Not the case's mission",
                    "A referral to Kemlu goes to the case's mission " + c.missionId);
            other.problem().with("missionId", c.missionId);
            throw other;
        }
        return c.missionId != null ? c.missionId : request.missionId();
    }

    private static void checkOpen(ProtectionCase c) {
        if (!c.status.isOpen()) {
            throw ProblemException.conflict("case-closed", "Case closed", "A closed case is not referred; reopen it");
        }
    }

    /**
     * The receiving party's answer, with its reason, at the case's version {@code version}. An accepted transfer
     * hands the lead to the ministry referred to, and the former lead takes part from then on.
     */
    public Uni<Versioned<CaseReferral>> decide(
            UUID caseId, long version, UUID referralId, Answer answer, String reason, Caller caller) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        CaseReferral[] decided = new CaseReferral[1];
        return access.change(caseId, version, caller, DECIDE, false, c -> CaseReferral.<CaseReferral>findById(
                                referralId)
                        .chain(r -> {
                            if (r == null || !r.caseId.equals(c.id)) {
                                throw ProblemException.notFound("Referral " + referralId);
                            }
                            checkAnswers(r, c, scope, caller);
                            if (r.status != ReferralStatus.PENDING) {
                                ProblemException done = ProblemException.conflict(
                                        "referral-decided",
                                        "Already answered",
                                        "Referral " + referralId + " was " + r.status);
                                done.problem().with("status", r.status.name());
                                throw done;
                            }
                            if (!c.status.isOpen()) {
                                throw ProblemException.conflict(
                                        "case-closed", "Case closed", "A closed case is not changed; reopen it");
                            }
                            r.status = answer == Answer.ACCEPTED ? ReferralStatus.ACCEPTED : ReferralStatus.REJECTED;
                            r.decidedBy = actor.subject();
                            r.decidedUsername = actor.username();
                            r.decisionReason = reason;
                            r.decidedAt = c.updatedAt;
                            decided[0] = r;
                            Uni<ProtectionCase> lead = Uni.createFrom().item(c);
                            if (r.kind == ReferralKind.TRANSFER && r.status == ReferralStatus.ACCEPTED) {
                                if (c.leadAgency != r.fromAgency) {
                                    throw ProblemException.conflict(
                                            "lead-changed",
                                            "Lead changed",
                                            "The case's lead changed since it was transferred; the transfer can"
                                                    + " only be rejected");
                                }
                                lead = workflow.changeLead(
                                        c, r.target.agency().orElseThrow(), r.toMission, reason, actor);
                            }
                            return lead.call(() -> access.record(access.event(actor, DECIDE, c)
                                    .reason("referral=" + r.id + " decision=" + r.status + " kind=" + r.kind + " to="
                                            + r.target)
                                    .build()));
                        }))
                .map(c -> new Versioned<>(decided[0], c.version))
                .invoke(v -> Log.infof(
                        "event=case-referral-decided case=%s referral=%s decision=%s",
                        caseId, v.value().id, v.value().status));
    }

    /**
     * Who answers: for a ministry, its side (KemenP2MI's officers; Kemlu's consular officers of the mission the
     * referral is addressed to, or PWNI headquarters); for a named service, the lead side recording the answer.
     */
    private static void checkAnswers(CaseReferral r, ProtectionCase c, CallerScope scope, Caller caller) {
        if (r.target.isService()) {
            if (!scope.leads(c)) {
                throw CaseAccess.notLead(c);
            }
            return;
        }
        boolean receiving =
                switch (r.target.agency().orElseThrow()) {
                    case KEMENP2MI -> caller.hasRole(Roles.P2MI_OFFICER);
                    case KEMLU ->
                        caller.hasRole(Roles.PWNI_HQ)
                                || (caller.hasRole(Roles.CONSULAR_OFFICER)
                                        && caller.mission()
                                                .filter(r.toMission::equals)
                                                .isPresent());
                };
        if (!receiving) {
            ProblemException e = ProblemException.forbidden(
                    "not-receiving-side",
                    "Not the receiving side",
                    "A referral to " + r.target + " is answered by its officers"
                            + (r.toMission == null ? "" : " (mission " + r.toMission + " or PWNI headquarters)"));
            e.problem().with("to", r.target.name());
            throw e;
        }
    }

    /** One referral of the case, audited as the list's read; 404 when the case has none such. */
    public Uni<Versioned<CaseReferral>> find(UUID caseId, UUID referralId, Caller caller) {
        return access.readRow(caseId, caller, READ, "referral", referralId, c -> CaseReferral.<CaseReferral>find(
                        "id = ?1 and caseId = ?2", referralId, c.id)
                .firstResult());
    }

    /** The case's referrals, oldest first; the read is audited. */
    public Uni<List<CaseReferral>> list(UUID caseId, Caller caller) {
        return access.read(caseId, caller, READ)
                .chain(c -> Panache.withSession(
                        () -> CaseReferral.<CaseReferral>list("caseId = ?1 order by createdAt, id", c.id)));
    }

    private static ProblemException overrideNotAllowed() {
        return ProblemException.forbidden(
                "override-not-allowed",
                "Override not allowed",
                "Only PWNI headquarters may share worker data without consent-service's permit");
    }

    /** 403 consent-denied with consent-service's reason and the categories it did not permit. */
    static ProblemException consentDenied(Verdict verdict) {
        ProblemException e = ProblemException.forbidden(
                "consent-denied",
                "Consent denied",
                "consent-service does not permit sharing " + verdict.denied() + " of this worker with the receiving"
                        + " party (" + verdict.reason() + "); nothing was stored");
        e.problem()
                .with("consentReason", verdict.reason())
                .with(
                        "deniedCategories",
                        verdict.denied().stream().map(Enum::name).toList());
        return e;
    }

    private static String slug(ProblemException problem) {
        String type = problem.problem().getType();
        return type.startsWith(Problem.TYPE_PREFIX) ? type.substring(Problem.TYPE_PREFIX.length()) : type;
    }
}
