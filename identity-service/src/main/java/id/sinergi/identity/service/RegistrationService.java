package id.sinergi.identity.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.domain.Nik;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.domain.SourceRecord;
import id.sinergi.identity.domain.Worker;
import id.sinergi.identity.domain.WorkerFlag;
import id.sinergi.identity.rest.WorkerDtos.PlacementDetails;
import id.sinergi.identity.rest.WorkerDtos.RegistrationRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Registers source records: links them by NIK to one worker, tells a resend from a change, keeps the worker's
 * attributes to the precedence of {@link Source}, and audits each registration in the same transaction as the data
 * it writes.
 */
@ApplicationScoped
public class RegistrationService {

    /** PostgreSQL's SQLSTATE for a unique-constraint violation. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** Orders records by how much they count: source rank first, then the latest received or changed. */
    private static final Comparator<SourceRecord> PRECEDENCE = Comparator.comparingInt(
                    (SourceRecord r) -> r.source.rank())
            .thenComparing(r -> r.updatedAt)
            .thenComparing(r -> r.receivedAt);

    @Inject
    AuditTrail audit;

    @Inject
    RegistrationChecks checks;

    /**
     * Checks and stores the record. Two registrations racing for one NIK (or one source record) meet at a unique
     * constraint or the worker's version; the loser retries once, in a fresh transaction, where it finds what the
     * winner wrote and links to it.
     */
    public Uni<Registration> register(RegistrationRequest request, Caller caller) {
        requireOwnSource(request.source(), caller);
        Nik nik = checks.check(request.nik(), request.birthDate(), request.destinationCountry());
        checkPlacement(request.placement());
        AuditActor actor = caller.actor();
        String hash = ContentHash.of(request);
        return attempt(request, nik, hash, actor)
                .onFailure(RegistrationService::isRace)
                .recoverWithUni(failure -> {
                    Log.infof(
                            "event=registration-retry source=%s cause=%s",
                            request.source(), failure.getClass().getSimpleName());
                    return attempt(request, nik, hash, actor);
                });
    }

