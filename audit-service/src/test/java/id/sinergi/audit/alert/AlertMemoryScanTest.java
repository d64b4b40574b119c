package id.sinergi.audit.alert;

import static id.sinergi.audit.AuditEvents.deliverAs;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.with;
import static id.sinergi.audit.AuditEvents.withActor;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.AuditTestResource;
import id.sinergi.audit.TestDatabase;
import id.sinergi.devstack.Processes;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scanner's memory of officers on the real tables: with the scheduled scans paused, the test scans itself, so
 * it knows which events each scan takes. Two officers get the same events in the same scans; one is remembered
 * between scans, the other forgotten before each, so that every scan reads the latter's earlier events from the
 * database; both must end with the same alerts and links.
 */
@QuarkusTest
@AuditTestResource
class AlertMemoryScanTest {

    private static final String JOB = "audit-alert-scanner";

    @Inject
    AlertScanner scanner;

    @Inject
    Scheduler scheduler;

    @Inject
    Pool pool;

    @Inject
    AlertConfig config;

    @Inject
    AlertMetrics metrics;

    @Inject
    SealedFeed feed;

    @BeforeEach
    void pauseTheScheduledScans() {
        scheduler.pause(JOB);
    }

    @AfterEach
    void resumeTheScheduledScans() {
        scheduler.resume(JOB);
    }

    @Test
    void scansFromMemoryRaiseTheSameAlertsAndLinksAsScansThatReadTheDatabase() throws SQLException {
        String remembered = UUID.randomUUID().toString();
        String reread = UUID.randomUUID().toString();
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Steps steps = new Steps(remembered, reread, t);

        steps.scan("identity-service", denial(0), denial(10), denial(20));
        long firstRead = loadedAt(remembered);
        steps.scan("identity-service", denial(30));
        steps.scan("identity-service", denial(40), reads(100, 0, 12));
        steps.scan("identity-service", denial(50), denial(70), reads(112, 12, 9), read(121, 0));
        // Before the latest denial, but within the denial window of it: still answered from memory.
        steps.scan("identity-service", denial(65), denial(75), denial(80));
        steps.scan("identity-service", denial(85));
        long fromMemory = loadedAt(remembered);
        // Late: ten minutes before everything else, far behind the denial rule's horizon.
        steps.scan("identity-service", denial(-600), denial(-590), denial(-580), denial(-570), denial(-560));
        long afterLate = loadedAt(remembered);
        steps.scan("identity-service", denial(130));
        steps.scan("case-service", outOfScope(200));
        long beforeOverlap = loadedAt(remembered);
        // Just before the out-of-scope alert of the step before: an alert raised now takes that alert's event.
        steps.scan("case-service", outOfScope(150));

        List<String> rows = steps.rows(remembered);
        assertThat(rows).isEqualTo(steps.rows(reread));
        assertThat(rows.stream().filter(r -> r.startsWith("alert ")))
                .extracting(r -> r.split(" ")[1])
                .containsExactlyInAnyOrder(
                        "denial-burst", "denial-burst", "denial-burst", "mass-read", "out-of-scope", "out-of-scope");
        assertThat(rows)
                .contains("alert denial-burst +0 +60 measure=5 [s1e0 s1e1 s1e2 s2e0 s3e0]")
                .contains("link denial-burst +0 s4e0 later")
                .contains("alert denial-burst +65 +125 measure=5 [s4e1 s5e0 s5e1 s5e2 s6e0]")
                .contains("alert denial-burst -600 -540 measure=5 [s7e0 s7e1 s7e2 s7e3 s7e4]")
                .contains("link mass-read +100 s4e11 later")
                .contains("link out-of-scope +150 s9e0 later");
        assertThat(fromMemory).as("steps 2 to 6 from memory").isEqualTo(firstRead);
        assertThat(afterLate).as("the late step read from the database").isGreaterThan(fromMemory);
        assertThat(beforeOverlap).as("steps 8 and 9 from memory").isEqualTo(afterLate);
        assertThat(loadedAt(remembered))
                .as("the last step read from the database")
                .isGreaterThan(afterLate);
    }

