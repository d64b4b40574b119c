package id.sinergi.audit.retention;

import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.EntryCodec;
import id.sinergi.audit.log.LogKeys;
import id.sinergi.audit.log.LogStore;
import id.sinergi.audit.log.Sealer;
import id.sinergi.audit.proof.RetentionStatement;
import id.sinergi.audit.proof.RetentionStatement.Expired;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The purge: removes the payloads of entries whose category's retention period has passed and that no legal hold
 * covers, while their leaves stay in the tree. For each batch it first records a retention statement signed with
 * the log's key (naming each leaf, its category and when the log recorded its event, and the policy), has it
 * sealed into the tree, and only then has PostgreSQL remove the rows through {@code audit_expire()}, which checks
 * the statement again. One replica purges at a time (a session advisory lock); a run that stops half way is resumed
 * by the next one, which first carries out statements already recorded. A period is counted from the entry's
 * {@code recorded_at}, which the log stamps at intake, never from the {@code occurred_at} the sending service
 * claims: a service that backdated its events would otherwise have them removed at the next run.
 */
@ApplicationScoped
public class Retention {

    /** The advisory lock key of the purge ("SINRETN" in ASCII). */
    static final long LOCK = 0x53494e5245544eL;

    /** Candidate entries read per query. */
    static final int PAGE = 5000;

    private static final String PENDING = "SELECT e.ingest_id, l.leaf_index FROM audit_entry e"
            + " LEFT JOIN merkle_leaf l ON l.ingest_id = e.ingest_id"
            + " WHERE e.entry_format = 4 AND NOT EXISTS"
            + " (SELECT 1 FROM retention_run r WHERE r.statement_ingest_id = e.ingest_id) ORDER BY e.ingest_id";

    private static final String CANDIDATES = "SELECT l.leaf_index, e.ingest_id, e.service, e.action, e.outcome,"
            + " e.recorded_at, e.resource_type, e.resource_id, e.worker_id"
            + " FROM audit_entry e JOIN merkle_leaf l ON l.ingest_id = e.ingest_id"
            + " WHERE e.recorded_at <= $1 AND e.entry_format <> 4 AND (e.recorded_at, e.ingest_id) > ($2, $3)"
            + " ORDER BY e.recorded_at, e.ingest_id LIMIT " + PAGE;

    /** Before every entry: the log recorded none before it. */
    private static final OffsetDateTime START = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    @Inject
    Pool pool;

    @Inject
    LogKeys keys;

    @Inject
    Sealer sealer;

    @Inject
    RetentionConfig config;

    @Inject
    RetentionMetrics metrics;

    private final Map<RetentionCategory, String> periods = new EnumMap<>(RetentionCategory.class);

