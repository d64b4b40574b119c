package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.VitalInterest;
import id.sinergi.consent.rest.VitalInterestDtos.InvokeRequest;
import id.sinergi.consent.rest.VitalInterestDtos.Officer;
import id.sinergi.consent.rest.VitalInterestDtos.RenewalRequest;
import id.sinergi.consent.service.Decider.VitalCover;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Vital-interest authorisations (UU 27/2022 Pasal 20 ayat (2) huruf d): invoked and renewed by case-service for a
 * consular officer handling a critical case, in force for 72 hours from the last of them, reviewed by the security
 * team. Each step is audited; the reason stays in this database, never in a log or an audit event.
 */
@ApplicationScoped
public class VitalInterests {

    /** How long an authorisation holds without renewal. */
    public static final Duration LIFETIME = Duration.ofHours(72);

    /** The only client that may invoke or renew. */
    static final String CASE_SERVICE_CLIENT = "case-service";

    /** Consular officers are Kemlu's; the authorisation is for their agency. */
    static final Agency OFFICER_AGENCY = Agency.KEMLU;

    @Inject
    AuditTrail audit;

    @Inject
    ConsentClock clock;

    /**
     * The authorisation covering the worker's data for the agency and this caller now, if any (the one lasting
     * longest). It serves the mission handling the case and the protection directorate at home (PWNI), not other
     * missions, and not a service asking on its own account.
     */
    Uni<Optional<VitalCover>> inForce(UUID workerId, Agency agency, Caller caller, Instant now) {
        return VitalInterest.inForce(workerId, agency, now).map(list -> list.stream()
                .filter(v -> servesCaller(v, caller))
                .findFirst()
                .map(v -> new VitalCover(v.id, v.dataCategories)));
    }

    private static boolean servesCaller(VitalInterest v, Caller caller) {
        if (caller.hasRole(Roles.PWNI_HQ)) {
            return true;
        }
        return caller.hasRole(Roles.CONSULAR_OFFICER)
                && caller.mission().filter(v.officerMission::equals).isPresent();
    }

    public Uni<VitalInterest> invoke(InvokeRequest request, Caller caller) {
        requireCaseService(caller);
        Instant now = clock.now();
        VitalInterest v = authorisation(request, caller, now);
        // Concurrent invocations for one case queue on a lock of the case, so the second sees the first's row.
        return Panache.withTransaction(() -> lockCase(request.caseId())
                        .flatMap(locked -> VitalInterest.inForce(request.workerId(), OFFICER_AGENCY, now))
                        .invoke(existing -> refuseSecondForCase(existing, request.caseId()))
                        .flatMap(existing -> v.<VitalInterest>persist())
                        .call(saved -> audit.record(event(caller, "consent.vital-interest.invoke", saved)
                                .reason(summary(saved, request.officer()))
                                .build())))
                .invoke(saved -> Log.infof(
                        "event=vital-interest-invoked authorisation=%s worker=%s case=%s category=%s",
                        saved.id, saved.workerId, saved.caseId, saved.caseCategory));
    }

