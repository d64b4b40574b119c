package id.sinergi.identity.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.identity.domain.Assurance;
import id.sinergi.identity.intake.BulkRows.Row;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import id.sinergi.identity.service.Registrant;
import id.sinergi.identity.service.Registration;
import id.sinergi.identity.service.RegistrationOutcome;
import id.sinergi.identity.service.RegistrationService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Registers the rows of a source export as they stream in, and streams back one result line per row, in row order,
 * then a summary line. Rows are committed in batches (one transaction per batch, replayed row by row if it fails),
 * so each row is stored whole or not at all, and a resend of the same file finds every row UNCHANGED. A few
 * batches are in flight at once; rows of one person still wait for each other on the matcher's key locks.
 */
@ApplicationScoped
public class BulkIntake {

    /** One result line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RowResult(
            long row,
            String sourceRecordId,
            String status,
            RegistrationOutcome outcome,
            UUID workerId,
            MatchClass match,
            Boolean inReview,
            Assurance assurance,
            Problem problem) {

        static RowResult stored(Row row, Registration r) {
            return new RowResult(
                    row.number(),
                    row.request().sourceRecordId(),
                    "STORED",
                    r.outcome(),
                    r.workerId(),
                    r.match(),
                    r.inReview(),
                    r.assurance(),
                    null);
        }

        static RowResult rejected(Row row, Problem problem) {
            String id = row.request() == null ? null : row.request().sourceRecordId();
            return new RowResult(row.number(), id, "REJECTED", null, null, null, null, null, problem);
        }
    }

    /** The last line: what the file did in all. */
    public record Summary(
            long rows, long stored, long rejected, Map<RegistrationOutcome, Long> outcomes, long inReview) {}

    public record SummaryLine(Summary summary) {}

    @Inject
    RegistrationService registrations;

    @Inject
    ObjectMapper json;

    @Inject
    Vertx vertx;

    @Inject
    AuditTrail audit;

    @Inject
    IntakeConfig config;

    /** A batch being registered, and the source records its rows name. */
    private record InFlight(CompletableFuture<List<RowResult>> results, Set<String> records) {}

