package id.sinergi.cases.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.cases.domain.Deadline;
import id.sinergi.cases.domain.EscalationLevel;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.security.Agency;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Moves cases up the escalation ladder when their deadlines are breached, by the rules of {@link EscalationRules}.
 * Each run is one transaction of two statements, whatever the number of open cases: one finds every open case past
 * a deadline not yet met and records the levels it reached that are not yet recorded (once per case and level;
 * a rerun, or a second replica running at the same time, records nothing twice), the other puts one audit event
 * {@code case.escalated} per new escalation in the outbox. Each escalation is also logged as
 * {@code event=case-escalated} with the case's id and level, and nothing personal.
 */
@Startup
@Singleton
public class EscalationJob {

    /** The job, as audit events name it. */
    static final AuditActor ACTOR =
            new AuditActor("case-escalation", "case-escalation", null, null, "case-service", List.of());

    /**
     * $1 now, $2 level of an overdue first response, $3 level of a long overdue one, $4 the long-overdue factor, $5
     * level of an overdue resolution. A case that meets several rules of one level is recorded for the earliest due
     * of them.
     */
    static final String ESCALATE =
            """
            WITH breached AS (
                SELECT c.id AS case_id, r.level, r.deadline, r.due_at, r.rule, c.lead_agency, c.mission_id
                FROM protection_case c
                CROSS JOIN LATERAL (VALUES
                    ($2::smallint, 'FIRST_RESPONSE', c.first_response_due, 'first-response-overdue',
                        c.first_responded_at IS NULL AND c.first_response_due < $1::timestamptz),
                    ($3::smallint, 'FIRST_RESPONSE', c.first_response_due, 'first-response-long-overdue',
                        c.first_responded_at IS NULL AND c.first_response_due
                            + (c.first_response_due - c.reported_at) * $4::float8 < $1::timestamptz),
                    ($5::smallint, 'RESOLUTION', c.resolution_due, 'resolution-overdue',
                        c.resolved_at IS NULL AND c.resolution_due < $1::timestamptz)
                ) AS r (level, deadline, due_at, rule, applies)
                WHERE c.status <> 'CLOSED'
                  AND ((c.first_responded_at IS NULL AND c.first_response_due < $1::timestamptz)
                       OR (c.resolved_at IS NULL AND c.resolution_due < $1::timestamptz))
                  AND r.applies
                  AND NOT EXISTS (SELECT 1 FROM case_escalation e WHERE e.case_id = c.id AND e.level = r.level)
            ), first_per_level AS (
                SELECT DISTINCT ON (case_id, level) * FROM breached ORDER BY case_id, level, due_at, rule
            ), inserted AS (
                INSERT INTO case_escalation
                    (id, case_id, level, deadline, due_at, escalated_at, reason, lead_agency, mission_id)
                SELECT gen_random_uuid(), case_id, level, deadline, due_at, $1::timestamptz, rule, lead_agency,
                       mission_id
                FROM first_per_level
                ON CONFLICT (case_id, level) DO NOTHING
                RETURNING id, case_id, level, deadline, due_at, reason, lead_agency, mission_id
            )
            SELECT i.id, i.case_id, i.level, i.deadline, i.due_at, i.reason, i.lead_agency, i.mission_id, c.worker_id
            FROM inserted i JOIN protection_case c ON c.id = i.case_id
            ORDER BY i.case_id, i.level
            """;

    /** $1 event ids, $2 their payloads, $3 when they were recorded. */
    static final String OUTBOX =
            """
            INSERT INTO audit_outbox (event_id, payload, created_at)
            SELECT e.id, e.payload, $3::timestamptz
            FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS e (id, payload, n)
            ORDER BY e.n
            """;

    /**
     * One step up the ladder, as recorded.
     *
     * @param rule the configured rule that applied, e.g. {@code first-response-overdue}
     * @param missionId the mission leading when Kemlu led; null otherwise
     */
    public record Escalation(
            UUID id,
            UUID caseId,
            UUID workerId,
            EscalationLevel level,
            Deadline deadline,
            Instant dueAt,
            String rule,
            Agency leadAgency,
            String missionId) {}

