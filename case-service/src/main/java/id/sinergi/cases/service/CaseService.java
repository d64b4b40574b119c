package id.sinergi.cases.service;

import id.sinergi.cases.client.WorkerDirectory;
import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Channel;
import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.domain.ReporterRelation;
import id.sinergi.cases.reference.CaseCategory;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.cases.rest.CaseDtos.ReportRequest;
import id.sinergi.cases.rest.CaseDtos.Reporter;
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
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reports, reads and lists protection cases; every step is audited in the same transaction. */
@ApplicationScoped
public class CaseService {

    @Inject
    CaseAccess access;

    @Inject
    ReferenceData reference;

    @Inject
    WorkerDirectory workers;

    @Inject
    ReferenceNumbers numbers;

    @Inject
    LeadRules rules;

    @Inject
    IntakeKeys intakeKeys;

    /** A stored report: the case, and whether it was stored before under the same Idempotency-Key. */
    public record Reported(ProtectionCase protectionCase, boolean replayed) {}

    /**
     * Checks the request and the caller, resolves the worker in identity-service (outside any transaction), then
     * numbers and stores the case with its lead agency. With an Idempotency-Key, a report the caller sent before
     * under the key is answered with the case it made, and nothing new is stored; the same key with another report
     * is 422 {@code idempotency-key-reused}.
     */
    public Uni<Reported> report(ReportRequest request, Optional<String> idempotencyKey, Caller caller) {
        CaseCategory category = checkReport(request, caller);
        AuditActor actor = caller.actor();
        String subject = caller.subject();
        Optional<IntakeKeys.Key> key = idempotencyKey.map(k -> intakeKeys.key(subject, k, request));
        return key.map(intakeKeys::replay)
                .orElse(Uni.createFrom().nullItem())
                .chain(replayed -> {
                    if (replayed != null) {
                        return replay(replayed, caller);
                    }
                    Uni<UUID> worker = request.workerId() != null
                            ? workers.byId(request.workerId(), caller.rawToken())
                            : workers.byNik(request.nik(), caller.rawToken());
                    return worker.chain(workerId -> Panache.withTransaction(() -> store(
                                                    request, category, workerId, subject, actor)
                                            .call(c -> key.map(k -> intakeKeys.remember(k, c))
                                                    .orElse(Uni.createFrom().voidItem())))
                                    .map(c -> new Reported(c, false)))
                            .onFailure(IntakeKeys::isKeyTaken)
                            .recoverWithUni(
                                    e -> intakeKeys.replay(key.orElseThrow()).chain(c -> replay(c, caller)));
                })
                .invoke(r -> Log.infof(
                        "event=case-reported case=%s reference=%s worker=%s mission=%s lead=%s replayed=%s",
                        r.protectionCase().id,
                        r.protectionCase().reference,
                        r.protectionCase().workerId,
                        r.protectionCase().missionId,
                        r.protectionCase().leadAgency,
                        r.replayed()));
    }

    /**
     * Answers a repeated report with the case it made, audited as {@code case.report.replay}. The sender gets the
     * case only while they may still see it (the Peduli WNI portal, which sees no case, gets back what it sent); a
     * case that has since left their sight is 404, audited as denied.
     */
    private Uni<Reported> replay(ProtectionCase c, Caller caller) {
        boolean portal = caller.hasRole(Roles.SOURCE_CONNECTOR);
        boolean visible = portal || CallerScope.of(caller).sees(c);
        AuditEvent.Builder event = access.event(caller.actor(), "case.report.replay", c);
        if (!visible) {
            event.outcome(AuditOutcome.DENIED).reason("out-of-scope");
        }
        return Panache.withTransaction(() -> access.record(event.build())).map(ignored -> {
            if (!visible) {
                throw ProblemException.notFound("Case " + c.id);
            }
            return new Reported(c, true);
        });
    }

