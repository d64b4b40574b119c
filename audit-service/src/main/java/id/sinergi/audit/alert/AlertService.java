package id.sinergi.audit.alert;

import id.sinergi.audit.alert.AlertDtos.Actor;
import id.sinergi.audit.alert.AlertDtos.AlertPage;
import id.sinergi.audit.alert.AlertDtos.AlertView;
import id.sinergi.audit.alert.AlertDtos.Label;
import id.sinergi.audit.alert.AlertDtos.Review;
import id.sinergi.audit.alert.AlertDtos.ReviewOutcome;
import id.sinergi.audit.alert.AlertDtos.ReviewRequest;
import id.sinergi.audit.alert.AlertDtos.SampleRequest;
import id.sinergi.audit.alert.AlertDtos.Status;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The security team's review tasks: alerts the scanner raised and samples an auditor drew, each signed off once.
 * Every read and sign-off is itself an event of the log (audit.alert.list, audit.alert.read, audit.alert.reviewed,
 * audit.review.sample).
 */
@ApplicationScoped
public class AlertService {

    private static final String COLUMNS = "a.id, a.seq, a.rule, a.raised_at, a.actor_subject, a.actor_username,"
            + " a.actor_agency, a.actor_mission, a.worker_id, a.window_start, a.window_end, a.threshold, a.measure,"
            + " a.criteria, a.requested_by,"
            + " (SELECT array_agg(x.event_id ORDER BY x.leaf_index) FROM audit_alert_event x"
            + " WHERE x.alert_id = a.id AND x.triggering),"
            + " (SELECT array_agg(x.event_id ORDER BY x.leaf_index) FROM audit_alert_event x"
            + " WHERE x.alert_id = a.id AND NOT x.triggering),"
            + " r.outcome, r.note, r.reviewer_subject, r.reviewer_username, r.reviewed_at";

    private static final String FROM = " FROM audit_alert a LEFT JOIN audit_alert_review r ON r.alert_id = a.id";

    private static final String INSERT_REVIEW = "INSERT INTO audit_alert_review (alert_id, outcome, note,"
            + " reviewer_subject, reviewer_username, reviewed_at) VALUES ($1, $2, $3, $4, $5, $6)"
            + " ON CONFLICT (alert_id) DO NOTHING";

    @Inject
    Pool pool;

    @Inject
    AuditLog log;

    @Inject
    AlertMetrics metrics;

    /** A page of tasks after the cursor, oldest first. */
    public Uni<AlertPage> list(Status status, AlertRule rule, String actor, long after, int limit, Caller caller) {
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        Tuple params = Tuple.tuple();
        where.add("a.seq > $1");
        params.addLong(after);
        if (rule != null) {
            params.addString(rule.code());
            where.add("a.rule = $" + params.size());
        }
        if (actor != null) {
            params.addString(actor);
            where.add("a.actor_subject = $" + params.size());
        }
        if (status != null) {
            where.add(status == Status.OPEN ? "r.alert_id IS NULL" : "r.alert_id IS NOT NULL");
        }
        params.addInteger(limit + 1);
        String sql = "SELECT " + COLUMNS + FROM + where + " ORDER BY a.seq LIMIT $" + params.size();
        String filters = "status=" + status + " rule=" + (rule == null ? null : rule.code()) + " actor=" + actor;
        return pool.preparedQuery(sql)
                .execute(params)
                .map(rows -> {
                    List<AlertView> views = new ArrayList<>();
                    rows.forEach(row -> views.add(view(row)));
                    return views.size() > limit
                            ? new AlertPage(
                                    List.copyOf(views.subList(0, limit)),
                                    views.get(limit - 1).seq())
                            : new AlertPage(views, null);
                })
                .call(page -> log.recordOwn(own(caller, "audit.alert.list")
                        .reason(filters + " after=" + after + " limit=" + limit + " results="
                                + page.alerts().size())
                        .build()));
    }

