package id.sinergi.audit.service;

import id.sinergi.audit.details.WorkerDetails;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.EntryCodec;
import id.sinergi.audit.log.LogStore;
import id.sinergi.audit.retention.RetentionCategory;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.security.Caller;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a worker may ask of the log: the record of who processed their data and why (UU 27/2022 Pasal 32), and the
 * erasure of the personal details events carried about them.
 */
@ApplicationScoped
public class WorkerRights {

    /** The worker's own app: the Peduli WNI portal, which shows a signed-in worker their access log. */
    public static final String PORTAL_CLIENT = "peduli-wni-portal";

    /** The action of a read of an access log. */
    static final String READ_ACTION = "worker.access-log.read";

    @Inject
    Pool pool;

    @Inject
    AuditLog log;

    @Inject
    WorkerDetails details;

    /**
     * A page of the worker's access log, newest first: every event about the worker except the worker's own
     * looks at this log through the portal. The worker's view ({@code forWorker}) names agency, mission and role
     * but not the person; the security team's adds the acting account. The read is audited.
     */
    public Uni<AccessLogPage> accessLog(
            UUID workerId, Instant from, Instant to, long before, int limit, boolean forWorker, Caller caller) {
        SqlWhere where = new SqlWhere();
        where.and("e.worker_id = " + where.bind(workerId)).viaBitmaps();
        where.keyset("<", before, before == Long.MAX_VALUE);
        where.and("(e.action <> " + where.bind(READ_ACTION) + " OR e.service <> " + where.bind(AuditLog.SERVICE_NAME)
                + " OR e.actor_client_id IS DISTINCT FROM " + where.bind(PORTAL_CLIENT) + ")");
        if (from != null) {
            where.and("e.occurred_at >= " + where.bind(from.atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            where.and("e.occurred_at < " + where.bind(to.atOffset(ZoneOffset.UTC)));
        }
        String sql = "SELECT " + LogStore.ENTRY_COLUMNS + " FROM audit_entry e" + where.clause()
                + " ORDER BY e.ingest_id DESC LIMIT " + where.bind(limit + 1);
        String reason = "view=" + (forWorker ? "worker" : "auditor") + " before=" + before + " limit=" + limit;
        SqlWhere gone = new SqlWhere();
        gone.and("x.worker_id = " + gone.bind(workerId));
        gone.and("x.ingest_id < " + gone.bind(before));
        if (from != null) {
            gone.and("x.occurred_at >= " + gone.bind(from.atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            gone.and("x.occurred_at < " + gone.bind(to.atOffset(ZoneOffset.UTC)));
        }
        String expiredSql = "SELECT x.ingest_id, x.event_id, x.occurred_at, x.category, x.expired_at"
                + " FROM expired_entry x" + gone.clause() + " ORDER BY x.ingest_id DESC LIMIT " + gone.bind(limit + 1);
        return where.execute(pool, sql)
                .flatMap(rows -> pool.preparedQuery(expiredSql)
                        .execute(gone.params())
                        .map(expired -> page(workerId, rows, expired, limit, forWorker)))
                .call(page -> log.recordOwn(AuditLog.own(
                        caller,
                        READ_ACTION,
                        workerId,
                        reason + " entries=" + page.entries().size())));
    }

    /** The newest entries of both: the events still stored, and those whose record expired (by ingest id). */
    private static AccessLogPage page(
            UUID workerId, Iterable<Row> rows, Iterable<Row> expired, int limit, boolean forWorker) {
        List<Map.Entry<Long, AccessEntry>> all = new ArrayList<>();
        rows.forEach(row -> {
            AuditRecord r = LogStore.record(row, 0);
            all.add(Map.entry(r.ingestId, entry(r, forWorker)));
        });
        expired.forEach(row -> all.add(Map.entry(
                row.getLong(0),
                AccessEntry.expired(
                        row.getUUID(1),
                        row.getOffsetDateTime(2).toInstant(),
                        retentionCategory(row.getString(3)),
                        row.getOffsetDateTime(4).toInstant()))));
        all.sort(Map.Entry.<Long, AccessEntry>comparingByKey().reversed());
        boolean more = all.size() > limit;
        List<Map.Entry<Long, AccessEntry>> shown = more ? all.subList(0, limit) : all;
        List<AccessEntry> entries = shown.stream().map(Map.Entry::getValue).toList();
        return new AccessLogPage(workerId, entries, more ? shown.get(limit - 1).getKey() : null);
    }

    private static PlainTerm retentionCategory(String code) {
        try {
            RetentionCategory category = RetentionCategory.valueOf(code);
            return new PlainTerm(code, category.term(), category.gloss());
        } catch (IllegalArgumentException e) {
            return new PlainTerm(code, code, code);
        }
    }

    private static AccessEntry entry(AuditRecord r, boolean forWorker) {
        return new AccessEntry(
                r.eventId,
                r.occurredAt,
                AccessTerms.agency(r.actorAgency),
                r.actorMission,
                AccessTerms.role(EntryCodec.decodeRoles(r.actorRoles)),
                r.action,
                AccessTerms.category(r.action),
                AccessTerms.purpose(r.purpose),
                AccessTerms.outcome(r.outcome),
                r.service,
                forWorker ? null : new AccessEntry.Actor(r.actorSubject, r.actorUsername, r.actorClientId),
                null);
    }

    /**
     * Erases the personal details of every event about the worker by destroying their data key. The rows, their
     * leaves and every checkpoint stay as they are, so the log still verifies. The erasure and its audit event
     * commit together.
     */
    public Uni<ErasureReceipt> eraseDetails(UUID workerId, Caller caller) {
        AuditEvent.Builder event = AuditEvent.of(AuditLog.SERVICE_NAME, "audit.worker-key.destroy", caller.actor())
                .outcome(AuditOutcome.SUCCESS)
                .worker(workerId)
                .resource("worker-key", workerId);
        return pool.withTransaction(conn -> details.destroyKey(conn, workerId)
                        .call(destroyed -> log.recordOwn(
                                conn, event.reason("keyDestroyed=" + destroyed).build())))
                .map(destroyed -> new ErasureReceipt(workerId, destroyed))
                .invoke(receipt -> Log.infof(
                        "event=audit-worker-key-destroyed workerId=%s keyDestroyed=%s",
                        workerId, receipt.keyDestroyed()));
    }
}
