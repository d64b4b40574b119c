package id.sinergi.identity.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.Ids;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.linking.Linker;
import id.sinergi.identity.linking.MatchEngine;
import id.sinergi.identity.linking.MatchIndex;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.rest.WorkerDtos.PassportDetails;
import id.sinergi.identity.rest.WorkerDtos.PlacementDetails;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Registers source records: matches each new one against the index and links it, founds a worker with it, or
 * sends it to review; tells a resend from a change; and audits each registration in the same transaction as the
 * data it writes.
 */
@ApplicationScoped
public class RegistrationService {

    /** PostgreSQL's SQLSTATE for a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    @Inject
    AuditTrail audit;

    @Inject
    RegistrationChecks checks;

    @Inject
    MatchEngine engine;

    @Inject
    MatchIndex index;

    @Inject
    Linker linker;

    @Inject
    NewRecords newRecords;

    /**
     * Checks and stores the record. Two registrations of one person wait for each other on the locks of their
     * blocking keys; two of one source record meet at its unique key, or at a worker's version. The loser retries
     * once, in a fresh transaction, where it finds what the winner wrote.
     */
    public Uni<Registration> register(RegistrationRequest request, Caller caller) {
        return register(request, Registrant.of(caller));
    }

    /** Registers on behalf of a registrant taken from the request earlier (a bulk intake outlives its scope). */
    public Uni<Registration> register(RegistrationRequest request, Registrant registrant) {
        List<Checked> one = List.of(checked(request, registrant));
        AuditActor actor = registrant.actor();
        return attempt(one, actor).onFailure(RegistrationService::isRace).recoverWithUni(failure -> {
            Log.infof(
                    "event=registration-retry source=%s cause=%s",
                    request.source(), failure.getClass().getSimpleName());
            return attempt(one, actor);
        });
    }

    private Uni<Registration> attempt(List<Checked> one, AuditActor actor) {
        return Panache.withTransaction(() -> registerChecked(one, actor, true))
                .map(results -> results.get(0).orThrow());
    }

    /** A registration, or the problem that rejected the row before it wrote anything. */
    public record Result(Registration registration, ProblemException problem) {

        Registration orThrow() {
            if (problem != null) {
                throw problem;
            }
            return registration;
        }
    }