    /** Runs on a worker thread: reads the rows, registers them, writes the results as it goes. */
    public void run(Iterator<Row> rows, Registrant registrant, OutputStream out) throws IOException {
        int rowsPerTransaction = config.rowsPerTransaction();
        int concurrency = config.concurrency();
        Deque<InFlight> inFlight = new ArrayDeque<>();
        Tally tally = new Tally();
        List<Row> batch = new ArrayList<>(rowsPerTransaction);
        Set<String> inBatch = new HashSet<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            String key = recordKey(row);
            if (inBatch.contains(key)
                    || inFlight.stream().anyMatch(f -> f.records().contains(key))) {
                // The same source record again: it must find the earlier row stored, so everything before it is
                // committed first (batches in flight may commit in any order).
                if (!batch.isEmpty()) {
                    inFlight.add(new InFlight(startBatch(batch, registrant), inBatch));
                }
                while (!inFlight.isEmpty()) {
                    write(inFlight.poll().results().join(), tally, out);
                }
                batch = new ArrayList<>(rowsPerTransaction);
                inBatch = new HashSet<>();
            }
            batch.add(row);
            inBatch.add(key);
            if (batch.size() == rowsPerTransaction || !rows.hasNext()) {
                inFlight.add(new InFlight(startBatch(batch, registrant), inBatch));
                batch = new ArrayList<>(rowsPerTransaction);
                inBatch = new HashSet<>();
            }
            if (inFlight.size() >= concurrency) {
                write(inFlight.poll().results().join(), tally, out);
            }
        }
        while (!inFlight.isEmpty()) {
            write(inFlight.poll().results().join(), tally, out);
        }
        Summary summary = tally.summary();
        out.write(json.writeValueAsBytes(new SummaryLine(summary)));
        out.write('\n');
        out.flush();
        recordSummary(summary, registrant);
        Log.infof(
                "event=bulk-intake rows=%d stored=%d rejected=%d inReview=%d",
                summary.rows(), summary.stored(), summary.rejected(), summary.inReview());
    }

    /**
     * Registers a batch of rows in one transaction, on a fresh, isolated Vert.x context of its own (its own
     * session). A row whose checks fail is rejected and the batch goes on; any other failure rolls the batch back,
     * and its rows are registered again one by one, each in a transaction of its own, so that one bad row costs
     * no other row its place.
     */
    private CompletableFuture<List<RowResult>> startBatch(List<Row> batch, Registrant registrant) {
        List<Row> valid = batch.stream().filter(r -> r.problem() == null).toList();
        if (valid.isEmpty()) {
            return CompletableFuture.completedFuture(inOrder(batch, List.of()));
        }
        CompletableFuture<List<RowResult>> result = new CompletableFuture<>();
        List<RegistrationRequest> requests = valid.stream().map(Row::request).toList();
        onFreshContext(() -> Panache.withTransaction(
                        () -> registrations.registerWithin(requests, registrant).map(results -> {
                            List<RowResult> stored = new ArrayList<>(valid.size());
                            for (int i = 0; i < valid.size(); i++) {
                                RegistrationService.Result r = results.get(i);
                                stored.add(
                                        r.problem() == null
                                                ? RowResult.stored(valid.get(i), r.registration())
                                                : RowResult.rejected(
                                                        valid.get(i),
                                                        r.problem().problem()));
                            }
                            return stored;
                        })))
                .whenComplete((stored, failure) -> {
                    if (failure == null) {
                        result.complete(inOrder(batch, stored));
                        return;
                    }
                    Log.infof(
                            "event=bulk-batch-replayed rows=%d cause=%s",
                            valid.size(), failure.getClass().getSimpleName());
                    List<CompletableFuture<RowResult>> one =
                            valid.stream().map(row -> startOne(row, registrant)).toList();
                    CompletableFuture.allOf(one.toArray(CompletableFuture[]::new))
                            .thenRun(() -> result.complete(inOrder(
                                    batch,
                                    one.stream().map(CompletableFuture::join).toList())));
                });
        return result;
    }

    /** The batch's results in row order: the rows rejected before registration, and the others' results. */
    private static List<RowResult> inOrder(List<Row> batch, List<RowResult> registered) {
        Map<Long, RowResult> byRow = new java.util.HashMap<>();
        registered.forEach(r -> byRow.put(r.row(), r));
        return batch.stream()
                .map(row -> row.problem() != null ? RowResult.rejected(row, row.problem()) : byRow.get(row.number()))
                .toList();
    }

    /** Registers one row in a transaction of its own, with the registration's own retry. */
    private CompletableFuture<RowResult> startOne(Row row, Registrant registrant) {
        return onFreshContext(
                        () -> registrations.register(row.request(), registrant).map(r -> RowResult.stored(row, r)))
                .handle((stored, failure) -> failure == null ? stored : failed(row, unwrap(failure)));
    }

    /** Which source record the row names; rows rejected before parsing a request name none. */
    private static String recordKey(Row row) {
        return row.request() == null
                ? "row-" + row.number()
                : row.request().source() + "|" + row.request().sourceRecordId();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
    }

    /**
     * Subscribes on a new duplicated context, marked safe for Hibernate Reactive: a session of its own, on the next
     * event-loop thread in turn, so that the batches in flight share the service's cores instead of all running on
     * the event loop of the request that brought the file.
     */
    private <T> CompletableFuture<T> onFreshContext(Supplier<Uni<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(nextEventLoop());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            try {
                work.get().subscribe().with(result::complete, result::completeExceptionally);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static RowResult failed(Row row, Throwable failure) {
        if (failure instanceof ProblemException p) {
            return RowResult.rejected(row, p.problem());
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(failure, "event=bulk-row-failed row=%d errorId=%s", row.number(), errorId);
        return RowResult.rejected(
                row,
                new Problem(
                                "internal-error",
                                "Row not stored",
                                500,
                                "The row could not be stored; nothing of it was written. Quote errorId to the"
                                        + " operators.",
                                null,
                                null)
                        .with("errorId", errorId));
    }

    private void write(List<RowResult> results, Tally tally, OutputStream out) throws IOException {
        for (RowResult result : results) {
            tally.add(result);
            out.write(json.writeValueAsString(result).getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        out.flush();
    }

    /**
     * A new event-loop context on the next of the service's event loops (Vert.x hands them out in turn). Vert.x 4
     * has no public call for this, so its internal interface is used; the bulk intake tests run through it.
     */
    private Context nextEventLoop() {
        return ((VertxInternal) vertx).createEventLoopContext();
    }

    private void recordSummary(Summary summary, Registrant registrant) {
        onFreshContext(() ->
                        audit.recordAlone(AuditEvent.of(audit.serviceName(), "worker.register.bulk", registrant.actor())
                                .reason("rows=" + summary.rows() + " stored=" + summary.stored() + " rejected="
                                        + summary.rejected())
                                .build()))
                .join();
    }

    /** Counts as the results are written. */
    private static final class Tally {
        long rows;
        long stored;
        long rejected;
        long inReview;
        final Map<RegistrationOutcome, Long> outcomes = new EnumMap<>(RegistrationOutcome.class);

        void add(RowResult r) {
            rows++;
            if (r.problem() != null) {
                rejected++;
                return;
            }
            stored++;
            outcomes.merge(r.outcome(), 1L, Long::sum);
            if (Boolean.TRUE.equals(r.inReview())) {
                inReview++;
            }
        }

        Summary summary() {
            return new Summary(rows, stored, rejected, Map.copyOf(outcomes), inReview);
        }
    }
}
