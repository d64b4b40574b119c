package id.sinergi.audit.log;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.domain.EntryCodec;
import id.sinergi.audit.log.LogStore.SizeAndRoot;
import id.sinergi.audit.log.LogViews.Kind;
import id.sinergi.audit.log.LogViews.Problem;
import id.sinergi.audit.log.LogViews.Status;
import id.sinergi.audit.log.LogViews.Verification;
import id.sinergi.audit.proof.Frontier;
import id.sinergi.audit.proof.RetentionCoverage;
import id.sinergi.audit.proof.SignedNote;
import id.sinergi.audit.service.AuditLog;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.security.Caller;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Verifies the whole log from its tables: every stored event is re-hashed against its leaf, every leaf index is
 * there, the tree rebuilt from the stored leaves has every checkpoint's root at that checkpoint's size, the latest
 * checkpoint carries the log's signature, and no event row hides behind the sealer's cursor outside the tree.
 */
@ApplicationScoped
public class LogVerifier {

    /** The most problems a report lists. */
    static final int MAX_PROBLEMS = 100;

    private static final String OUTSIDE_TREE = "SELECT e.ingest_id, e.event_id FROM audit_entry e"
            + " WHERE (e.tx_id, e.ingest_id) <= ($1::text::xid8, $2)"
            + " AND NOT EXISTS (SELECT 1 FROM merkle_leaf l WHERE l.ingest_id = e.ingest_id)"
            + " ORDER BY e.ingest_id LIMIT " + MAX_PROBLEMS;

    private static final String UNSEALED =
            "SELECT count(*) FROM audit_entry e" + " WHERE (e.tx_id, e.ingest_id) > ($1::text::xid8, $2)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TypeReference<List<Problem>> PROBLEMS = new TypeReference<>() {};

    private static final String INSERT_RUN = "INSERT INTO verification_run (finished_at, requested_by,"
            + " requested_username, status, tree_size, checked_leaves, checked_checkpoints, unsealed_events,"
            + " expired_leaves, problems) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb)";

    private static final String LATEST = "SELECT seq, finished_at, requested_username, status, tree_size,"
            + " checked_leaves, checked_checkpoints, unsealed_events, expired_leaves, problems::text"
            + " FROM verification_run ORDER BY seq DESC LIMIT 1";

    @Inject
    Pool pool;

    @Inject
    LogConfig config;

    @Inject
    VerificationMetrics metrics;

    @Inject
    LogKeys keys;

    @Inject
    MerkleLog log;

    @Inject
    AuditLog audit;

    /**
     * A verification run and who asked for it.
     *
     * @param result what it found
     * @param at when it finished
     * @param by the user name of the auditor who ran it, or {@code null} for the schedule
     */
    public record LastRun(Verification result, Instant at, String by) {}

    /** The newest verification of the log, by any replica, if any ran. */
    public Uni<Optional<LastRun>> lastRun() {
        return pool.query(LATEST).execute().map(rows -> {
            Iterator<Row> it = rows.iterator();
            return it.hasNext() ? Optional.of(lastRun(it.next())) : Optional.empty();
        });
    }

