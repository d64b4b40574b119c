package id.sinergi.audit.service;

import id.sinergi.audit.details.WorkerDetails;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.log.ActorNames;
import id.sinergi.audit.log.Backlog;
import id.sinergi.audit.log.LogStore;
import id.sinergi.audit.log.RecentEntries;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The audit log's intake and queries. Intake seals events' details under their workers' keys, stores the events in
 * one statement and answers once they are committed ("accepted"); the sealer adds them to the Merkle tree shortly
 * after ({@link id.sinergi.audit.log.Sealer}). Reads open the details again, and reads by auditors are logged as
 * events of their own, so the log also shows who looked at it.
 */
@ApplicationScoped
public class AuditLog {

    /** The name audit-service's own events carry. */
    public static final String SERVICE_NAME = "audit-service";

    /** The log itself, as the actor of what it does on its own: retention statements, scheduled verifications. */
    public static final AuditActor SELF =
            new AuditActor(SERVICE_NAME, SERVICE_NAME, null, null, SERVICE_NAME, List.of());

    /** The longest reason an event may have (see {@link AuditEvent}). */
    static final int MAX_REASON = 500;

    /** Events per read of an export: what one chunk of the response holds at most. */
    static final int EXPORT_PAGE = 1000;

    @Inject
    Pool pool;

    @Inject
    Backlog backlog;

    @Inject
    RecentEntries recent;

    @Inject
    ActorNames names;

    @Inject
    IntakeConfig intake;

    private GroupCommit groupCommit;

    @PostConstruct
    void init() {
        groupCommit = new GroupCommit(intake.groupCommitMax(), intake.groupCommitWriters(), this::storeReturningIds);
    }

    @Inject
    WorkerDetails details;

    /**
     * Stores events a service delivers, all or none; events already stored (or repeated within the batch) are
     * counted as duplicates and skipped. Every event must name the delivering OAuth client as its service (else
     * 403 {@code service-mismatch}) and may not claim to have happened more than five minutes from now (else 400).
     * The actor fields are asserted by the delivering service, which verified the user's token.
     */
    public Uni<AppendResult> ingest(List<AuditEvent> events, boolean batch, Caller caller) {
        // A request body's strings were held to the text rule as JSON was read (a 400 invalid-text before this).
        EventRules.check(events, batch, caller.clientId(), Instant.now(), false);
        // Every event names the delivering client as its service (checked above): one source per request.
        if (!events.isEmpty()) {
            backlog.source(events.get(0).service());
        }
        Uni<AppendResult> stored = batch || events.size() != 1
                ? store(events, false)
                : groupCommit
                        .submit(events.get(0))
                        .map(accepted -> accepted ? new AppendResult(1, 0) : new AppendResult(0, 1));
        return stored.invoke(
                r -> Log.debugf("event=audit-ingested accepted=%d duplicates=%d", r.accepted(), r.duplicates()));
    }

