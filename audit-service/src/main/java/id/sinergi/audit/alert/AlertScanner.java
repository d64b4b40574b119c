package id.sinergi.audit.alert;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates the alert rules on events once they are sealed, with a cursor of its own over the tree's leaves (the
 * greatest {@code alert_scan.up_to_leaf}), independent of the sealer. One replica scans at a time (a
 * transaction-scoped advisory lock); a scan stores its alerts, their events and its cursor in one transaction.
 * Leaves are committed a whole sealing round at a time, in index order, so no leaf can appear behind the cursor.
 */
@ApplicationScoped
public class AlertScanner {

    /** The advisory lock key that makes one scanner at a time ("ALERTS" in ASCII). */
    static final long LOCK = 0x414c45525453L;

    static final String EVENT_COLUMNS = "l.leaf_index, e.event_id, e.occurred_at, e.service, e.action, e.outcome,"
            + " e.actor_subject, e.actor_username, e.actor_agency, e.actor_mission, e.worker_id, e.reason";

    private static final String NEW_LEAVES = "SELECT " + EVENT_COLUMNS + " FROM merkle_leaf l"
            + " LEFT JOIN audit_entry e ON e.ingest_id = l.ingest_id"
            + " WHERE l.leaf_index > $1 ORDER BY l.leaf_index LIMIT $2";

    /** An officer's sealed events in a time range: their own, and those a service recorded naming them. */
    private static final String AROUND = "SELECT " + EVENT_COLUMNS + " FROM audit_entry e"
            + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id"
            + " WHERE e.actor_subject = $1 AND e.occurred_at >= $2 AND e.occurred_at <= $3 AND l.leaf_index <= $4"
            + " UNION SELECT " + EVENT_COLUMNS + " FROM audit_entry e"
            + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id"
            + " WHERE e.action = ANY($5) AND e.reason LIKE $6 ESCAPE '\\'"
            + " AND e.occurred_at >= $2 AND e.occurred_at <= $3 AND l.leaf_index <= $4";

    private static final String EXISTING = "SELECT id, rule, window_start, window_end FROM audit_alert"
            + " WHERE actor_subject = $1 AND rule <> 'sample' AND window_end > $2 AND window_start <= $3";

    static final String INSERT_ALERT = "INSERT INTO audit_alert (id, rule, raised_at, actor_subject, actor_username,"
            + " actor_agency, actor_mission, worker_id, window_start, window_end, threshold, measure, criteria,"
            + " requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

    static final String INSERT_LINKS = "INSERT INTO audit_alert_event (alert_id, event_id, leaf_index, triggering)"
            + " SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::boolean[])"
            + " ON CONFLICT (alert_id, event_id) DO NOTHING";

    private static final String INSERT_SCAN =
            "INSERT INTO alert_scan (up_to_leaf, scanned_at, events, alerts) VALUES ($1, $2, $3, $4)";

    @Inject
    Pool pool;

    @Inject
    AlertConfig config;

    @Inject
    AlertMetrics metrics;

