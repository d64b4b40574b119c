package id.sinergi.cases.service;

import id.sinergi.cases.domain.CaseStatus;
import id.sinergi.cases.domain.OutcomeKind;
import id.sinergi.cases.domain.Phase;
import id.sinergi.cases.domain.Priority;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of the open cases a caller sees, for dashboards: in total, by category, mission, phase and priority, by
 * age since the report, and their breached deadlines. Every count is an aggregate of the database (one query per
 * grouping); no case is loaded, and the answer names no worker. Reading them is audited once, as
 * {@code case.statistics}.
 */
@ApplicationScoped
public class CaseStatistics {

    /** The age buckets, by the days since the report: under 7, 7 to under 30, 30 to under 90, 90 and more. */
    public enum AgeBucket {
        UNDER_7_DAYS("Kurang dari 7 hari", "under 7 days", "reportedAt > :days7"),
        DAYS_7_TO_30("7 sampai 30 hari", "7 to 30 days", "reportedAt <= :days7 and reportedAt > :days30"),
        DAYS_30_TO_90("30 sampai 90 hari", "30 to 90 days", "reportedAt <= :days30 and reportedAt > :days90"),
        OVER_90_DAYS("Lebih dari 90 hari", "over 90 days", "reportedAt <= :days90");

        private final String termId;
        private final String glossEn;
        private final String condition;

        AgeBucket(String termId, String glossEn, String condition) {
            this.termId = termId;
            this.glossEn = glossEn;
            this.condition = condition;
        }

        public String termId() {
            return termId;
        }

        public String glossEn() {
            return glossEn;
        }
    }

    /** How many open cases, and how many of them have a deadline overdue now. */
    public record Tally(long open, long overdue) {}

    /**
     * Outcomes recorded in one month (UTC; by the outcome's own date when it has one, else when it was recorded),
     * of one kind and, for recovered wages, one currency.
     *
     * @param amount the recovered wages summed, in {@code currency}; null for the other kinds
     */
    public record MonthlyOutcomes(String month, OutcomeKind kind, String currency, long count, BigDecimal amount) {}

    /** Outcomes per month of every case in scope, open or closed, newest month first. */
    private static final String OUTCOMES_PER_MONTH_SQL =
            """
            SELECT to_char(coalesce(o.occurred_on, (o.recorded_at AT TIME ZONE 'UTC')::date), 'YYYY-MM') AS month,
                   o.kind, o.currency, count(*), sum(o.amount)
            FROM case_outcome o JOIN protection_case c ON c.id = o.case_id
            WHERE %s
            GROUP BY 1, 2, 3
            ORDER BY 1 DESC, 2, 3
            """;

    /**
     * The counts.
     *
     * @param total every open case in scope
     * @param firstResponseOverdue open cases still awaiting a first response past its due time
     * @param resolutionOverdue open cases not resolved past their resolution due time
     * @param firstResponseMetLate open cases whose first response came after its due time
     * @param resolutionMetLate open (resolved, not yet closed) cases resolved after their due time
     * @param byCategory by category code; only those with open cases
     * @param byMission by mission id, {@code null} for cases without one; only those with open cases
     */
    public record Counts(
            Instant asOf,
            Tally total,
            long firstResponseOverdue,
            long resolutionOverdue,
            long firstResponseMetLate,
            long resolutionMetLate,
            Map<String, Tally> byCategory,
            Map<String, Tally> byMission,
            Map<Phase, Tally> byPhase,
            Map<Priority, Tally> byPriority,
            Map<AgeBucket, Tally> byAge,
            List<MonthlyOutcomes> outcomesPerMonth) {}

    private static final String FIRST_RESPONSE_OVERDUE = "firstRespondedAt is null and firstResponseDue < :now";
    private static final String RESOLUTION_OVERDUE = "resolvedAt is null and resolutionDue < :now";
    private static final String OVERDUE = "(" + FIRST_RESPONSE_OVERDUE + ") or (" + RESOLUTION_OVERDUE + ")";

    @Inject
    CaseAccess access;

    @Inject
    CaseDeadlines deadlines;