    /** One task, or 404. */
    public Uni<AlertView> get(UUID id, Caller caller) {
        return find(pool, id)
                .call(view -> log.recordOwn(own(caller, "audit.alert.read")
                        .resource("audit-alert", id)
                        .build()));
    }

    /**
     * Signs a task off, once: a second review is 409 {@code already-reviewed}, a review of an alert about the
     * reviewer themselves 403 {@code own-alert}. The review is stored and its audit event recorded before the
     * transaction commits, so the log never misses a stored review.
     */
    public Uni<AlertView> review(UUID id, ReviewRequest request, Caller caller) {
        String note = request.note().strip();
        return pool.withTransaction(conn -> find(conn, id).flatMap(alert -> {
                    if (caller.subject()
                            .equals(alert.actor() == null ? null : alert.actor().subject())) {
                        throw ProblemException.forbidden(
                                "own-alert", "Your own alert", "An alert about you is reviewed by another auditor");
                    }
                    Tuple row = Tuple.tuple()
                            .addValue(id)
                            .addValue(request.outcome().name())
                            .addValue(note)
                            .addValue(caller.subject())
                            .addValue(caller.username())
                            .addValue(AlertScanner.utc(AlertScanner.now()));
                    return conn.preparedQuery(INSERT_REVIEW).execute(row).flatMap(rs -> {
                        if (rs.rowCount() == 0) {
                            throw ProblemException.conflict(
                                    "already-reviewed",
                                    "Already reviewed",
                                    "Alert " + id + " was signed off already; a review is never replaced");
                        }
                        return log.recordOwn(reviewed(alert, request.outcome(), caller));
                    });
                }))
                .chain(() -> find(pool, id))
                .call(view -> metrics.refresh())
                .invoke(view -> Log.infof(
                        "event=audit-alert-reviewed alert=%s rule=%s outcome=%s", id, view.rule(), request.outcome()));
    }

    /** Draws a random sample of sealed events into a new task; 409 {@code empty-sample} when none matches. */
    public Uni<AlertView> sample(SampleRequest request, Caller caller) {
        if (request.from() != null && request.to() != null && !request.to().isAfter(request.from())) {
            throw ProblemException.invalidField("invalid-range", "to", "must be after 'from'");
        }
        StringJoiner where = new StringJoiner(" AND ", " WHERE ", "");
        where.setEmptyValue("");
        Tuple params = Tuple.tuple();
        StringJoiner criteria = new StringJoiner(" ");
        criteria.add("size=" + request.size());
        condition(where, params, criteria, "e.service", "service", request.service());
        condition(where, params, criteria, "e.action", "action", request.action());
        condition(where, params, criteria, "e.outcome", "outcome", request.outcome());
        if (request.from() != null) {
            params.addValue(AlertScanner.utc(request.from()));
            where.add("e.occurred_at >= $" + params.size());
            criteria.add("from=" + request.from());
        }
        if (request.to() != null) {
            params.addValue(AlertScanner.utc(request.to()));
            where.add("e.occurred_at < $" + params.size());
            criteria.add("to=" + request.to());
        }
        params.addInteger(request.size());
        String draw = "SELECT l.leaf_index, e.event_id FROM audit_entry e JOIN merkle_leaf l ON l.ingest_id ="
                + " e.ingest_id" + where + " ORDER BY random() LIMIT $" + params.size();
        UUID id = UUID.randomUUID();
        return pool.withTransaction(
                        conn -> conn.preparedQuery(draw).execute(params).flatMap(rows -> {
                            if (rows.size() == 0) {
                                throw ProblemException.conflict(
                                        "empty-sample",
                                        "Nothing to sample",
                                        "No sealed event matches the sample's filter");
                            }
                            int n = rows.size();
                            UUID[] alertIds = new UUID[n];
                            UUID[] eventIds = new UUID[n];
                            Long[] leaves = new Long[n];
                            Boolean[] triggering = new Boolean[n];
                            int i = 0;
                            for (Row row : rows) {
                                alertIds[i] = id;
                                leaves[i] = row.getLong(0);
                                eventIds[i] = row.getUUID(1);
                                triggering[i] = true;
                                i++;
                            }
                            Tuple alert = Tuple.tuple()
                                    .addValue(id)
                                    .addValue(AlertRule.SAMPLE.code())
                                    .addValue(AlertScanner.utc(AlertScanner.now()))
                                    .addValue(null)
                                    .addValue(null)
                                    .addValue(null)
                                    .addValue(null)
                                    .addValue(null)
                                    .addValue(request.from() == null ? null : AlertScanner.utc(request.from()))
                                    .addValue(request.to() == null ? null : AlertScanner.utc(request.to()))
                                    .addValue(request.size())
                                    .addValue(n)
                                    .addValue(criteria.toString())
                                    .addValue(caller.subject());
                            return conn.preparedQuery(AlertScanner.INSERT_ALERT)
                                    .execute(alert)
                                    .chain(() -> conn.preparedQuery(AlertScanner.INSERT_LINKS)
                                            .execute(Tuple.of(alertIds, eventIds, leaves, triggering)))
                                    .chain(() -> log.recordOwn(own(caller, "audit.review.sample")
                                            .resource("audit-alert", id)
                                            .reason(criteria + " drawn=" + n)
                                            .build()));
                        }))
                .chain(() -> find(pool, id))
                .call(view -> metrics.refresh());
    }