    /** Every check of a report that needs no other service; the category it names. */
    private CaseCategory checkReport(ReportRequest request, Caller caller) {
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
        if (request.missionId() != null
                && reference.mission(request.missionId()).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        CaseCategory category = reference
                .category(request.categoryCode())
                .orElseThrow(() -> ProblemException.invalidField(
                        "unknown-category", "categoryCode", "is not a known case category"));
        if (request.missionId() == null
                && (request.phase() == Phase.ABROAD || rules.lead(request.phase()) == Agency.KEMLU)) {
            throw ProblemException.invalidField(
                    "mission-required",
                    "missionId",
                    "is required: a case of phase " + request.phase() + " is led by the mission of its country");
        }
        checkReporter(request.channel(), reporterOf(request));
        checkMayReport(caller, request.channel(), request.missionId());
        return category;
    }

    private static Reporter reporterOf(ReportRequest request) {
        return request.reporter() == null ? Reporter.WORKER_ITSELF : request.reporter();
    }

    /** A proxy is named and says how they relate to the worker; the worker reporting is not named again. */
    static void checkReporter(Channel channel, Reporter reporter) {
        boolean proxy = reporter.relation() != ReporterRelation.WORKER;
        if (proxy && (reporter.name() == null || reporter.relationship() == null)) {
            throw ProblemException.invalidField(
                    "proxy-unnamed",
                    "reporter",
                    "must give name and relationship when a family member or other proxy reports");
        }
        if (!proxy && (reporter.name() != null || reporter.relationship() != null || reporter.contact() != null)) {
            throw ProblemException.invalidField(
                    "worker-is-reporter",
                    "reporter",
                    "must not name a proxy when the worker reports (relation WORKER)");
        }
        if (channel == Channel.FAMILY && !proxy) {
            throw ProblemException.invalidField(
                    "proxy-required", "reporter", "must name the family member or proxy for channel FAMILY");
        }
    }

    /**
     * Who reports through which channel: the Peduli WNI portal (Kemlu's source connector) through PEDULI_WNI only;
     * a walk-in at a mission by that mission's consular officer or by PWNI headquarters; the crisis centre by
     * KemenP2MI officers; a hotline or family report by any officer. A consular officer reports for their own
     * mission only.
     */
    static void checkMayReport(Caller caller, Channel channel, String missionId) {
        boolean portal =
                caller.hasRole(Roles.SOURCE_CONNECTOR) && caller.agency().orElse(null) == Agency.KEMLU;
        boolean consular = caller.hasRole(Roles.CONSULAR_OFFICER);
        boolean hq = caller.hasRole(Roles.PWNI_HQ);
        boolean p2mi = caller.hasRole(Roles.P2MI_OFFICER);
        if (!portal && !consular && !hq && !p2mi) {
            throw ProblemException.forbidden(
                    "source-not-yours", "Not your source", "Only Kemlu's Peduli WNI portal reports cases as a source");
        }
        if (consular && !hq && !caller.requireMission().equals(missionId)) {
            throw ProblemException.forbidden(
                    "other-mission", "Not your mission", "A consular officer reports cases of their own mission");
        }
        boolean allowed =
                switch (channel) {
                    case PEDULI_WNI -> portal;
                    case MISSION_WALK_IN -> consular || hq;
                    case CRISIS_CENTER -> p2mi;
                    case HOTLINE, FAMILY -> consular || hq || p2mi;
                };
        if (!allowed) {
            ProblemException e = ProblemException.forbidden(
                    "channel-not-yours",
                    "Not your channel",
                    "Channel " + channel + " is reported through by " + whoReportsThrough(channel));
            e.problem().with("channel", channel.name());
            throw e;
        }
    }

    private static String whoReportsThrough(Channel channel) {
        return switch (channel) {
            case PEDULI_WNI -> "Kemlu's Peduli WNI portal";
            case MISSION_WALK_IN -> "the mission's consular officers or PWNI headquarters";
            case CRISIS_CENTER -> "KemenP2MI's officers";
            case HOTLINE, FAMILY -> "officers";
        };
    }

    /**
     * Numbers the case in the UTC year of its report (per mission, or per KemenP2MI for a case without one), sets
     * its lead, priority, routing and deadlines, stores it and audits the report.
     */
    private Uni<ProtectionCase> store(
            ReportRequest request, CaseCategory category, UUID workerId, String subject, AuditActor actor) {
        Instant now = CaseAccess.now();
        String numbering = request.missionId() != null ? request.missionId() : Agency.KEMENP2MI.name();
        Reporter reporter = reporterOf(request);
        return numbers.next(numbering, now.atZone(ZoneOffset.UTC).getYear())
                .chain(ref -> {
                    ProtectionCase c = new ProtectionCase();
                    c.id = UUID.randomUUID();
                    c.reference = ref;
                    c.workerId = workerId;
                    c.missionId = request.missionId();
                    c.categoryCode = category.code();
                    c.description = request.description();
                    c.channel = request.channel();
                    c.phase = request.phase();
                    c.leadAgency = rules.lead(request.phase());
                    c.participantAgency = rules.participant(request.phase()).orElse(null);
                    c.priority = category.defaultPriority();
                    c.routedTo = category.routing();
                    c.reporterRelation = reporter.relation();
                    c.reporterName = reporter.name();
                    c.reporterRelationship = reporter.relationship();
                    c.reporterContact = reporter.contact();
                    c.status = CaseStatus.REPORTED;
                    c.reportedAt = now;
                    c.reportedBy = subject;
                    c.updatedAt = now;
                    c.firstResponseDue = rules.firstResponseDue(c.priority, now);
                    c.resolutionDue = rules.resolutionDue(c.priority, now);
                    return c.<ProtectionCase>persist();
                })
                .call(c -> access.record(access.event(actor, "case.report", c)
                        .reason("reference=" + c.reference + " category=" + c.categoryCode + " channel=" + c.channel
                                + " phase=" + c.phase + " lead=" + c.leadAgency + " priority=" + c.priority
                                + " reporter=" + c.reporterRelation)
                        .build()));
    }

    /** The case, audited as read; a case out of the caller's sight is audited as denied and answered as missing. */
    public Uni<ProtectionCase> find(UUID caseId, Caller caller) {
        return access.read(caseId, caller, "case.read");
    }

    /**
     * The newest cases first that match the filter and the caller's scope; each listed case is audited. A mission
     * that is not in the reference data is refused (unknown-mission), as when reporting; a mission outside the
     * caller's scope gives an empty list, audited as denied with the mission.
     */
    public Uni<List<ProtectionCase>> list(CaseFilter filter, Caller caller) {
        if (filter.missionId() != null && reference.mission(filter.missionId()).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        if (filter.missionId() != null && !scope.seesMission(filter.missionId())) {
            return access.deniedMission(actor, "case.list", filter.missionId(), null)
                    .replaceWith(List.<ProtectionCase>of());
        }
        CaseQuery query = new CaseQuery(scope)
                .and("missionId", filter.missionId())
                .and("status", filter.status())
                .and("workerId", filter.workerId())
                .and("priority", filter.priority())
                .and("phase", filter.phase())
                .and("leadAgency", filter.leadAgency());
        return Panache.withTransaction(() -> ProtectionCase.<ProtectionCase>find(
                        query.where(), Sort.descending("reportedAt", "id"), query.params())
                .page(Page.ofSize(filter.limit()))
                .list()
                .call(cases -> auditList(actor, cases)));
    }

    private Uni<List<ProtectionCase>> auditList(AuditActor actor, List<ProtectionCase> cases) {
        List<AuditEvent> events = new ArrayList<>();
        for (ProtectionCase c : cases) {
            events.add(access.event(actor, "case.list", c).build());
        }
        if (events.isEmpty()) {
            events.add(access.event(actor, "case.list").reason("cases=0").build());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AuditEvent e : events) {
            chain = chain.chain(() -> access.record(e));
        }
        return chain.replaceWith(cases);
    }
}