    /**
     * A source-connector may feed the source its agency owns; officers feed their own ministry's system
     * (p2mi-officer SiskoP2MI, consular-officer and pwni-hq Peduli WNI).
     */
    static void requireOwnSource(Source source, Caller caller) {
        boolean roleFeedsSource =
                switch (source) {
                    case SISKOP2MI -> caller.hasRole(Roles.SOURCE_CONNECTOR) || caller.hasRole(Roles.P2MI_OFFICER);
                    case PEDULI_WNI ->
                        caller.hasRole(Roles.SOURCE_CONNECTOR)
                                || caller.hasRole(Roles.CONSULAR_OFFICER)
                                || caller.hasRole(Roles.PWNI_HQ);
                };
        if (!roleFeedsSource || !caller.agency().equals(Optional.of(source.owner()))) {
            throw ProblemException.forbidden(
                    "source-not-yours",
                    "Not your source",
                    "Records of " + source + " may only be registered by " + source.owner() + " callers");
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

    private Uni<Registration> attempt(RegistrationRequest request, Nik nik, String hash, AuditActor actor) {
        return Panache.withTransaction(() -> SourceRecord.findByKey(request.source(), request.sourceRecordId())
                .flatMap(known ->
                        known == null ? registerNew(request, nik, hash) : registerKnown(known, request, nik, hash))
                .call(result -> audit.record(AuditEvent.of(audit.serviceName(), "worker.register", actor)
                        .worker(result.workerId())
                        .resource("source-record", result.recordId())
                        .reason(result.outcome().name())
                        .build()))
                .invoke(result -> Log.infof(
                        "event=worker-registered outcome=%s worker=%s sourceRecord=%s source=%s",
                        result.outcome(), result.workerId(), result.recordId(), request.source()))
                .map(Result::registration));
    }

    private Uni<Result> registerNew(RegistrationRequest request, Nik nik, String hash) {
        Instant now = now();
        SourceRecord record = new SourceRecord();
        record.id = UUID.randomUUID();
        record.source = request.source();
        record.sourceRecordId = request.sourceRecordId();
        record.receivedAt = now;
        copyContent(request, hash, now, record);
        return Worker.findByNik(request.nik()).flatMap(known -> {
            if (known != null) {
                record.workerId = known.id;
                return record.persist()
                        .flatMap(saved -> refreshWorker(known, record, nik, now))
                        .map(w -> new Result(w.id, record.id, RegistrationOutcome.LINKED, w.flags));
            }
            Worker worker = new Worker();
            worker.id = UUID.randomUUID();
            worker.nik = request.nik();
            worker.createdAt = now;
            applyRecords(worker, List.of(record), nik, now);
            record.workerId = worker.id;
            return worker.persist()
                    .flatMap(saved -> record.persist())
                    .map(saved -> new Result(worker.id, record.id, RegistrationOutcome.CREATED, worker.flags));
        });
    }

    private Uni<Result> registerKnown(SourceRecord known, RegistrationRequest request, Nik nik, String hash) {
        if (!known.nik.equals(request.nik())) {
            Log.infof("event=source-record-conflict sourceRecord=%s source=%s", known.id, known.source);
            throw ProblemException.conflict(
                    "source-record-conflict",
                    "Source record registered with another NIK",
                    "This source record is already registered for another worker; a record cannot move between"
                            + " workers");
        }
        if (known.contentHash.equals(hash)) {
            return Worker.<Worker>findById(known.workerId)
                    .map(w -> new Result(w.id, known.id, RegistrationOutcome.UNCHANGED, w.flags));
        }
        Instant now = now();
        copyContent(request, hash, now, known);
        return Worker.<Worker>findById(known.workerId)
                .flatMap(w -> refreshWorker(w, known, nik, now))
                .map(w -> new Result(w.id, known.id, RegistrationOutcome.UPDATED, w.flags));
    }

    /** Recomputes the worker from all their records, the one being written included. */
    private static Uni<Worker> refreshWorker(Worker worker, SourceRecord written, Nik nik, Instant now) {
        return SourceRecord.forWorker(worker.id).map(stored -> {
            // The record being written may not be flushed yet, so it joins the list here, as it is now.
            List<SourceRecord> records = new ArrayList<>(stored);
            records.removeIf(r -> r.id.equals(written.id));
            records.add(written);
            applyRecords(worker, records, nik, now);
            return worker;
        });
    }

    /**
     * Gives the worker the attributes of the record that counts most by the precedence of {@link Source} (the
     * latest record of the highest-ranked source), and the flags of all the records: a lower-ranked record that
     * disagrees on name, birth date or sex earns {@link WorkerFlag#SOURCE_DISAGREEMENT} instead of overwriting.
     */
    static void applyRecords(Worker worker, List<SourceRecord> records, Nik nik, Instant now) {
        SourceRecord leading = records.stream().max(PRECEDENCE).orElseThrow();
        worker.fullName = leading.fullName;
        worker.birthDate = leading.birthDate;
        worker.sex = leading.sex;
        worker.destinationCountry = leading.destinationCountry;
        worker.phase = leading.phase;
        worker.updatedAt = now;

        Set<WorkerFlag> flags = flagsOf(records, nik);
        if (records.stream().anyMatch(r -> leading.source.outranks(r.source) && disagreesOnIdentity(r, worker))) {
            flags.add(WorkerFlag.SOURCE_DISAGREEMENT);
        }
        worker.flags = flags;
    }

    /** Names are compared ignoring case and runs of spaces, which sources spell differently without meaning it. */
    private static boolean disagreesOnIdentity(SourceRecord record, Worker worker) {
        return !normalName(record.fullName).equals(normalName(worker.fullName))
                || !record.birthDate.equals(worker.birthDate)
                || record.sex != worker.sex;
    }

    private static String normalName(String name) {
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    static Set<WorkerFlag> flagsOf(List<SourceRecord> records, Nik nik) {
        Set<WorkerFlag> flags = EnumSet.noneOf(WorkerFlag.class);
        records.forEach(r -> flags.addAll(nik.flagsAgainst(r.birthDate, r.sex)));
        return flags;
    }

    private static void copyContent(RegistrationRequest request, String hash, Instant now, SourceRecord record) {
        record.nik = request.nik();
        record.passportNumber = request.passportNumber();
        record.fullName = request.fullName();
        record.birthDate = request.birthDate();
        record.sex = request.sex();
        record.destinationCountry = request.destinationCountry();
        record.phase = request.phase();
        PlacementDetails p = request.placement();
        record.employerName = p == null ? null : p.employerName();
        record.placementAgency = p == null ? null : p.placementAgency();
        record.occupation = p == null ? null : p.occupation();
        record.departureDate = p == null ? null : p.departureDate();
        record.contractEndDate = p == null ? null : p.contractEndDate();
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

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private record Result(UUID workerId, UUID recordId, RegistrationOutcome outcome, Set<WorkerFlag> flags) {

        Registration registration() {
            return new Registration(workerId, outcome, flags);
        }
    }
}