    public Uni<Counts> count(Caller caller) {
        CallerScope scope = CallerScope.of(caller);
        AuditActor actor = caller.actor();
        Instant now = deadlines.now();
        Parameters params = new Parameters().and("now", now).and("closed", CaseStatus.CLOSED);
        String where = " from ProtectionCase where status <> :closed and " + scope.condition(params);
        Parameters ages = new Parameters();
        params.map().forEach(ages::and);
        ages.and("days7", now.minus(Duration.ofDays(7)))
                .and("days30", now.minus(Duration.ofDays(30)))
                .and("days90", now.minus(Duration.ofDays(90)));
        StringBuilder totals = new StringBuilder("select count(*), ")
                .append(overdue())
                .append(", count(*) filter (where " + FIRST_RESPONSE_OVERDUE + ")")
                .append(", count(*) filter (where " + RESOLUTION_OVERDUE + ")")
                .append(", count(*) filter (where firstRespondedAt > firstResponseDue)")
                .append(", count(*) filter (where resolvedAt > resolutionDue)");
        for (AgeBucket bucket : AgeBucket.values()) {
            totals.append(", count(*) filter (where ").append(bucket.condition).append(")");
            totals.append(", count(*) filter (where (")
                    .append(bucket.condition)
                    .append(") and (")
                    .append(OVERDUE)
                    .append("))");
        }
        totals.append(where);
        Grouped results = new Grouped();
        return Panache.withTransaction(() -> rows(totals.toString(), ages)
                .invoke(rows -> results.total = rows.get(0))
                .chain(() -> grouped("categoryCode", where, params))
                .invoke(rows -> results.byCategory = tallies(rows, String.class))
                .chain(() -> grouped("missionId", where, params))
                .invoke(rows -> results.byMission = tallies(rows, String.class))
                .chain(() -> grouped("phase", where, params))
                .invoke(rows -> results.byPhase = tallies(rows, Phase.class))
                .chain(() -> grouped("priority", where, params))
                .invoke(rows -> results.byPriority = tallies(rows, Priority.class))
                .chain(() -> outcomesPerMonth(scope))
                .invoke(rows -> results.outcomesPerMonth = rows)
                .map(rows -> results.counts(now))
                .call(counts -> access.record(access.event(actor, "case.statistics")
                        .reason("scope=" + scope.kind()
                                + scope.mission().map(m -> ":" + m).orElse("") + " open="
                                + counts.total().open())
                        .build())));
    }

    /** The query results as they come in, one after the other on the session. */
    private static final class Grouped {
        Object[] total;
        Map<String, Tally> byCategory;
        Map<String, Tally> byMission;
        Map<Phase, Tally> byPhase;
        Map<Priority, Tally> byPriority;
        List<MonthlyOutcomes> outcomesPerMonth;

        Counts counts(Instant now) {
            Map<AgeBucket, Tally> byAge = new EnumMap<>(AgeBucket.class);
            for (AgeBucket bucket : AgeBucket.values()) {
                int column = 6 + 2 * bucket.ordinal();
                byAge.put(bucket, new Tally(number(total[column]), number(total[column + 1])));
            }
            return new Counts(
                    now,
                    new Tally(number(total[0]), number(total[1])),
                    number(total[2]),
                    number(total[3]),
                    number(total[4]),
                    number(total[5]),
                    byCategory,
                    byMission,
                    byPhase,
                    byPriority,
                    byAge,
                    outcomesPerMonth);
        }
    }

    private static Uni<List<MonthlyOutcomes>> outcomesPerMonth(CallerScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = OUTCOMES_PER_MONTH_SQL.formatted(scope.sqlCondition("c", params));
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(sql, Object[].class);
                    params.forEach(query::setParameter);
                    return query.getResultList();
                })
                .map(rows -> rows.stream()
                        .map(r -> new MonthlyOutcomes(
                                (String) r[0],
                                OutcomeKind.valueOf(((String) r[1]).strip()),
                                r[2] == null ? null : ((String) r[2]).strip(),
                                number(r[3]),
                                r[4] == null ? null : new BigDecimal(r[4].toString())))
                        .toList());
    }

    private static String overdue() {
        return "count(*) filter (where " + OVERDUE + ")";
    }

    private static Uni<List<Object[]>> grouped(String attribute, String where, Parameters params) {
        return rows("select " + attribute + ", count(*), " + overdue() + where + " group by " + attribute, params);
    }

    private static Uni<List<Object[]>> rows(String hql, Parameters params) {
        return Panache.getSession().chain(session -> {
            var query = session.createSelectionQuery(hql, Object[].class);
            params.map().forEach(query::setParameter);
            return query.getResultList();
        });
    }

    private static <K> Map<K, Tally> tallies(List<Object[]> rows, Class<K> type) {
        Map<K, Tally> tallies = new LinkedHashMap<>();
        for (Object[] row : rows) {
            tallies.put(type.cast(row[0]), new Tally(number(row[1]), number(row[2])));
        }
        return tallies;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
