package id.sinergi.audit.alert;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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
import java.util.EnumMap;
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
 *
 * <p>Between scans the scanner remembers, per officer, what the rules need of their earlier events
 * ({@link OfficerMemory}), so a scan reads only the new events; an officer it does not remember, or cannot answer
 * for exactly, is read from the database. The memory holds only while this replica made every scan since it was
 * built: a scan that finds the cursor elsewhere than where this replica last saw it forgets everything, and leaves
 * the scan to the replica that moved it.
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

    /**
     * The officers' own sealed events, each officer in a time range of their own: one index range scan per officer
     * in one statement ($1 subjects, $2 from, $3 to, all inclusive; $4 the greatest leaf of this scan).
     */
    private static final String OWN = "SELECT " + EVENT_COLUMNS
            + " FROM unnest($1::varchar[], $2::timestamptz[], $3::timestamptz[]) AS r(subject, lo, hi)"
            + " JOIN audit_entry e ON e.actor_subject = r.subject AND e.occurred_at >= r.lo AND e.occurred_at <= r.hi"
            + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id WHERE l.leaf_index <= $4";

    /**
     * The events a service recorded naming an officer in its reason (a vital-interest override recorded by
     * consent-service as case-service), in the time range of the whole scan; they are assigned to officers in Java.
     */
    private static final String NAMED = "SELECT " + EVENT_COLUMNS + " FROM audit_entry e"
            + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id"
            + " WHERE e.action = ANY($1) AND e.reason LIKE '%officer=%' AND e.occurred_at >= $2 AND e.occurred_at <= $3"
            + " AND l.leaf_index <= $4";

    /** The officers' stored alerts whose windows overlap each one's range ($4: the longest window, in seconds). */
    private static final String EXISTING = "SELECT a.id, a.rule, a.window_start, a.window_end, a.actor_subject"
            + " FROM unnest($1::varchar[], $2::timestamptz[], $3::timestamptz[]) AS r(subject, lo, hi)"
            + " JOIN audit_alert a ON a.actor_subject = r.subject AND a.rule <> 'sample'"
            + " AND a.window_end > r.lo - make_interval(secs => $4) AND a.window_start <= r.hi";

    static final String INSERT_ALERT = "INSERT INTO audit_alert (id, rule, raised_at, actor_subject, actor_username,"
            + " actor_agency, actor_mission, worker_id, window_start, window_end, threshold, measure, criteria,"
            + " requested_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

    static final String INSERT_LINKS = "INSERT INTO audit_alert_event (alert_id, event_id, leaf_index, triggering)"
            + " SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bigint[], $4::boolean[])"
            + " ON CONFLICT (alert_id, event_id) DO NOTHING";

    /**
     * The upper end of an officer's range when the scanner will remember what it reads: after every time an event
     * may carry (EventRules takes none after the year 9999), so the memory holds the officer's later events too.
     */
    private static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59.999999Z");

    private static final String INSERT_SCAN =
            "INSERT INTO alert_scan (up_to_leaf, scanned_at, events, alerts) VALUES ($1, $2, $3, $4)";

    @Inject
    Pool pool;

    @Inject
    AlertConfig config;

    @Inject
    AlertMetrics metrics;

    @Inject
    SealedFeed feed;

    private AlertMemory memory;

    @Scheduled(
            identity = "audit-alert-scanner",
            every = "${sinergi.audit.alert.scan-interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        // The gauge is read first, so that it is right from the first run after a start and follows reviews made
        // through another replica, and again after each scan that raised alerts (scanFrom).
        return refreshMetrics()
                .flatMap(v -> scanAll())
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
        return scan().call(s ->
                        s.alerts() > 0 ? refreshMetrics() : Uni.createFrom().voidItem())
                .flatMap(s -> s.events() >= config.scanBatch() || s.cut()
                        ? scanFrom(raisedSoFar + s.alerts())
                        : Uni.createFrom().item(raisedSoFar + s.alerts()));
    }

    /** Refreshes the open-alerts gauge; a failure is logged and leaves the scan alone. */
    private Uni<Void> refreshMetrics() {
        return metrics.refresh().onFailure().recoverWithItem(e -> {
            Log.warnf(
                    e,
                    "event=audit-alert-metrics-failed"
                            + " effect=\"sinergi_audit_alerts_open is refreshed at the next scan\"");
            return null;
        });
    }

    /**
     * What one scan did: the leaves it scanned, the alerts it raised, and whether it stopped before the end of the
     * leaves it read because they named more officers to read from the database than one scan takes.
     */
    record Scan(int events, int alerts, boolean cut) {

        Scan(int events, int alerts) {
            this(events, alerts, false);
        }
    }

    /** A scan, and what the memory becomes once its transaction committed (from one cursor to the next). */
    private record Outcome(Scan scan, long from, long upTo, Map<String, OfficerMemory> changes) {}

    /** What the rules found; the officers evaluated from memory and those read from the database. */
    private record Evaluation(int alerts, Map<String, OfficerMemory> changes, int remembered, int reread) {}

    /** One scan of the next sealed events (none when another replica holds the lock). */
    Uni<Scan> scan() {
        AlertMemory memory = memory();
        return pool.withTransaction(conn -> conn.query("SELECT pg_try_advisory_xact_lock(" + LOCK + ")")
                        .execute()
                        .flatMap(locked ->
                                Boolean.TRUE.equals(locked.iterator().next().getBoolean(0))
                                        ? cursor(conn).flatMap(cursor -> scanAfter(conn, memory, cursor))
                                        : Uni.createFrom().item((Outcome) null)))
                .map(outcome -> {
                    if (outcome == null) {
                        return new Scan(0, 0);
                    }
                    // Only a committed scan changes the memory; a failed one leaves it at the cursor it had.
                    if (!memory.apply(outcome.from(), outcome.upTo(), outcome.changes())) {
                        Log.warnf(
                                "event=audit-alert-memory-dropped reason=concurrent-scan upToLeaf=%d"
                                        + " effect=\"officers' earlier events are read from the database again\"",
                                outcome.upTo());
                    }
                    return outcome.scan();
                });
    }

    /** The memory of officers between scans, made at the first scan. */
    synchronized AlertMemory memory() {
        if (memory == null) {
            memory = new AlertMemory(config.memoryOfficers(), config.memoryEvents());
        }
        return memory;
    }

    private static Uni<Long> cursor(SqlClient conn) {
        return conn.query("SELECT coalesce(max(up_to_leaf), -1) FROM alert_scan")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<Outcome> scanAfter(SqlClient conn, AlertMemory memory, long cursor) {
        long own = memory.cursor();
        int dropped = memory.moveTo(cursor);
        if (dropped > 0) {
            Log.infof(
                    "event=audit-alert-memory-dropped reason=cursor-moved officers=%d upToLeaf=%d"
                            + " effect=\"officers' earlier events are read from the database again\"",
                    dropped, cursor);
        }
        if (memory.enabled() && own != AlertMemory.NONE && own != cursor) {
            // Another replica scanned since this one did: leave the scans to it while it keeps the cursor moving,
            // so that one replica's memory serves them (replicas taking turns would each read everything again).
            // When the cursor stood still since this replica's last look, the other one is idle or gone.
            Log.debugf("event=audit-alert-scan-yielded upToLeaf=%d", cursor);
            return Uni.createFrom().item(new Outcome(new Scan(0, 0), cursor, cursor, Map.of()));
        }
        return newLeaves(conn, cursor)
                // Evaluating the rules over a scan's events is CPU work (seconds for a backlog on a busy machine):
                // it runs on a worker thread, as does the database path's below, so that the event loop, which
                // also serves requests, is not held for it.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(leaves -> {
                    if (leaves.isEmpty()) {
                        return Uni.createFrom().item(new Outcome(new Scan(0, 0), cursor, cursor, Map.of()));
                    }
                    List<RuleSpec.Matched> fresh = new ArrayList<>();
                    long upTo = cursor;
                    int scanned = 0;
                    boolean cut = false;
                    Set<String> unknown = new HashSet<>();
                    List<RuleSpec> specs = RuleSpec.of(config);
                    Set<String> naming = naming();
                    for (Leaf leaf : leaves) {
                        SealedEvent e = leaf.event();
                        // Each rule is asked once per event: the rules look at it, for its accountable officer.
                        RuleSpec.Matched m = e == null ? null : RuleSpec.matching(specs, e);
                        boolean looked = m != null && m.rules() != 0 && belongs(e, naming);
                        if (looked
                                && !unknown.contains(e.accountable())
                                && rereads(memory, specs, m)
                                && unknown.add(e.accountable())
                                && unknown.size() > config.rereadPerScan()
                                && scanned > 0) {
                            // Officers the memory does not hold are read from the database with all their
                            // recent events: a scan takes so many of them, and the next scan goes on from here.
                            cut = true;
                            break;
                        }
                        upTo = leaf.index();
                        scanned++;
                        if (looked) {
                            fresh.add(m);
                        }
                    }
                    long last = upTo;
                    int events = scanned;
                    boolean stopped = cut;
                    return evaluate(conn, memory, specs, fresh, unknown, cursor, last)
                            .call(found -> conn.preparedQuery(INSERT_SCAN)
                                    .execute(Tuple.of(last, utc(now()), events, found.alerts())))
                            .invoke(found -> Log.debugf(
                                    "event=audit-alerts-scanned upToLeaf=%d events=%d alerts=%d"
                                            + " officersFromMemory=%d officersReread=%d cut=%s",
                                    last, events, found.alerts(), found.remembered(), found.reread(), stopped))
                            .map(found -> new Outcome(
                                    new Scan(events, found.alerts(), stopped), cursor, last, found.changes()));
                });
    }

    /** A leaf of the tree and its event as the rules see it; null when the event's row is gone. */
    private record Leaf(long index, SealedEvent event) {}

    /**
     * The leaves after the cursor, at most a scan's batch: from what this replica's sealer just sealed when the feed
     * holds them, else from the database.
     */
    private Uni<List<Leaf>> newLeaves(SqlClient conn, long cursor) {
        List<SealedEvent> fed = feed.after(cursor, config.scanBatch());
        if (fed != null) {
            return Uni.createFrom()
                    .item(fed.stream().map(e -> new Leaf(e.leafIndex(), e)).toList());
        }
        return conn.preparedQuery(NEW_LEAVES)
                .execute(Tuple.of(cursor, config.scanBatch()))
                .map(rows -> {
                    List<Leaf> leaves = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        leaves.add(new Leaf(row.getLong(0), row.getUUID(1) == null ? null : event(row)));
                    }
                    return leaves;
                });
    }

    /**
     * Applies every rule to the officers of the new events. An officer the memory holds, and can answer for
     * exactly ({@link OfficerMemory}), is evaluated on what it remembers; the others are read from the database, in
     * three statements per group of {@link AlertConfig#rereadOfficers()} officers: their events around the new
     * ones, the events naming them, and their alerts whose windows reach those events.
     *
     * @param fresh the new events that a rule looks at, with those rules, each for its accountable officer
     *     ({@link #belongs})
     * @param unknown the officers of the new events that the memory cannot answer for: the scan asked
     *     {@link #rereads} of each of their events until one said so, and the memory does not change before the
     *     scan commits (the memory answers for several events when it answers for each)
     */
    private Uni<Evaluation> evaluate(
            SqlClient conn,
            AlertMemory memory,
            List<RuleSpec> specs,
            List<RuleSpec.Matched> fresh,
            Set<String> unknown,
            long cursor,
            long upTo) {
        // Each officer's new events as the database path reads them: an officer's own, and those naming them.
        Map<String, List<RuleSpec.Matched>> news = new LinkedHashMap<>();
        for (RuleSpec.Matched m : fresh) {
            news.computeIfAbsent(m.event().accountable(), s -> new ArrayList<>())
                    .add(m);
        }
        if (news.isEmpty()) {
            return Uni.createFrom().item(new Evaluation(0, Map.of(), 0, 0));
        }
        List<Found> found = new ArrayList<>();
        Map<String, OfficerMemory> changes = new LinkedHashMap<>();
        Map<String, List<SealedEvent>> reread = new LinkedHashMap<>();
        news.forEach((subject, events) -> {
            OfficerMemory kept = memory.enabled() ? memory.get(subject) : null;
            if (kept == null || unknown.contains(subject)) {
                reread.put(subject, events.stream().map(RuleSpec.Matched::event).toList());
                return;
            }
            List<List<SealedEvent>> byRule = RuleSpec.byRule(specs, events);
            List<Detector.Result> results = kept.evaluate(specs, byRule, cursor);
            found.add(new Found(subject, specs, results));
            changes.put(subject, kept.next(specs, byRule, results, config.memoryRuleEvents()));
        });
        int remembered = news.size() - reread.size();
        // Each group's alerts are stored (in the scan's transaction) before the next group is read, and their
        // triggering events let go: an alert can hold thousands of events, and a scan after a bulk load reads
        // many officers who each raise one.
        Uni<Integer> raised = flush(conn, found);
        for (Map<String, List<SealedEvent>> group : groups(reread, Math.max(1, config.rereadOfficers()))) {
            raised = raised.flatMap(before -> reread(conn, specs, group, memory.enabled(), cursor, upTo, found, changes)
                    .flatMap(v -> flush(conn, found))
                    .map(stored -> before + stored));
        }
        return raised.map(n -> new Evaluation(n, changes, remembered, reread.size()));
    }

    /** Stores the alerts found so far and forgets them; gives how many were stored. */
    private Uni<Integer> flush(SqlClient conn, List<Found> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Found> stored = List.copyOf(found);
        found.clear();
        return store(conn, stored);
    }

    /** The officers in groups of at most {@code size}, in their order. */
    private static List<Map<String, List<SealedEvent>>> groups(Map<String, List<SealedEvent>> officers, int size) {
        List<Map<String, List<SealedEvent>>> groups = new ArrayList<>();
        Map<String, List<SealedEvent>> group = new LinkedHashMap<>();
        for (Map.Entry<String, List<SealedEvent>> officer : officers.entrySet()) {
            group.put(officer.getKey(), officer.getValue());
            if (group.size() == size) {
                groups.add(group);
                group = new LinkedHashMap<>();
            }
        }
        if (!group.isEmpty()) {
            groups.add(group);
        }
        return groups;
    }

    /** The actions whose events name an officer in their reason (the vital-interest overrides). */
    private Set<String> naming() {
        return Set.copyOf(config.vitalInterest().actions());
    }

    /**
     * Whether evaluate will read the officer of this event from the database: the memory holds them not, or cannot
     * answer for the event exactly (OfficerMemory#refusal looks at each event on its own).
     */
    private static boolean rereads(AlertMemory memory, List<RuleSpec> specs, RuleSpec.Matched m) {
        OfficerMemory kept = memory.enabled() ? memory.get(m.event().accountable()) : null;
        return kept == null || kept.refusal(specs, m) != null;
    }

    /**
     * Whether the database path reads the event as one of its accountable officer's: the officer's own (an event
     * naming another officer answers to no one then), or one of an action that names an officer.
     */
    private static boolean belongs(SealedEvent e, Set<String> naming) {
        return e.accountable().equals(e.actorSubject()) || naming.contains(e.action());
    }

    /**
     * The database path, for the officers the memory cannot answer for: reads each one's events from the longest
     * window before their first new event on (to their last new event plus that window when nothing is
     * remembered), the events naming them, and their alerts reaching that far; evaluates the rules, and gives the
     * memory what it read.
     */
    private Uni<Void> reread(
            SqlClient conn,
            List<RuleSpec> specs,
            Map<String, List<SealedEvent>> officers,
            boolean remember,
            long cursor,
            long upTo,
            List<Found> found,
            Map<String, OfficerMemory> changes) {
        if (officers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Duration reach = RuleSpec.longest(specs);
        Map<String, Instant[]> ranges = new LinkedHashMap<>();
        int n = officers.size();
        String[] subjects = new String[n];
        OffsetDateTime[] froms = new OffsetDateTime[n];
        OffsetDateTime[] tos = new OffsetDateTime[n];
        Instant earliest = null;
        Instant latest = null;
        int i = 0;
        for (Map.Entry<String, List<SealedEvent>> entry : officers.entrySet()) {
            List<Instant> times =
                    entry.getValue().stream().map(SealedEvent::occurredAt).toList();
            Instant from = times.stream().min(Instant::compareTo).orElseThrow().minus(reach);
            Instant to = remember
                    ? OPEN_END
                    : times.stream().max(Instant::compareTo).orElseThrow().plus(reach);
            ranges.put(entry.getKey(), new Instant[] {from, to});
            subjects[i] = entry.getKey();
            froms[i] = utc(from);
            tos[i] = utc(to);
            earliest = earliest == null ? from : min(earliest, from);
            latest = latest == null ? to : max(latest, to);
            i++;
        }
        Tuple ofOfficers = Tuple.of(subjects, froms, tos, upTo);
        String[] vitalActions = List.copyOf(config.vitalInterest().actions()).toArray(String[]::new);
        Uni<List<SealedEvent>> named = vitalActions.length == 0
                ? Uni.createFrom().item(List.of())
                : conn.preparedQuery(NAMED)
                        .execute(Tuple.of(vitalActions, utc(earliest), utc(latest), upTo))
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(AlertScanner::events);
        Map<String, List<SealedEvent>> around = new LinkedHashMap<>();
        ranges.keySet().forEach(s -> around.put(s, new ArrayList<>()));
        return conn.preparedQuery(OWN)
                .execute(ofOfficers)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(AlertScanner::events)
                .flatMap(own -> named.map(more -> {
                    // An officer's own event that names another officer answers to no one here, as an event
                    // naming an officer counts only when its action is a named one.
                    Set<UUID> seen = new HashSet<>();
                    for (SealedEvent e : own) {
                        if (e.accountable().equals(e.actorSubject()) && seen.add(e.eventId())) {
                            around.get(e.actorSubject()).add(e);
                        }
                    }
                    for (SealedEvent e : more) {
                        List<SealedEvent> of = around.get(e.accountable());
                        if (of != null && inRange(e, ranges.get(e.accountable())) && seen.add(e.eventId())) {
                            of.add(e);
                        }
                    }
                    return around;
                }))
                .flatMap(events -> conn.preparedQuery(EXISTING)
                        .execute(Tuple.of(subjects, froms, tos, reach.toNanos() / 1e9))
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(rows -> {
                            Map<String, Map<AlertRule, List<Detector.Window>>> existing = new LinkedHashMap<>();
                            for (Row row : rows) {
                                AlertRule rule =
                                        AlertRule.ofCode(row.getString(1)).orElseThrow();
                                existing.computeIfAbsent(row.getString(4), s -> new EnumMap<>(AlertRule.class))
                                        .computeIfAbsent(rule, r -> new ArrayList<>())
                                        .add(new Detector.Window(
                                                row.getUUID(0),
                                                row.getOffsetDateTime(2).toInstant(),
                                                row.getOffsetDateTime(3).toInstant(),
                                                false,
                                                List.of(),
                                                0));
                            }
                            events.forEach((subject, own) -> {
                                Map<AlertRule, List<Detector.Window>> windows =
                                        existing.getOrDefault(subject, Map.of());
                                List<Detector.Result> results = new ArrayList<>();
                                for (RuleSpec spec : specs) {
                                    results.add(Detector.evaluate(
                                            spec, own, windows.getOrDefault(spec.rule(), List.of()), cursor));
                                }
                                found.add(new Found(subject, specs, results));
                                if (remember) {
                                    changes.put(
                                            subject,
                                            OfficerMemory.load(
                                                    specs,
                                                    own,
                                                    windows,
                                                    results,
                                                    ranges.get(subject)[0],
                                                    upTo,
                                                    config.memoryRuleEvents()));
                                }
                            });
                        }))
                .replaceWithVoid();
    }

    private static List<SealedEvent> events(Iterable<Row> rows) {
        List<SealedEvent> events = new ArrayList<>();
        rows.forEach(row -> events.add(event(row)));
        return events;
    }

    /** Whether an event lies in the range read for an officer (inclusive). */
    private static boolean inRange(SealedEvent e, Instant[] range) {
        return !e.occurredAt().isBefore(range[0]) && !e.occurredAt().isAfter(range[1]);
    }

    /**
     * The officer as the log may name them: a Keycloak subject (a UUID) as it is; anything else came from an event's
     * reason (an override naming its officer), which the log does not repeat: the alert row holds it.
     */
    static String loggable(String subject) {
        try {
            UUID.fromString(subject);
            return subject.length() == 36 ? subject : "named-in-reason";
        } catch (IllegalArgumentException e) {
            return "named-in-reason";
        }
    }

    /** The results of the rules for one officer. */
    private record Found(String subject, List<RuleSpec> specs, List<Detector.Result> results) {}

    private Uni<Integer> store(SqlClient conn, List<Found> found) {
        List<Tuple> alerts = new ArrayList<>();
        List<Detector.Link> links = new ArrayList<>();
        Instant now = now();
        for (Found f : found) {
            for (int i = 0; i < f.specs().size(); i++) {
                RuleSpec spec = f.specs().get(i);
                Detector.Result result = f.results().get(i);
                for (Detector.Window w : result.raised()) {
                    alerts.add(alertRow(spec, f.subject(), w, now));
                    Log.infof(
                            "event=audit-alert-raised rule=%s alert=%s actor=%s events=%d measure=%d",
                            spec.rule().code(), w.id, loggable(f.subject()), w.triggering.size(), w.measure);
                }
                links.addAll(result.links());
            }
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
