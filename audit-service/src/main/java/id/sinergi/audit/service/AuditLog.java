package id.sinergi.audit.service;

import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.ChainHead;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The audit log: appends events to the hash chain, queries and counts them, and verifies the chain. Reads by
 * auditors are appended to the same chain, so the log also shows who looked at it.
 */
@ApplicationScoped
public class AuditLog {

    /** The name audit-service's own events carry. */
    public static final String SERVICE_NAME = "audit-service";

    /** Rows per page of a verification walk. */
    static final int VERIFY_PAGE = 500;

    /** The longest reason an event may have (see {@link AuditEvent}). */
    static final int MAX_REASON = 500;

    /**
     * Adds events a service delivers to the chain, all or none; events already stored are counted as duplicates
     * and skipped. Every event must name the delivering OAuth client as its service (else 403 {@code
     * service-mismatch}) and may not claim to have happened more than five minutes from now (else 400). The actor
     * fields are asserted by the delivering service, which verified the user's token; issue 5 (signed
     * checkpoints) deepens this.
     */
    @WithTransaction
    public Uni<AppendResult> ingest(List<AuditEvent> events, boolean batch, Caller caller) {
        EventRules.check(events, batch, caller.clientId(), Instant.now());
        return append(events)
                .invoke(r ->
                        Log.debugf("event=audit-ingested accepted=%d duplicates=%d", r.accepted(), r.duplicates()));
    }

