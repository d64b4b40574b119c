package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.rest.ConsentDtos.DecisionRequest;
import id.sinergi.consent.rest.ConsentDtos.GrantRequest;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Grants, revokes and decides; every step is audited in the same transaction. */
@ApplicationScoped
public class ConsentService {

    /** The longest validity a single grant may have. */
    static final long MAX_VALIDITY_DAYS = 5 * 366;

    @Inject
    AuditTrail audit;

    @WithTransaction
    public Uni<ConsentGrant> grant(GrantRequest request, Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant from = request.validFrom() == null ? now : request.validFrom().truncatedTo(ChronoUnit.MICROS);
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
        return grant.<ConsentGrant>persist()
                .call(g -> audit.record(event(caller, "consent.grant", g)
                        .reason("agency=" + g.receivingAgency + " purposes=" + g.purposes)
                        .build()))
                .invoke(g -> Log.infof(
                        "event=consent-granted grant=%s worker=%s agency=%s", g.id, g.workerId, g.receivingAgency));
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
     * (a revoked or expired grant that would have covered the request says so, rather than "no grant").
     */
    @WithTransaction
    public Uni<Decision> decide(DecisionRequest request, Caller caller) {
        Instant now = Instant.now();
        return ConsentGrant.forWorkerAndAgency(request.workerId(), request.requestingAgency())
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
                        .build()));
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