    @Scheduled(
            identity = "audit-alert-scanner",
            every = "${sinergi.audit.alert.scan-interval:5s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return scanAll()
                .call(n -> metrics.refresh())
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    Log.errorf(e, "event=audit-alert-scan-failed effect=\"sealed events wait for the next scan\"");
                    return null;
                });
    }

    /** Scans until a scan finds less than a full batch; gives how many alerts were raised. */
    public Uni<Integer> scanAll() {
        return scanFrom(0);
    }

    private Uni<Integer> scanFrom(int raisedSoFar) {
        return scan().flatMap(s -> s.events() >= config.scanBatch()
                ? scanFrom(raisedSoFar + s.alerts())
                : Uni.createFrom().item(raisedSoFar + s.alerts()));
    }

    /** What one scan did. */
    record Scan(int events, int alerts) {}

    /** One scan of the next sealed events (none when another replica holds the lock). */
    Uni<Scan> scan() {
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")
                .execute()
                .flatMap(locked -> Boolean.TRUE.equals(locked.iterator().next().getBoolean(0))
                        ? cursor(conn).flatMap(cursor -> scanAfter(conn, cursor))
                        : Uni.createFrom().item(new Scan(0, 0))));
    }

    private static Uni<Long> cursor(SqlClient conn) {
        return conn.query("SELECT coalesce(max(up_to_leaf), -1) FROM alert_scan")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<Scan> scanAfter(SqlClient conn, long cursor) {
        return conn.preparedQuery(NEW_LEAVES)
                .execute(Tuple.of(cursor, config.scanBatch()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(new Scan(0, 0));
                    }
                    List<SealedEvent> fresh = new ArrayList<>();
                    long upTo = cursor;
                    for (Row row : rows) {
                        upTo = row.getLong(0);
                        if (row.getUUID(1) != null) {
                            fresh.add(event(row));
                        }
                    }
                    long last = upTo;
                    int scanned = rows.size();
                    return evaluate(conn, fresh, cursor, last)
                            .call(raised -> conn.preparedQuery(INSERT_SCAN)
                                    .execute(Tuple.of(last, utc(now()), scanned, raised)))
                            .invoke(raised -> Log.debugf(
                                    "event=audit-alerts-scanned upToLeaf=%d events=%d alerts=%d",
                                    last, scanned, raised))
                            .map(raised -> new Scan(scanned, raised));
                });
    }

    /** Applies every rule to the officers of the new events; gives how many alerts it raised. */
    private Uni<Integer> evaluate(SqlClient conn, List<SealedEvent> fresh, long cursor, long upTo) {
        List<RuleSpec> specs = RuleSpec.of(config);
        Duration reach = RuleSpec.longest(specs);
        Map<String, Instant[]> ranges = new LinkedHashMap<>();
        for (SealedEvent e : fresh) {
            if (specs.stream().anyMatch(s -> s.matches().test(e))) {
                ranges.merge(e.accountable(), new Instant[] {e.occurredAt(), e.occurredAt()}, (a, b) ->
                        new Instant[] {min(a[0], b[0]), max(a[1], b[1])});
            }
        }
        if (ranges.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        String[] vitalActions = List.copyOf(config.vitalInterest().actions()).toArray(String[]::new);
        return Multi.createFrom()
                .iterable(ranges.entrySet())
                .onItem()
                .transformToUniAndConcatenate(entry -> {
                    Instant from = entry.getValue()[0].minus(reach);
                    Instant to = entry.getValue()[1].plus(reach);
                    return officer(conn, specs, entry.getKey(), from, to, cursor, upTo, vitalActions);
                })
                .collect()
                .asList()
                .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> officer(
            SqlClient conn,
            List<RuleSpec> specs,
            String subject,
            Instant from,
            Instant to,
            long cursor,
            long upTo,
            String[] vitalActions) {
        Tuple around = Tuple.tuple(
                List.of(subject, utc(from), utc(to), upTo, vitalActions, "%officer=" + likeEscaped(subject) + " %"));
        return conn.preparedQuery(AROUND)
                .execute(around)
                .map(rows -> {
                    List<SealedEvent> events = new ArrayList<>();
                    rows.forEach(row -> events.add(event(row)));
                    return events.stream()
                            .filter(e -> e.accountable().equals(subject))
                            .toList();
                })
                .flatMap(events -> conn.preparedQuery(EXISTING)
                        .execute(Tuple.of(subject, utc(from.minus(RuleSpec.longest(specs))), utc(to)))
                        .map(rows -> {
                            Map<AlertRule, List<Detector.Window>> existing = new LinkedHashMap<>();
                            for (Row row : rows) {
                                AlertRule rule =
                                        AlertRule.ofCode(row.getString(1)).orElseThrow();
                                existing.computeIfAbsent(rule, r -> new ArrayList<>())
                                        .add(new Detector.Window(
                                                row.getUUID(0),
                                                row.getOffsetDateTime(2).toInstant(),
                                                row.getOffsetDateTime(3).toInstant(),
                                                false,
                                                List.of(),
                                                0));
                            }
                            List<Detector.Result> results = new ArrayList<>();
                            List<RuleSpec> applied = new ArrayList<>();
                            for (RuleSpec spec : specs) {
                                results.add(Detector.evaluate(
                                        spec, events, existing.getOrDefault(spec.rule(), List.of()), cursor));
                                applied.add(spec);
                            }
                            return new Found(subject, applied, results);
                        }))
                .flatMap(found -> store(conn, found));
    }

    /** The results of the rules for one officer. */
    private record Found(String subject, List<RuleSpec> specs, List<Detector.Result> results) {}

    private Uni<Integer> store(SqlClient conn, Found found) {
        List<Tuple> alerts = new ArrayList<>();
        List<Detector.Link> links = new ArrayList<>();
        Instant now = now();
        for (int i = 0; i < found.specs().size(); i++) {
            RuleSpec spec = found.specs().get(i);
            Detector.Result result = found.results().get(i);
            for (Detector.Window w : result.raised()) {
                alerts.add(alertRow(spec, found.subject(), w, now));
                Log.infof(
                        "event=audit-alert-raised rule=%s alert=%s actor=%s events=%d measure=%d",
                        spec.rule().code(), w.id, found.subject(), w.triggering.size(), w.measure);
            }
            links.addAll(result.links());
        }
        Uni<?> inserted = alerts.isEmpty()
                ? Uni.createFrom().voidItem()
                : conn.preparedQuery(INSERT_ALERT).executeBatch(alerts);
        return inserted.call(() -> insertLinks(conn, links)).replaceWith(alerts.size());
    }

    private static Tuple alertRow(RuleSpec spec, String subject, Detector.Window w, Instant now) {
        SealedEvent named = w.triggering.stream()
                .filter(e -> subject.equals(e.actorSubject()))
                .max(Comparator.comparing(SealedEvent::occurredAt))
                .orElse(null);
        SealedEvent any = w.triggering.get(w.triggering.size() - 1);
        Set<UUID> workers = new HashSet<>();
        boolean unnamed = false;
        for (SealedEvent e : w.triggering) {
            if (e.workerId() == null) {
                unnamed = true;
            } else {
                workers.add(e.workerId());
            }
        }
        UUID worker = workers.size() == 1 && !unnamed ? workers.iterator().next() : null;
        return Tuple.tuple()
                .addValue(w.id)
                .addValue(spec.rule().code())
                .addValue(utc(now))
                .addValue(subject)
                .addValue(named == null ? null : named.actorUsername())
                .addValue(named == null ? null : named.actorAgency())
                .addValue(named == null ? any.accountableMission() : named.actorMission())
                .addValue(worker)
                .addValue(utc(w.start))
                .addValue(utc(w.end))
                .addValue(spec.threshold())
                .addValue(w.measure)
                .addValue(spec.criteria())
                .addValue(null);
    }

    private static Uni<Void> insertLinks(SqlClient conn, List<Detector.Link> links) {
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = links.size();
        UUID[] alertIds = new UUID[n];
        UUID[] eventIds = new UUID[n];
        Long[] leaves = new Long[n];
        Boolean[] triggering = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Detector.Link link = links.get(i);
            alertIds[i] = link.window().id;
            eventIds[i] = link.event().eventId();
            leaves[i] = link.event().leafIndex();
            triggering[i] = link.triggering();
        }
        return conn.preparedQuery(INSERT_LINKS)
                .execute(Tuple.of(alertIds, eventIds, leaves, triggering))
                .replaceWithVoid();
    }

    static SealedEvent event(Row row) {
        return new SealedEvent(
                row.getLong(0),
                row.getUUID(1),
                row.getOffsetDateTime(2).toInstant(),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getUUID(10),
                row.getString(11));
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
