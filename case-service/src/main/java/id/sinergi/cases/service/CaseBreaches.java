package id.sinergi.cases.service;

import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.DeadlineStatus;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.cases.reference.ReferenceData;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The breached deadlines of the open cases a caller sees, most overdue first: one entry per case and deadline that
 * is overdue (RED) or, when asked, was met late (MET_LATE). The entries are found, ordered and paged in one query;
 * each case listed is audited as {@code case.list}, as in the case list.
 */
@ApplicationScoped
public class CaseBreaches {

    @Inject
    CaseAccess access;

    @Inject
    CaseDeadlines deadlines;

    @Inject
    ReferenceData reference;

    /**
     * What the breach list asks for.
     *
     * @param statuses RED, MET_LATE or both
     * @param deadline one deadline only; null for both
     * @param missionId one mission only; null for all the caller sees
     */
    public record Filter(Set<DeadlineStatus> statuses, Deadline deadline, String missionId, int limit, int offset) {}

    /** One breached deadline of a case, as of {@code now}. */
    public record Breach(
            ProtectionCase protectionCase,
            Deadline deadline,
            DeadlineStatus status,
            Instant dueAt,
            Instant metAt,
            Duration late) {}

    /** A page of breaches; {@code more} when entries follow it. */
    public record Page(List<Breach> breaches, Instant asOf, boolean more) {}

    public Uni<Page> list(Filter filter, Caller caller) {
        if (filter.missionId() != null && reference.mission(filter.missionId()).isEmpty()) {
            throw ProblemException.invalidField("unknown-mission", "missionId", "is not a known mission");
        }
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        Instant now = deadlines.now();
        if (filter.missionId() != null && !scope.seesMission(filter.missionId())) {
            return access.deniedMission(actor, "case.list", filter.missionId(), "list=breaches")
                    .replaceWith(new Page(List.of(), now, false));
        }
        Parameters params = new Parameters();
        String where = where(scope, filter, params, now);
        StringBuilder hql = new StringBuilder();
        for (Deadline d : Deadline.values()) {
            if (filter.deadline() != null && filter.deadline() != d) {
                continue;
            }
            if (!hql.isEmpty()) {
                hql.append(" union all ");
            }
            hql.append(arm(d, filter.statuses(), where));
        }
        hql.append(" order by late desc, caseId, kind");
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> {
                    var query = session.createSelectionQuery(hql.toString(), Object[].class);
                    params.map().forEach(query::setParameter);
                    return query.setFirstResult(filter.offset())
                            .setMaxResults(filter.limit() + 1)
                            .getResultList();
                })
                .chain(rows -> {
                    boolean more = rows.size() > filter.limit();
                    return breaches(more ? rows.subList(0, filter.limit()) : rows, now)
                            .chain(breaches -> audited(actor, breaches, now, more));
                }));
    }

    /** The breaches of the rows (case id, deadline ordinal), in their order, with the cases they name. */
    private Uni<List<Breach>> breaches(List<Object[]> rows, Instant now) {
        Set<UUID> ids = rows.stream().map(r -> (UUID) r[0]).collect(Collectors.toCollection(LinkedHashSet::new));
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return ProtectionCase.<ProtectionCase>list("id in ?1", ids).map(cases -> {
            Map<UUID, ProtectionCase> byId = cases.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
            List<Breach> breaches = new ArrayList<>();
            for (Object[] row : rows) {
                Deadline d = Deadline.values()[((Number) row[1]).intValue()];
                breaches.add(breach(byId.get((UUID) row[0]), d, now));
            }
            return breaches;
        });
    }

    private Breach breach(ProtectionCase c, Deadline d, Instant now) {
        return new Breach(
                c,
                d,
                deadlines.status(c, d, now),
                CaseDeadlines.dueAt(c, d),
                CaseDeadlines.metAt(c, d),
                CaseDeadlines.lateness(c, d, now));
    }

    /** The open cases in scope (and of the mission asked for); the parameters go into {@code params}. */
    private static String where(CallerScope scope, Filter filter, Parameters params, Instant now) {
        StringBuilder where = new StringBuilder(scope.condition(params)).append(" and status <> :closed");
        params.and("closed", CaseStatus.CLOSED).and("now", now);
        if (filter.missionId() != null) {
            where.append(" and missionId = :mission");
            params.and("mission", filter.missionId());
        }
        return where.toString();
    }

    /** The select of one deadline's breaches: case id, the deadline's ordinal, and seconds late. */
    private static String arm(Deadline d, Set<DeadlineStatus> statuses, String where) {
        String due = d == Deadline.FIRST_RESPONSE ? "firstResponseDue" : "resolutionDue";
        String met = d == Deadline.FIRST_RESPONSE ? "firstRespondedAt" : "resolvedAt";
        List<String> breached = new ArrayList<>();
        if (statuses.contains(DeadlineStatus.RED)) {
            breached.add(met + " is null and " + due + " < :now");
        }
        if (statuses.contains(DeadlineStatus.MET_LATE)) {
            breached.add(met + " > " + due);
        }
        return "select id as caseId, " + d.ordinal() + " as kind, (coalesce(" + met + ", :now) - " + due
                + ") by second as late from ProtectionCase where " + where + " and ((" + String.join(") or (", breached)
                + "))";
    }

    private Uni<Page> audited(AuditActor actor, List<Breach> breaches, Instant now, boolean more) {
        Set<UUID> listed = new LinkedHashSet<>();
        List<AuditEvent> events = new ArrayList<>();
        for (Breach b : breaches) {
            if (listed.add(b.protectionCase().id)) {
                events.add(access.event(actor, "case.list", b.protectionCase())
                        .reason("list=breaches")
                        .build());
            }
        }
        if (events.isEmpty()) {
            events.add(access.event(actor, "case.list")
                    .reason("list=breaches cases=0")
                    .build());
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (AuditEvent e : events) {
            chain = chain.chain(() -> access.record(e));
        }
        return chain.replaceWith(new Page(breaches, now, more));
    }
}