    private static void condition(
            StringJoiner where, Tuple params, StringJoiner criteria, String column, String name, Object value) {
        if (value != null) {
            params.addString(value.toString());
            where.add(column + " = $" + params.size());
            criteria.add(name + "=" + value);
        }
    }

    private static Uni<AlertView> find(SqlClient client, UUID id) {
        return client.preparedQuery("SELECT " + COLUMNS + FROM + " WHERE a.id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ProblemException.notFound("Alert " + id);
                    }
                    return view(rows.iterator().next());
                });
    }

    private static AlertView view(Row row) {
        AlertRule rule = AlertRule.ofCode(row.getString(2)).orElseThrow();
        String subject = row.getString(4);
        String outcome = row.getString(17);
        Review review = outcome == null
                ? null
                : new Review(
                        ReviewOutcome.valueOf(outcome),
                        row.getString(18),
                        row.getString(19),
                        row.getString(20),
                        instant(row.getOffsetDateTime(21)));
        return new AlertView(
                row.getUUID(0),
                row.getLong(1),
                rule.code(),
                new Label(rule.labelId(), rule.labelEn()),
                review == null ? Status.OPEN : Status.REVIEWED,
                instant(row.getOffsetDateTime(3)),
                subject == null ? null : new Actor(subject, row.getString(5), row.getString(6), row.getString(7)),
                row.getUUID(8),
                instant(row.getOffsetDateTime(9)),
                instant(row.getOffsetDateTime(10)),
                row.getInteger(11),
                row.getInteger(12),
                row.getString(13),
                row.getString(14),
                uuids(row.getArrayOfUUIDs(15)),
                uuids(row.getArrayOfUUIDs(16)),
                review);
    }

    private static AuditEvent reviewed(AlertView alert, ReviewOutcome outcome, Caller caller) {
        String about = alert.actor() == null ? "" : " actor=" + alert.actor().subject();
        return own(caller, "audit.alert.reviewed")
                .worker(alert.workerId())
                .resource("audit-alert", alert.id())
                .reason("rule=" + alert.rule() + " outcome=" + outcome + about)
                .build();
    }

    private static AuditEvent.Builder own(Caller caller, String action) {
        return AuditEvent.of(AuditLog.SERVICE_NAME, action, caller.actor()).outcome(AuditOutcome.SUCCESS);
    }

    private static List<UUID> uuids(UUID[] ids) {
        return ids == null ? List.of() : Arrays.asList(ids);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