    /**
     * Registers a batch of rows inside the caller's open transaction, without the retry: for bulk intake, which
     * commits many rows at once and replays them one by one when the transaction fails. A row rejected by the
     * checks writes nothing, and the others go on; one result per request, in order.
     */
    public Uni<List<Result>> registerWithin(List<RegistrationRequest> requests, Registrant registrant) {
        List<Checked> checked = new ArrayList<>(requests.size());
        Map<Integer, ProblemException> rejected = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                checked.add(checked(requests.get(i), registrant));
            } catch (ProblemException e) {
                rejected.put(i, e);
            }
        }
        return registerChecked(checked, registrant.actor(), false).map(results -> {
            List<Result> all = new ArrayList<>(requests.size());
            Iterator<Result> next = results.iterator();
            for (int i = 0; i < requests.size(); i++) {
                ProblemException problem = rejected.get(i);
                all.add(problem != null ? new Result(null, problem) : next.next());
            }
            return all;
        });
    }

    /** A request that passed the checks, with what they found and its content hash. */
    private record Checked(RegistrationRequest request, CheckedRecord record, String hash) {}

    private Checked checked(RegistrationRequest request, Registrant registrant) {
        registrant.requireFeeds(request.source());
        CheckedRecord record = checks.check(request);
        checkPlacement(request.placement());
        return new Checked(request, record, ContentHash.of(request));
    }

    private static void checkPlacement(PlacementDetails placement) {
        if (placement != null
                && placement.departureDate() != null
                && placement.contractEndDate() != null
                && placement.contractEndDate().isBefore(placement.departureDate())) {
            throw ProblemException.invalidField(
                    "invalid-placement-dates", "placement.contractEndDate", "must not be before departureDate");
        }
    }

    /**
     * Registers checked rows in the open transaction: the known ones one by one (a resend or a change), then the
     * new ones as one batch through the matcher, then an audit event per registration.
     *
     * @param logEach whether to log each registration at INFO (single ones), or at DEBUG (rows of a bulk intake)
     */
    private Uni<List<Result>> registerChecked(List<Checked> rows, AuditActor actor, boolean logEach) {
        return known(rows).flatMap(known -> {
            Map<Checked, Result> results = new IdentityHashMap<>();
            List<Checked> fresh = rows.stream()
                    .filter(row -> !known.containsKey(keyOf(row.request())))
                    .toList();
            Uni<Void> updates = Multi.createFrom()
                    .iterable(rows)
                    .select()
                    .where(row -> known.containsKey(keyOf(row.request())))
                    .onItem()
                    .transformToUniAndConcatenate(row -> {
                        SourceRecord stored = known.get(keyOf(row.request()));
                        ProblemException conflict = conflictWith(stored, row.request());
                        if (conflict != null) {
                            // Refused before the row writes anything; a failure after a write fails the batch.
                            results.put(row, new Result(null, conflict));
                            return Uni.createFrom().voidItem();
                        }
                        return registerKnown(stored, row)
                                .invoke(r -> results.put(row, new Result(r, null)))
                                .replaceWithVoid();
                    })
                    .collect()
                    .last()
                    .replaceWithVoid();
            return updates.flatMap(done -> registerNew(fresh, actor))
                    .invoke(created -> {
                        for (int i = 0; i < fresh.size(); i++) {
                            results.put(fresh.get(i), new Result(created.get(i), null));
                        }
                    })
                    .flatMap(created -> {
                        List<Result> inOrder = rows.stream().map(results::get).toList();
                        return audit(rows, inOrder, actor, logEach).replaceWith(inOrder);
                    });
        });
    }

    /** The stored records among the rows, by source and source record id, in one query per source. */
    private static Uni<Map<String, SourceRecord>> known(List<Checked> rows) {
        Map<Source, List<String>> ids = new EnumMap<>(Source.class);
        rows.forEach(row -> ids.computeIfAbsent(row.request().source(), s -> new ArrayList<>())
                .add(row.request().sourceRecordId()));
        Map<String, SourceRecord> found = new HashMap<>();
        return Multi.createFrom()
                .iterable(ids.entrySet())
                .onItem()
                .transformToUniAndConcatenate(e -> SourceRecord.findByKeys(e.getKey(), e.getValue()))
                .invoke(records -> records.forEach(r -> found.put(keyOf(r.source, r.sourceRecordId), r)))
                .collect()
                .last()
                .replaceWith(found);
    }

    private static String keyOf(RegistrationRequest request) {
        return keyOf(request.source(), request.sourceRecordId());
    }

    private static String keyOf(Source source, String sourceRecordId) {
        return source.name() + '|' + sourceRecordId;
    }

    /** An audit event for each registration, in the same transaction, and a log line. */
    private Uni<Void> audit(List<Checked> rows, List<Result> results, AuditActor actor, boolean logEach) {
        return Multi.createFrom()
                .range(0, rows.size())
                .select()
                .where(i -> results.get(i).registration() != null)
                .onItem()
                .transformToUniAndConcatenate(i -> {
                    Registration result = results.get(i).registration();
                    Log.logf(
                            logEach ? Logger.Level.INFO : Logger.Level.DEBUG,
                            "event=worker-registered outcome=%s match=%s inReview=%s worker=%s sourceRecord=%s"
                                    + " source=%s",
                            result.outcome(),
                            result.match(),
                            result.inReview(),
                            result.workerId(),
                            result.sourceRecordId(),
                            rows.get(i).request().source());
                    return audit.record(AuditEvent.of(audit.serviceName(), "worker.register", actor)
                            .worker(result.workerId())
                            .resource("source-record", result.sourceRecordId())
                            .reason(result.outcome().name()
                                    + (result.match() == null ? "" : " match=" + result.match()))
                            .build());
                })
                .collect()
                .last()
                .replaceWithVoid();
    }

    /** Matches the records the index has not seen and links each, founds a worker with it, or queues it for review. */
    private Uni<List<Registration>> registerNew(List<Checked> rows, AuditActor actor) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = linker.now();
        List<SourceRecord> records = rows.stream()
                .map(row -> {
                    SourceRecord record = new SourceRecord();
                    record.id = Ids.next();
                    record.source = row.request().source();
                    record.sourceRecordId = row.request().sourceRecordId();
                    record.receivedAt = now;
                    copyContent(row.request(), row.record(), row.hash(), now, record);
                    return record;
                })
                .toList();
        return newRecords.register(records, actor.username());
    }

    private static Registration registration(
            Worker w, SourceRecord r, RegistrationOutcome outcome, MatchClass match, boolean inReview) {
        return new Registration(w.id, r.id, outcome, match, inReview, w.assurance, w.flags);
    }

    /**
     * A record the index knows: a resend changes nothing; a change updates the record, its blocking keys and its
     * worker's view, and keeps the link (a reviewer, or a re-run, decides whether it should move). A record that
     * had a NIK cannot be given another one: that would make it another person's record.
     */
    /** The problem of a known record sent with another NIK, or null: a record cannot move between people. */
    private static ProblemException conflictWith(SourceRecord known, RegistrationRequest request) {
        if (known.nik == null || known.nik.equals(request.nik())) {
            return null;
        }
        Log.infof("event=source-record-conflict sourceRecord=%s source=%s", known.id, known.source);
        return ProblemException.conflict(
                "source-record-conflict",
                "Source record registered with another NIK",
                "This source record is already registered with another NIK; a record cannot move between"
                        + " people. Register the corrected record under a new id, or ask a reviewer to unlink it.");
    }

    private Uni<Registration> registerKnown(SourceRecord known, Checked row) {
        RegistrationRequest request = row.request();
        String hash = row.hash();
        if (known.contentHash.equals(hash)) {
            return Worker.<Worker>findById(known.workerId)
                    .map(w -> registration(w, known, RegistrationOutcome.UNCHANGED, null, false));
        }
        Instant now = linker.now();
        copyContent(request, row.record(), hash, now, known);
        long[] keys = MatchEngine.keysOf(known);
        return index.replace(known.id, keys)
                .flatMap(stored -> linker.rebuild(known.workerId))
                .map(w -> registration(w, known, RegistrationOutcome.UPDATED, null, false));
    }

    private static void copyContent(
            RegistrationRequest request, CheckedRecord checked, String hash, Instant now, SourceRecord record) {
        record.nik = request.nik();
        PassportDetails passport = request.passport();
        record.passportNumber = passport == null ? null : passport.number();
        record.passportIssuingState = passport == null ? null : passport.issuingState();
        record.passportExpiryDate = passport == null ? null : passport.expiryDate();
        record.fullName = request.fullName();
        record.birthDate = request.birthDate();
        record.birthPlace = request.birthPlace();
        record.sex = request.sex();
        record.destinationCountry = request.destinationCountry();
        record.phase = request.phase();
        record.reportedBy = request.reportedBy();
        PlacementDetails p = request.placement();
        record.employerName = p == null ? null : p.employerName();
        record.placementAgency = p == null ? null : p.placementAgency();
        record.occupation = p == null ? null : p.occupation();
        record.departureDate = p == null ? null : p.departureDate();
        record.contractEndDate = p == null ? null : p.contractEndDate();
        record.flags = checked.flags();
        record.contentHash = hash;
        record.updatedAt = now;
    }

    /** Whether the failure is another registration winning a race: a unique key or the worker's version. */
    static boolean isRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve && UNIQUE_VIOLATION.equals(cve.getSQLState())) {
                return true;
            }
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return true;
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