    @Test
    void anotherScannerMovingTheCursorMakesThisOneForgetEveryOfficerAndLeaveTheScansToIt() throws SQLException {
        String officer = UUID.randomUUID().toString();
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        scanThrough(scanner, deliver("identity-service", denied(officer, t), denied(officer, t.plusSeconds(10))));
        assertThat(scanner.memory().loadedAt(officer)).isNotNull();
        AlertScanner other = new AlertScanner();
        other.pool = pool;
        other.config = config;
        other.metrics = metrics;
        // Another replica's feed holds what its own sealer sealed: nothing here.
        other.feed = new SealedFeed();
        other.feed.config = config;
        scanThrough(other, deliver("identity-service", denied(officer, t.plusSeconds(20))));

        List<Map<String, Object>> more =
                deliver("identity-service", denied(officer, t.plusSeconds(30)), denied(officer, t.plusSeconds(40)));
        awaitSealed(more);

        AlertScanner.Scan yielded = scanner.scan().await().atMost(Duration.ofSeconds(30));

        assertThat(scanner.memory().loadedAt(officer)).as("forgotten").isNull();
        assertThat(yielded.events())
                .as("left to the scanner that moved the cursor")
                .isZero();
        assertThat(scanner.memory().cursor()).isEqualTo(other.memory().cursor());
        scanThrough(scanner, more);
        assertThat(scanner.memory().loadedAt(officer))
                .as("read from the database")
                .isNotNull();
        try (Connection c = TestDatabase.appRole();
                PreparedStatement ps = c.prepareStatement("SELECT a.measure, count(e.event_id) FROM audit_alert a"
                        + " JOIN audit_alert_event e ON e.alert_id = a.id AND e.triggering"
                        + " WHERE a.actor_subject = ? AND a.rule = 'denial-burst' GROUP BY a.id, a.measure")) {
            ps.setString(1, officer);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a denial-burst alert").isTrue();
                assertThat(rs.getInt(1)).isEqualTo(5);
                assertThat(rs.getLong(2))
                        .as("the other scanner's event among them")
                        .isEqualTo(5);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void aScanStopsAtTheOfficerBeyondItsBudgetOfUnrememberedOfficersAndTheNextOneGoesOn() throws SQLException {
        // The tests' budget is 2 officers read from the database per scan (application.properties, %test).
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> officers = newOfficers(3);
        scanThrough(scanner, deliver("identity-service", denied(officers.get(0), t)));
        List<Map<String, Object>> newcomers = deliver("identity-service", fiveDenialsEach(officers, t.plusSeconds(10)));
        awaitSealed(newcomers);
        scanner.memory().forget(officers.get(0));

        AlertScanner.Scan first = scanner.scan().await().atMost(Duration.ofSeconds(30));
        scanThrough(scanner, newcomers);

        assertThat(first.cut())
                .as("stopped at the third officer it does not remember")
                .isTrue();
        assertThat(first.events()).isEqualTo(10);
        for (String officer : officers) {
            assertThat(scanner.memory().loadedAt(officer))
                    .as("remembered after the next scans")
                    .isNotNull();
            assertThat(denialBursts(officer))
                    .as("one denial burst of " + officer)
                    .isEqualTo(1);
        }
    }

    @Test
    void officersTheMemoryHoldsButCannotAnswerForCountAgainstTheSameBudget() throws SQLException {
        // Three remembered officers, then events of theirs that happened an hour before what the memory holds:
        // late events (delivered after an outage), which the scan reads from the database as it does strangers.
        Instant t = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<String> officers = newOfficers(3);
        List<Map<String, Object>> recent = new ArrayList<>();
        officers.forEach(officer -> recent.add(denied(officer, t.plus(1, ChronoUnit.HOURS))));
        scanThrough(scanner, deliver("identity-service", recent));
        officers.forEach(officer -> assertThat(scanner.memory().loadedAt(officer))
                .as("remembered before the late events")
                .isNotNull());
        List<Map<String, Object>> delivered = deliver("identity-service", fiveDenialsEach(officers, t));
        awaitSealed(delivered);

        AlertScanner.Scan first = scanner.scan().await().atMost(Duration.ofSeconds(30));
        scanThrough(scanner, delivered);

        assertThat(first.cut())
                .as("stopped at the third officer it must read again")
                .isTrue();
        assertThat(first.events()).isEqualTo(10);
        for (String officer : officers) {
            assertThat(denialBursts(officer))
                    .as("one denial burst of " + officer + "'s late events")
                    .isEqualTo(1);
        }
    }

    private static List<String> newOfficers(int n) {
        List<String> officers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            officers.add(UUID.randomUUID().toString());
        }
        return officers;
    }

    /** Five denials of each officer, a second apart from {@code from}: a denial burst each. */
    private static List<Map<String, Object>> fiveDenialsEach(List<String> officers, Instant from) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String officer : officers) {
            for (int i = 0; i < 5; i++) {
                events.add(denied(officer, from.plusSeconds(i)));
            }
        }
        return events;
    }

    /** How many denial-burst alerts the officer has. */
    private static long denialBursts(String officer) throws SQLException {
        try (Connection c = TestDatabase.appRole();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM audit_alert WHERE actor_subject = ? AND rule = 'denial-burst'")) {
            ps.setString(1, officer);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Events of one step for both officers, by their offset in seconds and (reads) the worker. */
    private record Kind(String what, long at, int worker) {}

    private static List<Kind> denial(long at) {
        return List.of(new Kind("denial", at, -1));
    }

    private static List<Kind> outOfScope(long at) {
        return List.of(new Kind("out-of-scope", at, -1));
    }

    private static List<Kind> read(long at, int worker) {
        return List.of(new Kind("read", at, worker));
    }

    /** {@code count} reads of distinct workers from {@code firstWorker}, a second apart from {@code at}. */
    private static List<Kind> reads(long at, int firstWorker, int count) {
        List<Kind> reads = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            reads.add(new Kind("read", at + i, firstWorker + i));
        }
        return reads;
    }

    /** The steps of the comparison: each delivers the same events for both officers and scans them. */
    private final class Steps {

        private final String remembered;
        private final String reread;
        private final Instant t;
        private final List<UUID> workers = new ArrayList<>();
        private final Map<String, String> keys = new HashMap<>();
        private final Map<String, String> names = new HashMap<>();
        private int step;

        Steps(String remembered, String reread, Instant t) {
            this.remembered = remembered;
            this.reread = reread;
            this.t = t;
            for (int i = 0; i < 25; i++) {
                workers.add(UUID.randomUUID());
                names.put(workers.get(i).toString(), "w" + i);
            }
        }

        @SafeVarargs
        final void scan(String service, List<Kind>... kinds) throws SQLException {
            step++;
            List<Kind> all = new ArrayList<>();
            List<UUID> about = new ArrayList<>();
            for (List<Kind> group : kinds) {
                for (Kind kind : group) {
                    all.add(kind);
                    // Reads name the test's workers; a denial names a worker of its own, the same for both officers.
                    UUID worker = kind.worker() < 0 ? UUID.randomUUID() : workers.get(kind.worker());
                    names.putIfAbsent(worker.toString(), "s" + step + "e" + about.size());
                    about.add(worker);
                }
            }
            List<Map<String, Object>> events = new ArrayList<>();
            for (String officer : List.of(remembered, reread)) {
                for (int i = 0; i < all.size(); i++) {
                    Map<String, Object> e = eventOf(officer, all.get(i), about.get(i));
                    keys.put((String) e.get("id"), "s" + step + "e" + i);
                    events.add(e);
                }
            }
            scanner.memory().forget(reread);
            scanThrough(scanner, deliver(service, events));
        }

        private Map<String, Object> eventOf(String officer, Kind kind, UUID worker) {
            Instant at = t.plusSeconds(kind.at());
            return switch (kind.what()) {
                case "denial" ->
                    withActor(with(denied(officer, at), "workerId", worker.toString()), "subject", officer);
                case "read" ->
                    withActor(with(event(worker, "worker.read"), "occurredAt", at.toString()), "subject", officer);
                default -> {
                    Map<String, Object> e = with(event(worker, "case.read"), "service", "case-service");
                    e = with(
                            with(with(e, "outcome", "DENIED"), "reason", "other-mission"), "occurredAt", at.toString());
                    yield withActor(with(e, "resourceType", "case"), "subject", officer);
                }
            };
        }

        /**
         * The officer's stored alerts and links: an alert by rule, window (seconds from t), measure and triggering
         * events; a link by its alert's rule and start, its event and whether it triggered. Events by their step
         * and place in it, the same for both officers.
         */
        List<String> rows(String officer) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (Connection c = TestDatabase.appRole();
                    PreparedStatement alerts = c.prepareStatement("SELECT a.id, a.rule, a.window_start, a.window_end,"
                            + " a.threshold, a.measure, a.criteria, a.worker_id, a.actor_username, a.actor_agency,"
                            + " a.actor_mission FROM audit_alert a WHERE a.actor_subject = ?");
                    PreparedStatement links = c.prepareStatement(
                            "SELECT event_id, triggering FROM audit_alert_event WHERE alert_id = ?")) {
                alerts.setString(1, officer);
                try (ResultSet a = alerts.executeQuery()) {
                    while (a.next()) {
                        String rule = a.getString(2);
                        String start = seconds(a.getTimestamp(3).toInstant());
                        List<String> triggering = new ArrayList<>();
                        links.setObject(1, a.getObject(1));
                        try (ResultSet l = links.executeQuery()) {
                            while (l.next()) {
                                String event = keys.getOrDefault(l.getString(1), "unknown");
                                if (l.getBoolean(2)) {
                                    triggering.add(event);
                                } else {
                                    rows.add("link " + rule + " " + start + " " + event + " later");
                                }
                            }
                        }
                        triggering.sort(String::compareTo);
                        String worker = a.getString(8);
                        rows.add("alert " + rule + " " + start + " "
                                + seconds(a.getTimestamp(4).toInstant()) + " measure=" + a.getInt(6) + " ["
                                + String.join(" ", triggering) + "]");
                        rows.add("details " + rule + " " + start + " threshold=" + a.getInt(5) + " criteria="
                                + a.getString(7) + " worker=" + (worker == null ? "-" : names.get(worker))
                                + " actor=" + a.getString(9) + "/" + a.getString(10) + "/" + a.getString(11));
                    }
                }
            }
            rows.sort(String::compareTo);
            return rows;
        }

        private String seconds(Instant at) {
            long s = Duration.between(t, at).toSeconds();
            return s < 0 ? String.valueOf(s) : "+" + s;
        }
    }

    private static Map<String, Object> denied(String officer, Instant at) {
        Map<String, Object> e = with(event(UUID.randomUUID(), "worker.update"), "outcome", "DENIED");
        return withActor(with(with(e, "reason", "NO_GRANT"), "occurredAt", at.toString()), "subject", officer);
    }

    @Test
    void theFeedGivesTheNewLeavesAsTheDatabasePathReadsThem() throws SQLException {
        String officer = UUID.randomUUID().toString();
        Instant t = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(denied(officer, t.plusSeconds(i)));
        }
        deliver("identity-service", events);
        awaitSealed(events);
        // One delivery is one transaction: its events are consecutive leaves.
        long last = greatestLeaf(events);
        long first = last - events.size() + 1;

        // The sealer hands a round to the feed just after its commit, which the tree may show first.
        List<SealedEvent> fed = feed.after(first - 1, events.size());
        for (Instant deadline = Instant.now().plusSeconds(10);
                fed == null && Instant.now().isBefore(deadline);
                fed = feed.after(first - 1, events.size())) {
            Processes.sleep(Duration.ofMillis(20));
        }

        List<SealedEvent> read = new ArrayList<>();
        pool.preparedQuery("SELECT " + AlertScanner.EVENT_COLUMNS + " FROM merkle_leaf l"
                        + " LEFT JOIN audit_entry e ON e.ingest_id = l.ingest_id"
                        + " WHERE l.leaf_index BETWEEN $1 AND $2 ORDER BY l.leaf_index")
                .execute(Tuple.of(first, last))
                .await()
                .atMost(Duration.ofSeconds(30))
                .forEach(row -> read.add(AlertScanner.event(row)));
        assertThat(read).hasSize(events.size());
        assertThat(read).extracting(SealedEvent::actorSubject).containsOnly(officer);
        assertThat(fed).as("the feed holds what this replica sealed").isEqualTo(read);
    }

    @SafeVarargs
    private static List<Map<String, Object>> deliver(String service, Map<String, Object>... events) {
        return deliver(service, List.of(events));
    }

    private static List<Map<String, Object>> deliver(String service, List<Map<String, Object>> events) {
        deliverAs(service, events).statusCode(200);
        return events;
    }

    private Long loadedAt(String officer) {
        Long at = scanner.memory().loadedAt(officer);
        assertThat(at).as("remembered").isNotNull();
        return at;
    }

    /** Waits until every one of these events is sealed. */
    private static void awaitSealed(List<Map<String, Object>> events) throws SQLException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (greatestLeaf(events) == null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the events were not sealed in 30 s");
            }
            Processes.sleep(Duration.ofMillis(100));
        }
    }

    /** Scans with this scanner until the memory stands past every one of these events (sealed first). */
    private static void scanThrough(AlertScanner scanner, List<Map<String, Object>> events) throws SQLException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            Long leaf = greatestLeaf(events);
            if (leaf != null) {
                scanner.scanAll().await().atMost(Duration.ofSeconds(30));
                if (scanner.memory().cursor() >= leaf) {
                    return;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the events were not scanned in 30 s");
            }
            Processes.sleep(Duration.ofMillis(100));
        }
    }

    /** The greatest leaf of these events, or null while one is not sealed. */
    private static Long greatestLeaf(List<Map<String, Object>> events) throws SQLException {
        try (Connection c = TestDatabase.appRole();
                PreparedStatement ps = c.prepareStatement("SELECT count(*), max(l.leaf_index) FROM audit_entry e"
                        + " JOIN merkle_leaf l ON l.ingest_id = e.ingest_id WHERE e.event_id = ANY(?)")) {
            UUID[] ids = events.stream()
                    .map(e -> UUID.fromString((String) e.get("id")))
                    .toArray(UUID[]::new);
            ps.setArray(1, c.createArrayOf("uuid", ids));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == events.size() ? rs.getLong(2) : null;
            }
        }
    }
}