    /**
     * The scheduled verification ({@code sinergi.audit.log.verify-interval}): skipped when any replica verified
     * within half the interval, so that replicas do not all walk the log.
     */
    @Scheduled(
            identity = "audit-log-verifier",
            every = "${sinergi.audit.log.verify-interval:1h}",
            delayed = "${sinergi.audit.log.verify-delay:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return verifyOnSchedule().replaceWithVoid().onFailure().recoverWithItem(e -> {
            Log.errorf(e, "event=audit-log-verify-failed by=schedule effect=\"verified at the next run\"");
            return null;
        });
    }

    /** The scheduled run: verifies unless it is not due; gives whether it verified. */
    public Uni<Boolean> verifyOnSchedule() {
        Duration interval = interval(config.verifyInterval());
        return lastRun()
                .invoke(last -> last.ifPresent(metrics::seen))
                .flatMap(last -> due(last, interval, Instant.now())
                        ? verify(null, AuditLog.SELF).replaceWith(true)
                        : Uni.createFrom().item(false));
    }

    /** Whether a scheduled verification is due: none ran yet, or the newest is older than half the interval. */
    static boolean due(Optional<LastRun> last, Duration interval, Instant now) {
        return last.isEmpty() || !last.get().at().isAfter(now.minus(interval.dividedBy(2)));
    }

    /** The schedule's interval ({@code 90s}, {@code 30m}, {@code 1h}); zero when it is {@code off}. */
    static Duration interval(String every) {
        String value = every.trim().toUpperCase(Locale.ROOT);
        return value.equals("OFF") || value.equals("DISABLED") ? Duration.ZERO : Duration.parse("PT" + value);
    }

    /** Walks the log up to the latest checkpoint, as an auditor asked. */
    public Uni<Verification> verify(Caller caller) {
        return verify(caller.username(), caller.actor());
    }

    private Uni<Verification> verify(String username, AuditActor actor) {
        return log.latest()
                .flatMap(latest -> LogStore.checkpointRoots(pool).flatMap(roots -> walk(latest, roots)))
                .call(v -> audit.recordOwn(AuditEvent.of(AuditLog.SERVICE_NAME, "audit.verify", actor)
                        .outcome(AuditOutcome.SUCCESS)
                        .resource("checkpoint", v.treeSize())
                        .reason("status=" + v.status() + " checked=" + v.checkedLeaves() + " problems="
                                + v.problems().size())
                        .build()))
                .call(v -> store(v, username, actor))
                .invoke(v -> {
                    metrics.seen(new LastRun(v, Instant.now(), username));
                    if (v.status() == Status.BROKEN) {
                        Log.warnf(
                                "event=audit-log-broken treeSize=%d problems=%d first=%s",
                                v.treeSize(), v.problems().size(), v.problems().get(0));
                    } else {
                        Log.infof("event=audit-log-intact treeSize=%d checked=%d", v.treeSize(), v.checkedLeaves());
                    }
                });
    }

    private Uni<Void> store(Verification v, String username, AuditActor actor) {
        String problems;
        try {
            problems = JSON.writeValueAsString(v.problems());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        boolean scheduled = actor == AuditLog.SELF;
        return pool.preparedQuery(INSERT_RUN)
                .execute(Tuple.tuple()
                        .addValue(OffsetDateTime.now(ZoneOffset.UTC))
                        .addValue(scheduled ? null : actor.subject())
                        .addValue(scheduled ? null : username)
                        .addValue(v.status().name())
                        .addValue(v.treeSize())
                        .addValue(v.checkedLeaves())
                        .addValue(v.checkedCheckpoints())
                        .addValue(v.unsealedEvents())
                        .addValue(v.expiredLeaves())
                        .addValue(problems))
                .replaceWithVoid();
    }

    private static LastRun lastRun(Row row) {
        List<Problem> problems;
        try {
            problems = JSON.readValue(row.getString(9), PROBLEMS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("verification_run " + row.getLong(0) + " holds unreadable problems", e);
        }
        Verification v = new Verification(
                Status.valueOf(row.getString(3)),
                row.getLong(4),
                row.getLong(5),
                row.getLong(6),
                row.getLong(7),
                row.getLong(8),
                problems);
        return new LastRun(v, row.getOffsetDateTime(1).toInstant(), row.getString(2));
    }

    private Uni<Verification> walk(StoredCheckpoint latest, List<SizeAndRoot> roots) {
        Walk walk = new Walk(latest.size(), roots, new RetentionCoverage(keys.signer()));
        if (!keys.signer().signed(SignedNote.parse(latest.note()))) {
            walk.problem(
                    new Problem(Kind.CHECKPOINT_SIGNATURE, null, null, latest.size(), "not signed by the log key"));
        }
        walk.checkRoot();
        return Multi.createFrom()
                .items(LongStream.iterate(0, s -> s < latest.size(), s -> s + MerkleLog.PAGE)
                        .boxed())
                .onItem()
                .transformToUniAndConcatenate(start -> pool.preparedQuery(MerkleLog.LEAVES)
                        .execute(Tuple.of(start, Math.min(latest.size(), start + MerkleLog.PAGE)))
                        // Re-hashing a page is CPU work: on a worker thread, not the event loop serving requests.
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .invoke(rows -> rows.forEach(walk::leaf)))
                .collect()
                .last()
                .flatMap(x -> pool.preparedQuery(OUTSIDE_TREE)
                        .execute(Tuple.of(latest.lastTx(), latest.lastIngestId()))
                        .invoke(rows -> rows.forEach(row -> walk.problem(new Problem(
                                Kind.EVENT_OUTSIDE_TREE,
                                null,
                                row.getUUID(1),
                                null,
                                "ingest id " + row.getLong(0) + " is behind the sealer's cursor in no leaf")))))
                .flatMap(x -> pool.preparedQuery(UNSEALED)
                        .execute(Tuple.of(latest.lastTx(), latest.lastIngestId()))
                        .map(rows -> walk.finish(rows.iterator().next().getLong(0))));
    }

    /** The state of one walk; leaves arrive in index order. */
    private static final class Walk {
        private final long treeSize;
        private final Iterator<SizeAndRoot> checkpoints;
        private SizeAndRoot nextCheckpoint;
        private final Frontier tree = Frontier.empty();
        private final List<Problem> problems = new ArrayList<>();
        private long checkedLeaves;
        private long checkedCheckpoints;
        private boolean treeBroken;
        private final RetentionCoverage coverage;
        /** The leaves without an event row; each is expired or deleted, which the statements after it decide. */
        private final BitSet withoutRow = new BitSet();

        Walk(long treeSize, List<SizeAndRoot> roots, RetentionCoverage coverage) {
            this.treeSize = treeSize;
            this.coverage = coverage;
            this.checkpoints = roots.iterator();
            this.nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
        }

        void leaf(Row row) {
            long index = row.getLong(0);
            byte[] stored = LogStore.bytes(row, 1);
            while (tree.size() < index) {
                // Leaves are gone: the tree cannot be rebuilt past this point.
                problem(new Problem(Kind.LEAF_MISSING, tree.size(), null, null, "no leaf with this index"));
                treeBroken = true;
                tree.append(new byte[32], (n, h) -> {});
            }
            if (row.getValue(2) == null) {
                withoutRow.set(Math.toIntExact(index));
            } else {
                AuditRecord record = LogStore.record(row, 2);
                checkedLeaves++;
                if (!MessageDigest.isEqual(EntryCodec.leafHash(record), stored)) {
                    problem(new Problem(
                            Kind.EVENT_EDITED, index, record.eventId, null, "the row does not hash to its leaf"));
                } else if (record.entryFormat == EntryCodec.FORMAT_RETENTION && record.purge != null) {
                    for (String wrong : coverage.statement(index, record.purge)) {
                        problem(new Problem(Kind.RETENTION_STATEMENT_INVALID, index, record.eventId, null, wrong));
                    }
                }
            }
            tree.append(stored, (n, h) -> {});
            checkRoot();
        }

        void checkRoot() {
            while (nextCheckpoint != null && nextCheckpoint.size() <= tree.size()) {
                if (nextCheckpoint.size() == tree.size()) {
                    checkedCheckpoints++;
                    if (!treeBroken && !MessageDigest.isEqual(tree.root(), nextCheckpoint.root())) {
                        problem(new Problem(
                                Kind.CHECKPOINT_MISMATCH,
                                null,
                                null,
                                nextCheckpoint.size(),
                                "the stored leaves do not have this checkpoint's root"));
                    }
                }
                nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
            }
        }

        void problem(Problem problem) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }

        Verification finish(long unsealed) {
            long expired = 0;
            for (int i = withoutRow.nextSetBit(0); i >= 0; i = withoutRow.nextSetBit(i + 1)) {
                if (coverage.covers(i)) {
                    expired++;
                } else {
                    problem(new Problem(
                            Kind.EVENT_DELETED,
                            (long) i,
                            null,
                            null,
                            "the leaf's event row is gone, and no retention statement in the tree expired it"));
                }
            }
            while (tree.size() < treeSize) {
                problem(new Problem(Kind.LEAF_MISSING, tree.size(), null, null, "no leaf with this index"));
                treeBroken = true;
                tree.append(new byte[32], (n, h) -> {});
            }
            return new Verification(
                    problems.isEmpty() ? Status.INTACT : Status.BROKEN,
                    treeSize,
                    checkedLeaves,
                    checkedCheckpoints,
                    unsealed,
                    expired,
                    List.copyOf(problems));
        }
    }
}
