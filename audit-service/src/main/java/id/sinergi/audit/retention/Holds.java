package id.sinergi.audit.retention;

import id.sinergi.audit.retention.HoldDtos.Act;
import id.sinergi.audit.retention.HoldDtos.HoldList;
import id.sinergi.audit.retention.HoldDtos.HoldRequest;
import id.sinergi.audit.retention.HoldDtos.HoldView;
import id.sinergi.audit.retention.HoldDtos.OpenCase;
import id.sinergi.audit.retention.HoldDtos.ReleaseRequest;
import id.sinergi.audit.retention.HoldDtos.Scope;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Legal holds: events the purge never removes while the hold lasts. Open cases hold by themselves (derived from
 * case-service's events in the log, view {@code retention_held_case}); a security auditor places and releases
 * further holds by hand, each recorded in the log ({@code audit.hold.place}, {@code audit.hold.release}).
 */
@ApplicationScoped
public class Holds {

    /** The most holds, and the most open cases, a listing names. */
    static final int MAX_LISTED = 500;

    private static final String HOLD_COLUMNS = "h.id, h.scope, h.target_id, h.reason, h.placed_by,"
            + " h.placed_by_username, h.placed_at, r.reason, r.released_by, r.released_by_username, r.released_at";

    private static final String SELECT_HOLDS =
            "SELECT " + HOLD_COLUMNS + " FROM legal_hold h LEFT JOIN legal_hold_release r ON r.hold_id = h.id";

    private static final String OPEN_CASES = "SELECT c.case_id, array_agg(DISTINCT e.worker_id)"
            + " FILTER (WHERE e.worker_id IS NOT NULL)"
            + " FROM retention_held_case c LEFT JOIN audit_entry e ON e.resource_type = 'case'"
            + " AND e.resource_id = c.case_id WHERE c.source = 'open-case'"
            + " GROUP BY c.case_id ORDER BY c.case_id LIMIT " + (MAX_LISTED + 1);

    @Inject
    Pool pool;

    @Inject
    AuditLog log;

    /** Places a hold and records it in the log, in one transaction. */
    public Uni<HoldView> place(HoldRequest request, Caller caller) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Tuple row = Tuple.tuple()
                .addValue(id)
                .addValue(request.scope().name())
                .addValue(request.targetId())
                .addValue(request.reason().strip())
                .addValue(caller.subject())
                .addValue(caller.username())
                .addValue(now.atOffset(ZoneOffset.UTC));
        return pool.withTransaction(conn -> conn.preparedQuery("INSERT INTO legal_hold (id, scope, target_id,"
                                + " reason, placed_by, placed_by_username, placed_at)"
                                + " VALUES ($1, $2, $3, $4, $5, $6, $7)")
                        .execute(row)
                        .call(() -> log.recordOwn(
                                conn, event(caller, "audit.hold.place", id, request.scope(), request.targetId()))))
                .chain(() -> find(pool, id))
                .invoke(h ->
                        Log.infof("event=audit-hold-placed hold=%s scope=%s target=%s", id, h.scope(), h.targetId()));
    }

    /** Releases a hold, once (409 {@code already-released} after that), and records it in the log. */
    public Uni<HoldView> release(UUID id, ReleaseRequest request, Caller caller) {
        return pool.withTransaction(conn -> find(conn, id).flatMap(hold -> conn.preparedQuery(
                                "INSERT INTO legal_hold_release (hold_id, reason, released_by, released_by_username,"
                                        + " released_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING")
                        .execute(Tuple.of(
                                id,
                                request.reason().strip(),
                                caller.subject(),
                                caller.username(),
                                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS)))
                        .flatMap(rs -> {
                            if (rs.rowCount() == 0) {
                                throw ProblemException.conflict(
                                        "already-released",
                                        "Already released",
                                        "Hold " + id + " was released already; a release is never undone");
                            }
                            return log.recordOwn(
                                    conn, event(caller, "audit.hold.release", id, hold.scope(), hold.targetId()));
                        })))
                .chain(() -> find(pool, id))
                .invoke(h ->
                        Log.infof("event=audit-hold-released hold=%s scope=%s target=%s", id, h.scope(), h.targetId()));
    }

    /** One manual hold; 404 when there is none with this id; audited. */
    public Uni<HoldView> get(UUID id, Caller caller) {
        return find(pool, id)
                .call(hold -> log.recordOwn(event(caller, "audit.hold.read", id, hold.scope(), hold.targetId())));
    }

    /** The manual holds (ACTIVE only unless {@code all}), newest first, and the open cases; audited. */
    public Uni<HoldList> list(boolean all, Caller caller) {
        String sql = SELECT_HOLDS + (all ? "" : " WHERE r.hold_id IS NULL") + " ORDER BY h.seq DESC LIMIT "
                + (MAX_LISTED + 1);
        return pool.query(sql)
                .execute()
                .map(rows -> {
                    List<HoldView> holds = new ArrayList<>();
                    rows.forEach(r -> holds.add(view(r)));
                    return holds;
                })
                .flatMap(holds -> pool.query(OPEN_CASES).execute().map(rows -> {
                    List<OpenCase> open = new ArrayList<>();
                    for (Row r : rows) {
                        UUID[] workers = r.getArrayOfUUIDs(1);
                        open.add(new OpenCase(r.getString(0), workers == null ? List.of() : Arrays.asList(workers)));
                    }
                    return new HoldList(
                            holds.subList(0, Math.min(holds.size(), MAX_LISTED)),
                            holds.size() > MAX_LISTED,
                            open.subList(0, Math.min(open.size(), MAX_LISTED)),
                            open.size() > MAX_LISTED);
                }))
                .call(list -> log.recordOwn(AuditEvent.of(AuditLog.SERVICE_NAME, "audit.hold.list", caller.actor())
                        .outcome(AuditOutcome.SUCCESS)
                        .reason("all=" + all + " holds=" + list.holds().size() + " openCases="
                                + list.openCases().size())
                        .build()));
    }

    private static Uni<HoldView> find(SqlClient client, UUID id) {
        return client.preparedQuery(SELECT_HOLDS + " WHERE h.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Legal hold " + id);
                    }
                    return view(rows.iterator().next());
                });
    }

    private static HoldView view(Row r) {
        Act released = r.getValue(8) == null
                ? null
                : new Act(r.getString(8), r.getString(9), instant(r.getOffsetDateTime(10)), r.getString(7));
        return new HoldView(
                r.getUUID(0),
                Scope.valueOf(r.getString(1)),
                r.getUUID(2),
                released == null ? "ACTIVE" : "RELEASED",
                new Act(r.getString(4), r.getString(5), instant(r.getOffsetDateTime(6)), r.getString(3)),
                released);
    }

    /** The hold's event: which hold, what it covers; not its reason, which is free text. */
    private static AuditEvent event(Caller caller, String action, UUID id, Scope scope, UUID target) {
        AuditEvent.Builder event = AuditEvent.of(AuditLog.SERVICE_NAME, action, caller.actor())
                .outcome(AuditOutcome.SUCCESS)
                .resource("legal-hold", id)
                .reason("scope=" + scope + " target=" + target);
        if (scope == Scope.WORKER) {
            event.worker(target);
        }
        return event.build();
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