    private final Pool pool;
    private final AuditTrail audit;
    private final CaseDeadlines deadlines;
    private final EscalationRules rules;

    public EscalationJob(Pool pool, AuditTrail audit, CaseDeadlines deadlines, EscalationRules rules) {
        check(rules);
        this.pool = pool;
        this.audit = audit;
        this.deadlines = deadlines;
        this.rules = rules;
    }

    /** Stops the service when a rule names a level off the ladder or the factor is not positive. */
    static void check(EscalationRules rules) {
        for (int level : new int[] {
            rules.firstResponseOverdueLevel(), rules.firstResponseLongOverdueLevel(), rules.resolutionOverdueLevel()
        }) {
            if (level < 1 || level > EscalationLevel.TOP) {
                throw new IllegalStateException(
                        "sinergi.cases.escalation levels must be 1 to " + EscalationLevel.TOP + ", not " + level);
            }
        }
        if (!(rules.firstResponseLongOverdueFactor() > 0)) {
            throw new IllegalStateException("sinergi.cases.escalation.first-response-long-overdue-factor must be > 0");
        }
    }

    @Scheduled(
            identity = "case-escalation",
            every = "${sinergi.cases.escalation.interval:5m}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return escalate()
                .onFailure()
                .recoverWithItem(failure -> {
                    Log.warnf(
                            "event=case-escalation-failed cause=%s",
                            failure.getClass().getSimpleName() + ": " + failure.getMessage());
                    return List.of();
                })
                .replaceWithVoid();
    }

    /** One run: records and audits the escalations due now, and gives them. */
    public Uni<List<Escalation>> escalate() {
        Instant now = deadlines.now();
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        Tuple args = Tuple.tuple()
                .addOffsetDateTime(at)
                .addInteger(rules.firstResponseOverdueLevel())
                .addInteger(rules.firstResponseLongOverdueLevel())
                .addDouble(rules.firstResponseLongOverdueFactor())
                .addInteger(rules.resolutionOverdueLevel());
        return pool.withTransaction(connection -> connection
                        .preparedQuery(ESCALATE)
                        .execute(args)
                        .map(EscalationJob::escalations)
                        .call(escalations -> audited(connection, escalations, at)))
                .invoke(escalations -> escalations.forEach(e -> Log.infof(
                        "event=case-escalated case=%s level=%d deadline=%s rule=%s lead=%s",
                        e.caseId(), e.level().level(), e.deadline(), e.rule(), e.leadAgency())));
    }

    private Uni<Void> audited(SqlConnection connection, List<Escalation> escalations, OffsetDateTime at) {
        if (escalations.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = new ArrayList<>();
        List<String> payloads = new ArrayList<>();
        for (Escalation e : escalations) {
            AuditEvent event = event(e);
            ids.add(event.id());
            payloads.add(audit.payload(event));
        }
        return connection
                .preparedQuery(OUTBOX)
                .execute(Tuple.of(ids.toArray(UUID[]::new), payloads.toArray(String[]::new), at))
                .replaceWithVoid();
    }

    private AuditEvent event(Escalation e) {
        return AuditEvent.of(audit.serviceName(), "case.escalated", ACTOR)
                .worker(e.workerId())
                .purpose(CaseAccess.PURPOSE)
                .resource("case", e.caseId())
                .reason("level=" + e.level().level() + " to=" + e.level() + " deadline=" + e.deadline() + " due="
                        + e.dueAt() + " rule=" + e.rule() + " lead=" + e.leadAgency()
                        + (e.missionId() == null ? "" : "/" + e.missionId()))
                .build();
    }

    private static List<Escalation> escalations(RowSet<Row> rows) {
        List<Escalation> list = new ArrayList<>();
        for (Row row : rows) {
            list.add(new Escalation(
                    row.getUUID("id"),
                    row.getUUID("case_id"),
                    row.getUUID("worker_id"),
                    EscalationLevel.of(row.getInteger("level")),
                    Deadline.valueOf(row.getString("deadline")),
                    row.getOffsetDateTime("due_at").toInstant(),
                    row.getString("reason"),
                    Agency.valueOf(row.getString("lead_agency")),
                    row.getString("mission_id")));
        }
        return list;
    }
}