    /**
     * Stores events audit-service itself collected from another source (Keycloak's, which the puller reads),
     * through the same checks and statement as delivered events: every event must name {@code source} as its
     * service; events already stored are counted as duplicates and skipped.
     */
    public Uni<AppendResult> ingestCollected(String source, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new AppendResult(0, 0));
        }
        EventRules.check(events, true, source, Instant.now(), true);
        backlog.source(source);
        // A collector reads its source again over an overlap (Keycloak's puller, PullWindow): its batches often
        // repeat stored events.
        return store(events, true);
    }

    /**
     * A rule of the log that a collected event breaks.
     *
     * @param rule the rule's code, e.g. {@code occurred-at-in-future}
     * @param field the field breaking it, e.g. {@code occurredAt}; null when the rule is about the event as a whole
     */
    public record BrokenRule(String rule, String field) {}

    /**
     * The rule this collected event breaks, checked as {@link #ingestCollected} checks it at this time; empty when
     * it breaks none. A collector that cannot fix an event uses it to set the event aside instead of failing the
     * batch.
     */
    public static Optional<BrokenRule> brokenRule(AuditEvent event, String source, Instant now) {
        try {
            EventRules.check(List.of(event), false, source, now, true);
            return Optional.empty();
        } catch (ProblemException e) {
            Problem problem = e.problem();
            List<Problem.FieldError> errors = problem.getErrors();
            String type = problem.getType();
            String rule = type.startsWith(Problem.TYPE_PREFIX) ? type.substring(Problem.TYPE_PREFIX.length()) : type;
            return Optional.of(new BrokenRule(
                    rule,
                    errors == null || errors.isEmpty() ? null : errors.get(0).field()));
        }
    }

    /** Stores one of audit-service's own events (an auditor's query, a cosignature, a verification). */
    public Uni<Void> recordOwn(AuditEvent event) {
        return store(List.of(event), false).replaceWithVoid();
    }

    /** Stores one of audit-service's own events, without details, on a connection in a transaction. */
    public Uni<Void> recordOwn(SqlClient conn, AuditEvent event) {
        if (event.details() != null) {
            throw new IllegalArgumentException("audit-service's own events carry no details");
        }
        AuditRecord row = AuditRecord.accepted(event, Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        return LogStore.insertEntries(conn, List.of(row)).replaceWithVoid();
    }

    /** Stores the events as {@link #storeReturning} does; counts those stored and those stored before. */
    private Uni<AppendResult> store(List<AuditEvent> events, boolean repeats) {
        return storeReturning(events, repeats)
                .map(stored -> new AppendResult(stored.size(), events.size() - stored.size()));
    }

    /** Stores the events as {@link #store} does; gives the ids it stored (not those already there). */
    private Uni<Set<UUID>> storeReturningIds(List<AuditEvent> events) {
        return storeReturning(events, false).map(stored -> {
            Set<UUID> ids = new HashSet<>();
            stored.forEach(row -> ids.add(row.eventId));
            return ids;
        });
    }

    /**
     * Stores the events' rows; gives those that were new, and keeps them for the sealer ({@link RecentEntries}).
     *
     * @param repeats whether the events often repeat stored ones ({@link LogStore#insertEntriesReturning})
     */
    private Uni<List<AuditRecord>> storeReturning(List<AuditEvent> events, boolean repeats) {
        return records(events)
                .flatMap(rows -> LogStore.insertEntriesReturning(pool, rows, names, repeats))
                .invoke(recent::stored);
    }

    /** The rows of the events, each id once, their details sealed under their workers' keys. */
    private Uni<List<AuditRecord>> records(List<AuditEvent> events) {
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<UUID, AuditEvent> unique = new LinkedHashMap<>();
        for (AuditEvent event : events) {
            unique.putIfAbsent(event.id(), event);
        }
        return details.seal(unique.values()).map(sealedDetails -> {
            List<AuditRecord> rows = new ArrayList<>(unique.size());
            unique.values().forEach(e -> rows.add(AuditRecord.accepted(e, recordedAt, sealedDetails.get(e.id()))));
            return rows;
        });
    }

    /** A page of the events the filter covers, after the cursor, oldest first; the query is audited. */
    public Uni<RecordPage> query(AuditFilter filter, long after, int limit, Caller caller) {
        return page(filter, after, limit)
                .call(page -> recordOwn(own(
                        caller,
                        "audit.query",
                        filter,
                        filter.describe() + " after=" + after + " limit=" + limit + " results="
                                + page.events().size())));
    }

    /**
     * Every event the filter covers after the cursor, oldest first, read {@value #EXPORT_PAGE} at a time as the
     * consumer asks for more, so that an export of any size holds one page in memory. The export is audited
     * (action {@code audit.query.export}) before the first page is read.
     */
    public Multi<RecordPage> export(AuditFilter filter, long after, String format, Caller caller) {
        return recordOwn(own(
                        caller,
                        "audit.query.export",
                        filter,
                        filter.describe() + " after=" + after + " format=" + format))
                .onItem()
                .transformToMulti(x -> pages(filter, after));
    }

    private Multi<RecordPage> pages(AuditFilter filter, long after) {
        return Multi.createBy()
                .repeating()
                .uni(() -> new AtomicLong(after), cursor -> page(filter, cursor.get(), EXPORT_PAGE)
                        .invoke(page -> cursor.set(page.next() == null ? Long.MAX_VALUE : page.next())))
                .whilst(page -> page.next() != null);
    }

    /** A page of the events the filter covers after the cursor, oldest first, their details opened. */
    Uni<RecordPage> page(AuditFilter filter, long after, int limit) {
        SqlWhere where = pageWhere(filter, after);
        String sql = "SELECT " + LogStore.ENTRY_COLUMNS + " FROM audit_entry e" + where.clause()
                + " ORDER BY e.ingest_id LIMIT " + where.bind(limit + 1);
        return where.execute(pool, sql).flatMap(rows -> {
            List<AuditRecord> records = new ArrayList<>(rows.size());
            for (Row row : rows) {
                records.add(LogStore.record(row, 0));
            }
            boolean more = records.size() > limit;
            List<AuditRecord> shown = more ? records.subList(0, limit) : records;
            Long next = more ? shown.get(limit - 1).ingestId : null;
            return withDetails(shown).map(events -> new RecordPage(events, next));
        });
    }

    /** The conditions of a page of the events the filter covers after the cursor (0: from the log's start). */
    static SqlWhere pageWhere(AuditFilter filter, long after) {
        SqlWhere where = new SqlWhere();
        where.keyset(">", after, after <= 0);
        filter.appendConditions(where);
        return where;
    }

    /** The rows with their details opened, in the order given. */
    Uni<List<StoredEvent>> withDetails(List<AuditRecord> rows) {
        return details.open(rows).map(opened -> rows.stream()
                .map(r -> new StoredEvent(r, opened.get(r.ingestId)))
                .toList());
    }

    /** Counts of the events the filter covers, per action and per outcome; the summary is audited. */
    public Uni<Summary> summarize(AuditFilter filter, Caller caller) {
        SqlWhere where = new SqlWhere();
        filter.appendConditions(where);
        String sql = "SELECT e.action, e.outcome, count(*) FROM audit_entry e" + where.clause()
                + " GROUP BY e.action, e.outcome";
        return where.execute(pool, sql)
                .map(AuditLog::summary)
                .call(summary -> recordOwn(
                        own(caller, "audit.summary", filter, filter.describe() + " total=" + summary.total())));
    }

    private static Summary summary(Iterable<Row> rows) {
        Map<String, Long> byAction = new TreeMap<>();
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        for (AuditOutcome outcome : AuditOutcome.values()) {
            byOutcome.put(outcome.name(), 0L);
        }
        long total = 0;
        for (Row row : rows) {
            long n = row.getLong(2);
            byAction.merge(row.getString(0), n, Long::sum);
            byOutcome.merge(row.getString(1), n, Long::sum);
            total += n;
        }
        return new Summary(total, byAction, byOutcome);
    }

    /** One of audit-service's own events about an auditor's read, its reason cut to the longest allowed. */
    static AuditEvent own(Caller caller, String action, AuditFilter filter, String reason) {
        return own(caller, action, filter.workerId(), reason);
    }

    static AuditEvent own(Caller caller, String action, UUID workerId, String reason) {
        return AuditEvent.of(SERVICE_NAME, action, caller.actor())
                .outcome(AuditOutcome.SUCCESS)
                .worker(workerId)
                .reason(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                .build();
    }
}