    /** Takes a transaction-scoped advisory lock keyed by the case id, held until the transaction ends. */
    private static Uni<Void> lockCase(UUID caseId) {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                        .setParameter("key", caseId.getMostSignificantBits() ^ caseId.getLeastSignificantBits())
                        .getSingleResult())
                .replaceWithVoid();
    }

    private static VitalInterest authorisation(InvokeRequest request, Caller caller, Instant now) {
        VitalInterest v = new VitalInterest();
        v.id = UUID.randomUUID();
        v.workerId = request.workerId();
        v.agency = OFFICER_AGENCY;
        v.caseId = request.caseId();
        v.caseCategory = request.caseCategory();
        v.dataCategories = request.dataCategories() == null
                ? EnumSet.allOf(DataCategory.class)
                : EnumSet.copyOf(request.dataCategories());
        v.officerSubject = request.officer().subject();
        v.officerUsername = request.officer().username();
        v.officerMission = request.officer().mission();
        v.reason = request.reason().strip();
        v.requestedBy = caller.clientId();
        v.createdAt = now;
        v.expiresAt = now.plus(LIFETIME);
        return v;
    }

    /**
     * One authorisation per case at a time. The 409 names the one in force ({@code authorisationId},
     * {@code expiresAt}) so that case-service, whose recording of an earlier answer may have failed after this
     * service committed it, can record that authorisation instead of leaving the case stuck until it ends.
     */
    private static void refuseSecondForCase(List<VitalInterest> existing, UUID caseId) {
        existing.stream().filter(e -> e.caseId.equals(caseId)).findFirst().ifPresent(e -> {
            ProblemException inForce = ProblemException.conflict(
                    "vital-interest-in-force",
                    "Already in force",
                    "Case " + caseId + " has vital-interest authorisation " + e.id + " in force; renew it instead");
            inForce.problem().with("authorisationId", e.id).with("expiresAt", e.expiresAt);
            throw inForce;
        });
    }

    /** Extends an authorisation still in force to 72 hours from now; it goes back on the review list. */
    public Uni<VitalInterest> renew(UUID id, RenewalRequest request, Caller caller) {
        requireCaseService(caller);
        Instant now = clock.now();
        return Panache.withTransaction(() -> load(id).invoke(v -> {
                            if (!v.inForceAt(now)) {
                                throw ProblemException.conflict(
                                        "vital-interest-ended",
                                        "Authorisation ended",
                                        "Vital-interest authorisation " + id + " has ended; invoke a new one");
                            }
                            v.expiresAt = now.plus(LIFETIME);
                            v.renewals++;
                            v.lastRenewedAt = now;
                            v.reviewedAt = null;
                            v.reviewedBy = null;
                            v.reviewNote = null;
                        })
                        .call(v -> audit.record(event(caller, "consent.vital-interest.renew", v)
                                .reason(summary(v, request.officer()) + " renewals=" + v.renewals)
                                .build())))
                .onFailure(GrantLifecycle::isStale)
                .transform(e -> ProblemException.conflict(
                        "concurrent-change", "Changed meanwhile", "Vital-interest authorisation changed meanwhile"));
    }

    /** The security team's review: a note, once per invocation or renewal. */
    public Uni<VitalInterest> review(UUID id, String note, Caller caller) {
        Instant now = clock.now();
        return Panache.withTransaction(() -> load(id).invoke(v -> {
                            if (v.reviewedAt != null) {
                                throw ProblemException.conflict(
                                        "already-reviewed",
                                        "Already reviewed",
                                        "Vital-interest authorisation " + id + " is already reviewed");
                            }
                            v.reviewedAt = now;
                            v.reviewedBy = caller.subject();
                            v.reviewNote = note.strip();
                        })
                        .call(v -> audit.record(event(caller, "consent.vital-interest.review", v)
                                .reason("case=" + v.caseId)
                                .build())))
                .onFailure(GrantLifecycle::isStale)
                .transform(e -> ProblemException.conflict(
                        "concurrent-change", "Changed meanwhile", "Vital-interest authorisation changed meanwhile"));
    }

    /** Authorisations, oldest first: all, or only those (not) yet reviewed. */
    @WithTransaction
    public Uni<List<VitalInterest>> list(Boolean reviewed, Caller caller) {
        Uni<List<VitalInterest>> found = reviewed == null
                ? VitalInterest.list("order by createdAt, id")
                : VitalInterest.list("reviewedAt is " + (reviewed ? "not null" : "null") + " order by createdAt, id");
        return found.call(
                list -> audit.record(AuditEvent.of(audit.serviceName(), "consent.vital-interest.list", caller.actor())
                        .reason("reviewed=" + reviewed + " authorisations=" + list.size())
                        .build()));
    }

    private static Uni<VitalInterest> load(UUID id) {
        return VitalInterest.<VitalInterest>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Vital-interest authorisation " + id));
    }

    private static void requireCaseService(Caller caller) {
        if (!CASE_SERVICE_CLIENT.equals(caller.clientId())) {
            throw ProblemException.forbidden(
                    "not-case-service",
                    "Not case-service",
                    "Only case-service invokes or renews vital interest, for the officer handling the case");
        }
    }

    private static String summary(VitalInterest v, Officer officer) {
        return "case=" + v.caseId + " category=" + v.caseCategory + " officer=" + officer.subject() + " mission="
                + officer.mission() + " categories=" + v.dataCategories + " expires=" + v.expiresAt;
    }

    private AuditEvent.Builder event(Caller caller, String action, VitalInterest v) {
        return AuditEvent.of(audit.serviceName(), action, caller.actor())
                .worker(v.workerId)
                .purpose(Purpose.PROTECTION_CASE_HANDLING.name())
                .resource("vital-interest", v.id);
    }
}