    /** A page of the events the filter covers, after the cursor, oldest first. */
    @WithTransaction
    public Uni<RecordPage> query(AuditFilter filter, long after, int limit, Caller caller) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        where.add("seq > :after");
        params.put("after", after);
        filter.appendConditions(where, params);
        return AuditRecord.<AuditRecord>find(where + " order by seq", params)
                .range(0, limit)
                .list()
                .map(rows -> rows.size() > limit
                        ? new RecordPage(List.copyOf(rows.subList(0, limit)), rows.get(limit - 1).seq)
                        : new RecordPage(rows, null))
                .call(page -> appendOwn(
                        caller,
                        "audit.query",
                        filter,
                        filter.describe() + " after=" + after + " limit=" + limit + " results="
                                + page.records().size()));
    }

    /** Counts of the events the filter covers, per action and per outcome. */
    @WithTransaction
    public Uni<Summary> summarize(AuditFilter filter, Caller caller) {
        StringJoiner where = new StringJoiner(" and ", " where ", "");
        where.setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        filter.appendConditions(where, params);
        return Panache.getSession()
                .flatMap(session -> counts(session, "action", where.toString(), params)
                        .flatMap(byAction -> counts(session, "outcome", where.toString(), params)
                                .map(byOutcome -> summary(byAction, byOutcome))))
                .call(summary ->
                        appendOwn(caller, "audit.summary", filter, filter.describe() + " total=" + summary.total()));
    }

    /**
     * Walks every row up to the current head in seq order, page by page, recomputing each hash and checking each
     * link, then compares the end of the chain with the head.
     */
    @WithSession
    public Uni<Verification> verify(Caller caller) {
        return ChainHead.read()
                .map(ChainWalk::new)
                .flatMap(walk -> Multi.createBy()
                        .repeating()
                        .uni(() -> page(walk))
                        .until(List::isEmpty)
                        .onItem()
                        .invoke(rows -> rows.forEach(walk::check))
                        .collect()
                        .last()
                        .replaceWith(walk))
                .flatMap(walk -> maxSeq().flatMap(max -> ChainHead.read().map(current -> walk.finish(max, current))))
                .call(v -> recordVerification(v, caller))
                .invoke(v -> {
                    if (v.status() == Verification.Status.BROKEN) {
                        Log.warnf(
                                "event=audit-chain-broken headSeq=%d problems=%d first=%s",
                                v.headSeq(), v.problems().size(), v.problems().get(0));
                    } else {
                        Log.infof("event=audit-chain-intact headSeq=%d checked=%d", v.headSeq(), v.checkedEvents());
                    }
                });
    }

    /**
     * Appends the auditor's audit.verify event. A chain whose head was tampered with may refuse it (its next seq
     * is taken); the report matters more then, so that failure is logged and the report still returned.
     */
    private Uni<Void> recordVerification(Verification v, Caller caller) {
        AuditEvent event = AuditEvent.of(SERVICE_NAME, "audit.verify", caller.actor())
                .resource("audit-chain", v.headSeq())
                .reason("status=" + v.status() + " checked=" + v.checkedEvents() + " problems="
                        + v.problems().size())
                .build();
        return Panache.withTransaction(() -> append(List.of(event)))
                .replaceWithVoid()
                .onFailure()
                .recoverWithItem(e -> {
                    Log.errorf(
                            e,
                            "event=audit-verify-unrecorded eventId=%s headSeq=%d status=%s",
                            event.id(),
                            v.headSeq(),
                            v.status());
                    return null;
                });
    }

    /**
     * The one way into the chain, for delivered events and for audit-service's own: locks the head, skips
     * events already stored, links each new event to the one before it and moves the head. Runs inside the
     * caller's transaction.
     */
    Uni<AppendResult> append(List<AuditEvent> events) {
        List<UUID> ids = events.stream().map(AuditEvent::id).distinct().toList();
        return ChainHead.lock().flatMap(head -> storedIds(ids).flatMap(stored -> {
            Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            Set<UUID> seen = new HashSet<>(stored);
            List<AuditRecord> records = new ArrayList<>();
            long seq = head.lastSeq();
            String prevHash = head.lastHash();
            for (AuditEvent event : events) {
                if (seen.add(event.id())) {
                    AuditRecord record = AuditRecord.chained(event, ++seq, recordedAt, prevHash);
                    prevHash = record.hash;
                    records.add(record);
                }
            }
            AppendResult result = new AppendResult(records.size(), events.size() - records.size());
            if (records.isEmpty()) {
                return Uni.createFrom().item(result);
            }
            ChainHead newHead = new ChainHead(seq, prevHash);
            return Panache.getSession()
                    .flatMap(session -> session.persistAll(records.toArray()).call(session::flush))
                    .call(newHead::store)
                    .replaceWith(result);
        }));
    }

    private Uni<AppendResult> appendOwn(Caller caller, String action, AuditFilter filter, String reason) {
        return append(List.of(AuditEvent.of(SERVICE_NAME, action, caller.actor())
                .outcome(AuditOutcome.SUCCESS)
                .worker(filter.workerId())
                .reason(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                .build()));
    }

    private static Uni<List<UUID>> storedIds(List<UUID> ids) {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select eventId from AuditRecord where eventId in :ids", UUID.class)
                .setParameter("ids", ids)
                .getResultList());
    }

    private static Uni<List<AuditRecord>> page(ChainWalk walk) {
        return AuditRecord.<AuditRecord>find(
                        "seq > ?1 and seq <= ?2 order by seq",
                        walk.lastSeq(),
                        walk.head().lastSeq())
                .range(0, VERIFY_PAGE - 1)
                .list()
                // The walk keeps what it needs; the session need not keep every row it has seen.
                .call(rows -> Panache.getSession().invoke(Mutiny.Session::clear));
    }

    private static Uni<Long> maxSeq() {
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select coalesce(max(seq), 0) from AuditRecord", Long.class)
                .getSingleResult());
    }

    private static Uni<Map<String, Long>> counts(
            Mutiny.Session session, String column, String where, Map<String, Object> params) {
        Mutiny.SelectionQuery<Object[]> query = session.createSelectionQuery(
                "select " + column + ", count(*) from AuditRecord" + where + " group by " + column, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList().map(rows -> {
            Map<String, Long> counts = new TreeMap<>();
            for (Object[] row : rows) {
                counts.put(row[0].toString(), ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    private static Summary summary(Map<String, Long> byAction, Map<String, Long> byOutcome) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (AuditOutcome outcome : AuditOutcome.values()) {
            outcomes.put(outcome.name(), byOutcome.getOrDefault(outcome.name(), 0L));
        }
        long total = byAction.values().stream().mapToLong(Long::longValue).sum();
        return new Summary(total, byAction, outcomes);
    }
}