    void start(@Observes StartupEvent start) {
        RetentionConfig.Periods p = config.periods();
        periods.put(RetentionCategory.ACCESS, p.access());
        periods.put(RetentionCategory.CHANGE, p.change());
        periods.put(RetentionCategory.CONSENT, p.consent());
        periods.put(RetentionCategory.SECURITY, p.security());
        periods.put(RetentionCategory.LOG, p.log());
        periods.forEach((category, period) -> {
            try {
                RetentionStatement.checkPeriod(period);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        "sinergi.audit.retention.periods." + category.key() + ": " + e.getMessage(), e);
            }
        });
        if (config.batchSize() < 1 || config.batchSize() > RetentionStatement.MAX_LEAVES) {
            throw new IllegalStateException(
                    "sinergi.audit.retention.batch-size is 1 to " + RetentionStatement.MAX_LEAVES);
        }
        StringBuilder line = new StringBuilder("event=audit-retention-policy");
        periods.forEach((category, period) ->
                line.append(' ').append(category.key()).append('=').append(period));
        Log.info(line);
    }

    /** The period of each category, as configured. */
    public Map<RetentionCategory, String> periods() {
        return Map.copyOf(periods);
    }

    @Scheduled(
            identity = "audit-retention-purge",
            every = "${sinergi.audit.retention.purge-interval:1h}",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid().onFailure().recoverWithItem(e -> {
            Log.errorf(e, "event=audit-retention-failed effect=\"the next run resumes\"");
            return null;
        });
    }

    /** One run of the purge, to the end of what is due; another replica's run makes this one a no-op. */
    public Uni<PurgeReport> run() {
        return pool.withConnection(conn -> conn.query("SELECT pg_try_advisory_lock(" + LOCK + "), now()")
                        .execute()
                        .flatMap(rows -> {
                            Row row = rows.iterator().next();
                            if (!Boolean.TRUE.equals(row.getBoolean(0))) {
                                Log.info("event=audit-retention-skipped reason=another-replica-purges");
                                return Uni.createFrom().item(PurgeReport.skipped());
                            }
                            Run run =
                                    new Run(row.getOffsetDateTime(1).toInstant().truncatedTo(ChronoUnit.MICROS));
                            return holds(conn, run)
                                    .chain(() -> finishPending(conn, run))
                                    .chain(done -> done
                                            ? scan(conn, run, START, 0)
                                            : Uni.createFrom().voidItem())
                                    .map(x -> run.report())
                                    .eventually(() -> conn.query("SELECT pg_advisory_unlock(" + LOCK + ")")
                                            .execute());
                        }))
                .invoke(report -> {
                    if (report.ran()) {
                        metrics.record(report);
                        Log.infof(
                                "event=audit-retention-run statements=%d expired=%d kept=%d held=%d waiting=%s",
                                report.statements(),
                                report.expired(),
                                report.kept(),
                                report.heldTotal(),
                                report.waiting());
                    }
                });
    }

    /** The cases and workers held at the start of the run; audit_expire() checks holds again when it removes. */
    private Uni<Void> holds(SqlConnection conn, Run run) {
        return conn.query("SELECT case_id FROM retention_held_case")
                .execute()
                .invoke(rows -> rows.forEach(r -> run.heldCases.add(r.getString(0))))
                .chain(() -> conn.query("SELECT worker_id FROM retention_held_worker")
                        .execute())
                .invoke(rows -> rows.forEach(r -> run.heldWorkers.add(r.getUUID(0))))
                .replaceWithVoid();
    }

    /**
     * Carries out every recorded statement not carried out yet, once it is sealed; gives whether all were (a
     * statement the sealer has not taken yet waits for the next run).
     */
    private Uni<Boolean> finishPending(SqlConnection conn, Run run) {
        return pending(conn)
                .flatMap(pending -> pending.stream().anyMatch(p -> p[1] == null)
                        ? sealer.sealAll().chain(() -> pending(conn))
                        : Uni.createFrom().item(pending))
                .flatMap(pending -> {
                    Uni<Boolean> chain = Uni.createFrom().item(true);
                    for (Long[] statement : pending) {
                        if (statement[1] == null) {
                            run.waiting = true;
                            return chain.replaceWith(false);
                        }
                        chain = chain.chain(ok -> expire(conn, run, statement[0], statement[1]));
                    }
                    return chain;
                });
    }

    private Uni<List<Long[]>> pending(SqlConnection conn) {
        return conn.query(PENDING).execute().map(rows -> {
            List<Long[]> out = new ArrayList<>();
            rows.forEach(r -> out.add(new Long[] {r.getLong(0), r.getLong(1)}));
            return out;
        });
    }

    private Uni<Boolean> expire(SqlConnection conn, Run run, long ingestId, long statementLeaf) {
        return conn.preparedQuery("SELECT expired, kept FROM audit_expire($1)")
                .execute(Tuple.of(ingestId))
                .flatMap(rows -> {
                    Row row = rows.iterator().next();
                    int expired = row.getInteger(0);
                    Long[] kept = row.getArrayOfLongs(1);
                    run.expired += expired;
                    run.kept += kept.length;
                    Log.infof(
                            "event=audit-retention-expired statementLeaf=%d expired=%d kept=%d",
                            statementLeaf, expired, kept.length);
                    if (kept.length == 0) {
                        return Uni.createFrom().item(true);
                    }
                    // Take back the statement's claim on the leaves a hold kept, so that removing them later shows.
                    return record(conn, run, List.of(), List.of(kept)).chain(() -> finishPending(conn, run));
                });
    }

    /** Reads the candidates page by page, writes a statement per full batch and carries it out. */
    private Uni<Void> scan(SqlConnection conn, Run run, OffsetDateTime afterTime, long afterIngest) {
        return conn.preparedQuery(CANDIDATES)
                .execute(Tuple.of(run.threshold().atOffset(ZoneOffset.UTC), afterTime, afterIngest))
                .flatMap(rows -> {
                    Row last = classify(run, rows);
                    boolean end = rows.size() < PAGE;
                    Uni<Boolean> flushed = flush(conn, run, end);
                    if (end) {
                        return flushed.replaceWithVoid();
                    }
                    OffsetDateTime t = last.getOffsetDateTime(5);
                    long i = last.getLong(1);
                    return flushed.chain(
                            ok -> ok ? scan(conn, run, t, i) : Uni.createFrom().voidItem());
                });
    }

    private Row classify(Run run, RowSet<Row> rows) {
        Row last = null;
        for (Row row : rows) {
            last = row;
            RetentionCategory category =
                    RetentionCategory.of(row.getString(2), row.getString(3), AuditOutcome.valueOf(row.getString(4)));
            Instant recorded = row.getOffsetDateTime(5).toInstant();
            if (RetentionStatement.plus(recorded, periods.get(category)).isAfter(run.now)) {
                continue;
            }
            boolean held = "case".equals(row.getString(6)) && run.heldCases.contains(row.getString(7))
                    || run.heldWorkers.contains(row.getUUID(8));
            if (held) {
                run.held.merge(category, 1L, Long::sum);
            } else {
                run.due.add(new Expired(row.getLong(0), category.name(), recorded));
            }
        }
        return last;
    }

    /** Writes and carries out statements for the due leaves collected: full batches, and at the end the rest. */
    private Uni<Boolean> flush(SqlConnection conn, Run run, boolean end) {
        int batch = config.batchSize();
        if (run.due.size() < batch && !(end && !run.due.isEmpty())) {
            return Uni.createFrom().item(true);
        }
        List<Expired> leaves = List.copyOf(run.due.subList(0, Math.min(batch, run.due.size())));
        run.due.subList(0, leaves.size()).clear();
        return record(conn, run, leaves, List.of())
                .chain(() -> finishPending(conn, run))
                .chain(ok -> ok ? flush(conn, run, end) : Uni.createFrom().item(false));
    }

    /** Records a signed statement as one of the log's own events (canonical form 4). */
    private Uni<Void> record(SqlConnection conn, Run run, List<Expired> leaves, List<Long> kept) {
        RetentionStatement statement = new RetentionStatement(keys.signer().name(), run.now, policy(), leaves, kept);
        String text = statement.text();
        String note = new SignedNote(text, List.of(keys.signer().sign(text, 0))).format();
        UUID id = UUID.randomUUID();
        AuditEvent event = AuditEvent.of(AuditLog.SERVICE_NAME, RetentionCategory.STATEMENT_ACTION, AuditLog.SELF)
                .outcome(AuditOutcome.SUCCESS)
                .resource("retention-statement", id)
                .reason("leaves=" + leaves.size() + " kept=" + kept.size() + " purgedAt="
                        + RetentionStatement.timestamp(run.now))
                .build();
        AuditRecord row = AuditRecord.accepted(event, Instant.now().truncatedTo(ChronoUnit.MICROS), null);
        row.entryFormat = EntryCodec.FORMAT_RETENTION;
        row.purge = note;
        run.statements++;
        return LogStore.insertEntries(conn, List.of(row)).replaceWithVoid();
    }

    private Map<String, String> policy() {
        Map<String, String> policy = new LinkedHashMap<>();
        periods.forEach((category, period) -> policy.put(category.name(), period));
        return policy;
    }

    /** The state of one run. */
    private final class Run {
        final Instant now;
        final Set<String> heldCases = new HashSet<>();
        final Set<UUID> heldWorkers = new HashSet<>();
        final List<Expired> due = new ArrayList<>();
        final Map<RetentionCategory, Long> held = new EnumMap<>(RetentionCategory.class);
        int statements;
        long expired;
        long kept;
        boolean waiting;

        Run(Instant now) {
            this.now = now;
        }

        /** Entries recorded after this are inside every period (a day of slack for calendar arithmetic). */
        Instant threshold() {
            Instant latest = Instant.MIN;
            for (String period : periods.values()) {
                Instant start = minus(now, period);
                latest = start.isAfter(latest) ? start : latest;
            }
            Instant slack = latest.plus(1, ChronoUnit.DAYS);
            return slack.isAfter(now) ? now : slack;
        }

        PurgeReport report() {
            return new PurgeReport(true, statements, expired, kept, Map.copyOf(held), waiting);
        }
    }

    /** Roughly the instant a period before {@code t} (the calendar part in UTC); exactness is {@link #classify}'s. */
    static Instant minus(Instant t, String period) {
        long span = RetentionStatement.plus(t, period).getEpochSecond() - t.getEpochSecond();
        return t.minusSeconds(span);
    }
}
