package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.rest.ConsentDtos.DecisionRequest;
import id.sinergi.consent.rest.ConsentDtos.GrantRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Grants, revokes and decides; each step is audited in the transaction of its change, a refused grant in its own. */
@ApplicationScoped
public class ConsentService {

    /** The longest validity a single grant may have. */
    static final long MAX_VALIDITY_DAYS = 5 * 366;

    /** How far a grant's start may lie in the past: clock skew between the channel and us, not backdating. */
    static final Duration MAX_BACKDATING = Duration.ofMinutes(5);

    /** How far ahead a grant's start may lie. */
    static final long MAX_START_AHEAD_DAYS = 366;

    @Inject
    AuditTrail audit;

    /**
     * Records a grant. An officer may not record consent to their own agency: a receiving agency cannot hand
     * itself access; the worker's own channel (a source connector) or the other ministry records it. Such an
     * attempt is refused with 403 self-grant, stores nothing and is audited as denied.
     */
    public Uni<ConsentGrant> grant(GrantRequest request, Caller caller) {
        if (isOfficer(caller) && caller.requireAgency() == request.receivingAgency()) {
            return refuseSelfGrant(request, caller);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant from = validFrom(request, now);
        Instant until = validUntil(request, from, now);
        ConsentGrant grant = new ConsentGrant();
        grant.id = UUID.randomUUID();
        grant.workerId = request.workerId();
        grant.receivingAgency = request.receivingAgency();
        grant.purposes = request.purposes();
        grant.dataCategories = request.dataCategories();
        grant.validFrom = from;
        grant.validUntil = until;
        grant.status = GrantStatus.ACTIVE;
        grant.grantedAt = now;
        grant.grantedBy = caller.subject();
        return Panache.withTransaction(() -> grant.<ConsentGrant>persist()
                        .call(g -> audit.record(event(caller, "consent.grant", g)
                                .reason("agency=" + g.receivingAgency + " purposes=" + g.purposes)
                                .build())))
                .invoke(g -> Log.infof(
                        "event=consent-granted grant=%s worker=%s agency=%s", g.id, g.workerId, g.receivingAgency));
    }

    private Uni<ConsentGrant> refuseSelfGrant(GrantRequest request, Caller caller) {
        return audit.recordAlone(AuditEvent.of(audit.serviceName(), "consent.grant", caller.actor())
                        .worker(request.workerId())
                        .outcome(AuditOutcome.DENIED)
                        .reason("self-grant agency=" + request.receivingAgency())
                        .build())
                .invoke(() -> Log.infof(
                        "event=consent-self-grant-refused worker=%s agency=%s",
                        request.workerId(), request.receivingAgency()))
                .onItem()
                .transformToUni(done -> Uni.createFrom()
                        .<ConsentGrant>failure(ProblemException.forbidden(
                                "self-grant",
                                "Consent to oneself",
                                "a receiving agency cannot record consent to itself; the worker's own channel or the"
                                        + " other ministry records it")));
    }

    /** The start of validity: now when omitted; neither backdated beyond clock skew nor more than a year ahead. */
    private static Instant validFrom(GrantRequest request, Instant now) {
        if (request.validFrom() == null) {
            return now;
        }
        Instant from = request.validFrom().truncatedTo(ChronoUnit.MICROS);
        if (from.isBefore(now.minus(MAX_BACKDATING))) {
            throw ProblemException.invalidField(
                    "validity-window", "validFrom", "must not lie more than five minutes in the past");
        }
        if (from.isAfter(now.plus(MAX_START_AHEAD_DAYS, ChronoUnit.DAYS))) {
            throw ProblemException.invalidField(
                    "validity-window", "validFrom", "must not lie more than one year in the future");
        }
        return from;
    }

    private static Instant validUntil(GrantRequest request, Instant from, Instant now) {
        Instant until = request.validUntil().truncatedTo(ChronoUnit.MICROS);
        if (!until.isAfter(from)) {
            throw ProblemException.invalidField("validity-window", "validUntil", "must be after validFrom");
        }
        if (!until.isAfter(now)) {
            throw ProblemException.invalidField("validity-window", "validUntil", "must be in the future");
        }
        if (until.isAfter(from.plus(MAX_VALIDITY_DAYS, ChronoUnit.DAYS))) {
            throw ProblemException.invalidField(
                    "validity-window", "validUntil", "must be at most five years after validFrom");
        }
        return until;
    }

    /** Officers act for their own agency; source connectors are the worker's channels, not a receiving agency. */
    private static boolean isOfficer(Caller caller) {
        return caller.hasRole(Roles.P2MI_OFFICER)
                || caller.hasRole(Roles.CONSULAR_OFFICER)
                || caller.hasRole(Roles.PWNI_HQ);
    }

    @WithTransaction
    public Uni<ConsentGrant> revoke(UUID grantId, String reason, Caller caller) {
        return ConsentGrant.<ConsentGrant>findById(grantId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Consent grant " + grantId))
                .invoke(g -> {
                    if (g.status == GrantStatus.REVOKED) {
                        throw ProblemException.conflict(
                                "already-revoked", "Already revoked", "Consent grant " + g.id + " is already revoked");
                    }
                    g.status = GrantStatus.REVOKED;
                    g.revokedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    g.revokedBy = caller.subject();
                    g.revocationReason = reason;
                })
                .call(g -> audit.record(event(caller, "consent.revoke", g).build()))
                .invoke(g -> Log.infof("event=consent-revoked grant=%s worker=%s", g.id, g.workerId));
    }

    @WithTransaction
    public Uni<ConsentGrant> find(UUID grantId, Caller caller) {
        return ConsentGrant.<ConsentGrant>findById(grantId)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("Consent grant " + grantId))
                .call(g -> audit.record(event(caller, "consent.read", g).build()));
    }

    @WithTransaction
    public Uni<List<ConsentGrant>> listForWorker(UUID workerId, Caller caller) {
        return ConsentGrant.forWorker(workerId)
                .call(grants -> audit.record(AuditEvent.of(audit.serviceName(), "consent.list", caller.actor())
                        .worker(workerId)
                        .resource("worker", workerId)
                        .reason("grants=" + grants.size())
                        .build()));
    }

    /**
     * Decides from the grants in force now: a permit names the grant; a deny names the most specific reason
     * (a revoked or expired grant that would have covered the request says so, rather than "no grant"). An officer
     * may ask only for their own agency (else 403 other-agency); Sinergi services ask for whichever agency calls them.
     */
    public Uni<Decision> decide(DecisionRequest request, Caller caller) {
        if (!caller.hasRole(Roles.SINERGI_SERVICE) && caller.requireAgency() != request.requestingAgency()) {
            throw ProblemException.forbidden(
                    "other-agency", "Not your agency", "An officer may ask for decisions of their own agency only");
        }
        Instant now = Instant.now();
        return Panache.withTransaction(() -> ConsentGrant.forWorkerAndAgency(
                        request.workerId(), request.requestingAgency())
                .map(grants -> decide(grants, request, now))
                .call(decision -> audit.record(AuditEvent.of(audit.serviceName(), "consent.decision", caller.actor())
                        .outcome(
                                decision.decision() == Decision.Outcome.PERMIT
                                        ? AuditOutcome.SUCCESS
                                        : AuditOutcome.DENIED)
                        .worker(request.workerId())
                        .purpose(request.purpose().name())
                        .resource("consent-grant", decision.grantId())
                        .reason(decision.reason() + " agency=" + request.requestingAgency() + " category="
                                + request.dataCategory())
                        .build())));
    }

    static Decision decide(List<ConsentGrant> grants, DecisionRequest request, Instant now) {
        List<ConsentGrant> covering = grants.stream()
                .filter(g -> g.purposes.contains(request.purpose()))
                .filter(g -> g.dataCategories.contains(request.dataCategory()))
                .toList();
        Optional<ConsentGrant> inForce =
                covering.stream().filter(g -> g.inForceAt(now)).findFirst();
        if (inForce.isPresent()) {
            return Decision.permit(inForce.get().id);
        }
        Optional<ConsentGrant> latest = covering.stream().max(Comparator.comparing(g -> g.grantedAt));
        if (latest.isPresent()) {
            ConsentGrant g = latest.get();
            if (g.status == GrantStatus.REVOKED) {
                return Decision.deny("GRANT_REVOKED", g.id);
            }
            return Decision.deny(now.isBefore(g.validFrom) ? "GRANT_NOT_YET_VALID" : "GRANT_EXPIRED", g.id);
        }
        if (grants.stream().anyMatch(g -> g.inForceAt(now) && g.purposes.contains(request.purpose()))) {
            return Decision.deny("CATEGORY_NOT_COVERED", null);
        }
        if (grants.stream().anyMatch(g -> g.inForceAt(now))) {
            return Decision.deny("PURPOSE_NOT_COVERED", null);
        }
        return Decision.deny("NO_GRANT", null);
    }

    private AuditEvent.Builder event(Caller caller, String action, ConsentGrant grant) {
        return AuditEvent.of(audit.serviceName(), action, caller.actor())
                .worker(grant.workerId)
                .resource("consent-grant", grant.id);
    }
}
