package id.sinergi.identity.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.identity.domain.LinkAction;
import id.sinergi.identity.domain.LinkEvent;
import id.sinergi.identity.domain.LinkKind;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.linking.Linker;
import id.sinergi.identity.linking.MatchEngine;
import id.sinergi.identity.linking.MatchIndex;
import id.sinergi.identity.matching.MatchClass;
import id.sinergi.identity.matching.MatchRecord;
import id.sinergi.identity.matching.WorkerMatcher.Candidate;
import id.sinergi.identity.matching.WorkerMatcher.Decision;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
        registrant.requireFeeds(request.source());
        CheckedRecord checked = checks.check(request);
        checkPlacement(request.placement());
        AuditActor actor = registrant.actor();
        String hash = ContentHash.of(request);
        return attempt(request, checked, hash, actor)
                .onFailure(RegistrationService::isRace)
                .recoverWithUni(failure -> {
                    Log.infof(
                            "event=registration-retry source=%s cause=%s",
                            request.source(), failure.getClass().getSimpleName());
                    return attempt(request, checked, hash, actor);
                });
    }

    /**
     * Registers inside the caller's open transaction, without the retry: for bulk intake, which commits many rows
     * at once and replays them one by one when the transaction fails. A problem found by the checks fails the
     * returned Uni before the row has written anything, so the transaction can go on with the next row.
     */
    public Uni<Registration> registerWithin(RegistrationRequest request, Registrant registrant) {
        try {
            registrant.requireFeeds(request.source());
            CheckedRecord checked = checks.check(request);
            checkPlacement(request.placement());
            return within(request, checked, ContentHash.of(request), registrant.actor(), false);
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
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

    private Uni<Registration> attempt(
            RegistrationRequest request, CheckedRecord checked, String hash, AuditActor actor) {
        return Panache.withTransaction(() -> within(request, checked, hash, actor, true));
    }

    /** @param logEach whether to log the registration at INFO (single ones), or at DEBUG (rows of a bulk intake) */
    private Uni<Registration> within(
            RegistrationRequest request, CheckedRecord checked, String hash, AuditActor actor, boolean logEach) {
        return SourceRecord.findByKey(request.source(), request.sourceRecordId())
                .flatMap(known -> known == null
                        ? registerNew(request, checked, hash, actor)
                        : registerKnown(known, request, checked, hash))
                .call(result -> audit.record(AuditEvent.of(audit.serviceName(), "worker.register", actor)
                        .worker(result.workerId())
                        .resource("source-record", result.sourceRecordId())
                        .reason(result.outcome().name() + (result.match() == null ? "" : " match=" + result.match()))
                        .build()))
                .invoke(result -> Log.logf(
                        logEach ? Logger.Level.INFO : Logger.Level.DEBUG,
                        "event=worker-registered outcome=%s match=%s inReview=%s worker=%s sourceRecord=%s source=%s",
                        result.outcome(),
                        result.match(),
                        result.inReview(),
                        result.workerId(),
                        result.sourceRecordId(),
                        request.source()));
    }

    /**
     * Matches a record the index has not seen: under the locks of its blocking keys, scores it against the
     * records that share a key, then links it (MATCH), or founds a worker with it and puts the close candidates in
     * the review queue (POSSIBLE_MATCH), or founds a worker (NO_MATCH).
     */
    private Uni<Registration> registerNew(
            RegistrationRequest request, CheckedRecord checked, String hash, AuditActor actor) {
        Instant now = linker.now();
        SourceRecord record = new SourceRecord();
        record.id = UUID.randomUUID();
        record.source = request.source();
        record.sourceRecordId = request.sourceRecordId();
        record.receivedAt = now;
        copyContent(request, checked, hash, now, record);
        long[] keys = MatchEngine.keysOf(record);
        return index.lock(keys)
                .flatMap(locked -> index.candidates(keys, record.id))
                .map(candidates -> engine.matcher().decide(MatchEngine.recordOf(record), byWorker(candidates)))
                .flatMap(decision -> decision.matchClass() == MatchClass.MATCH
                        ? linkAutomatically(record, decision, actor)
                        : foundWorker(record, decision, actor))
                .call(registration -> index.add(record.id, keys));
    }

    static Map<UUID, List<MatchRecord>> byWorker(List<SourceRecord> candidates) {
        Map<UUID, List<MatchRecord>> byWorker = new LinkedHashMap<>();
        for (SourceRecord c : candidates) {
            byWorker.computeIfAbsent(c.workerId, w -> new ArrayList<>()).add(MatchEngine.recordOf(c));
        }
        return byWorker;
    }

    private Uni<Registration> linkAutomatically(SourceRecord record, Decision<UUID> decision, AuditActor actor) {
        Candidate<UUID> match = decision.candidates().stream()
                .filter(c -> c.worker().equals(decision.linkTo()))
                .findFirst()
                .orElseThrow();
        record.workerId = match.worker();
        record.linkKind = LinkKind.AUTO;
        LinkEvent event = linker.scored(LinkAction.AUTO_LINKED, match.worker(), record, match, actor.username());
        return record.persist()
                .flatMap(saved -> event.persist())
                .flatMap(saved -> linker.rebuild(match.worker()))
                .map(w -> registration(w, record, RegistrationOutcome.LINKED, MatchClass.MATCH, false));
    }

    private Uni<Registration> foundWorker(SourceRecord record, Decision<UUID> decision, AuditActor actor) {
        Instant now = record.receivedAt;
        LinkEvent created = LinkEvent.of(LinkAction.CREATED, null, record.id, actor.username(), now);
        created.matchClass = decision.matchClass().name();
        created.rulesVersion = engine.rulesVersion();
        return linker.found(record, now)
                .invoke(w -> created.workerId = w.id)
                .call(w -> record.persist())
                .call(w -> created.persist())
                .call(w -> Multi.createFrom()
                        .iterable(decision.candidates())
                        .onItem()
                        .transformToUniAndConcatenate(c -> linker.openReview(record, c, actor.username()))
                        .collect()
                        .last())
                .map(w -> registration(
                        w,
                        record,
                        RegistrationOutcome.CREATED,
                        decision.matchClass(),
                        !decision.candidates().isEmpty()));
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
    private Uni<Registration> registerKnown(
            SourceRecord known, RegistrationRequest request, CheckedRecord checked, String hash) {
        if (known.nik != null && !known.nik.equals(request.nik())) {
            Log.infof("event=source-record-conflict sourceRecord=%s source=%s", known.id, known.source);
            throw ProblemException.conflict(
                    "source-record-conflict",
                    "Source record registered with another NIK",
                    "This source record is already registered with another NIK; a record cannot move between"
                            + " people. Register the corrected record under a new id, or ask a reviewer to unlink it.");
        }
        if (known.contentHash.equals(hash)) {
            return Worker.<Worker>findById(known.workerId)
                    .map(w -> registration(w, known, RegistrationOutcome.UNCHANGED, null, false));
        }
        Instant now = linker.now();
        copyContent(request, checked, hash, now, known);
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
