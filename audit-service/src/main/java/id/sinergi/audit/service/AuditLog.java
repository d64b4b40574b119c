package id.sinergi.audit.service;

import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.log.LogStore;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The audit log's intake and queries. Intake stores events in one statement and answers once they are committed
 * ("accepted"); the sealer adds them to the Merkle tree shortly after ({@link id.sinergi.audit.log.Sealer}). Reads
 * by auditors are logged as events of their own, so the log also shows who looked at it.
 */
@ApplicationScoped
public class AuditLog {

    /** The name audit-service's own events carry. */
    public static final String SERVICE_NAME = "audit-service";

    /** The longest reason an event may have (see {@link AuditEvent}). */
    static final int MAX_REASON = 500;

    @Inject
    Pool pool;

    /**
     * Stores events a service delivers, all or none; events already stored (or repeated within the batch) are
     * counted as duplicates and skipped. Every event must name the delivering OAuth client as its service (else
     * 403 {@code service-mismatch}) and may not claim to have happened more than five minutes from now (else 400).
     * The actor fields are asserted by the delivering service, which verified the user's token.
     */
    public Uni<AppendResult> ingest(List<AuditEvent> events, boolean batch, Caller caller) {
        EventRules.check(events, batch, caller.clientId(), Instant.now());
        return store(events)
                .invoke(r ->
                        Log.debugf("event=audit-ingested accepted=%d duplicates=%d", r.accepted(), r.duplicates()));
    }

    /** Stores one of audit-service's own events (an auditor's query, a cosignature, a verification). */
    public Uni<Void> recordOwn(AuditEvent event) {
        return store(List.of(event)).replaceWithVoid();
    }

    private Uni<AppendResult> store(List<AuditEvent> events) {
        Instant recordedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<java.util.UUID> seen = new HashSet<>();
        List<AuditRecord> rows = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            if (seen.add(event.id())) {
                rows.add(AuditRecord.accepted(event, recordedAt));
            }
        }
        return LogStore.insertEntries(pool, rows).map(accepted -> new AppendResult(accepted, events.size() - accepted));
    }

    /** A page of the events the filter covers, after the cursor, oldest first. */
    @WithSession
    public Uni<RecordPage> query(AuditFilter filter, long after, int limit, Caller caller) {
        StringJoiner where = new StringJoiner(" and ");
        Map<String, Object> params = new HashMap<>();
        where.add("ingestId > :after");
        params.put("after", after);
        filter.appendConditions(where, params);
        return AuditRecord.<AuditRecord>find(where + " order by ingestId", params)
                .range(0, limit)
                .list()
                .map(rows -> rows.size() > limit
                        ? new RecordPage(List.copyOf(rows.subList(0, limit)), rows.get(limit - 1).ingestId)
                        : new RecordPage(rows, null))
                .call(page -> recordOwn(own(
                        caller,
                        "audit.query",
                        filter,
                        filter.describe() + " after=" + after + " limit=" + limit + " results="
                                + page.records().size())));
    }

    /** Counts of the events the filter covers, per action and per outcome. */
    @WithSession
    public Uni<Summary> summarize(AuditFilter filter, Caller caller) {
        StringJoiner where = new StringJoiner(" and ", " where ", "");
        where.setEmptyValue("");
        Map<String, Object> params = new HashMap<>();
        filter.appendConditions(where, params);
        return Panache.getSession()
                .flatMap(session -> counts(session, "action", where.toString(), params)
                        .flatMap(byAction -> counts(session, "outcome", where.toString(), params)
                                .map(byOutcome -> summary(byAction, byOutcome))))
                .call(summary -> recordOwn(
                        own(caller, "audit.summary", filter, filter.describe() + " total=" + summary.total())));
    }

    private static AuditEvent own(Caller caller, String action, AuditFilter filter, String reason) {
        return AuditEvent.of(SERVICE_NAME, action, caller.actor())
                .outcome(AuditOutcome.SUCCESS)
                .worker(filter.workerId())
                .reason(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason)
                .build();
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
