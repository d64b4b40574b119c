package id.sinergi.consent.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.consent.domain.GrantTerms;
import id.sinergi.consent.rest.ConsentDtos.DecisionRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Decides from the database as it stands at this call: nothing is cached, so a revocation holds from the next
 * decision on. Each decision is one audit event, and each grant it uses is counted with its holder, written
 * together by {@link GrantUse}, and counted in {@code sinergi_consent_decisions_total} by outcome, reason code,
 * purpose and requesting agency (all of them closed vocabularies; no worker or officer).
 */
@ApplicationScoped
public class DecisionService {

    @Inject
    AuditTrail audit;

    @Inject
    Pool pool;

    @Inject
    GrantUse uses;

    @Inject
    VitalInterests vitalInterests;

    @Inject
    ConsentClock clock;

    @Inject
    MeterRegistry registry;

    /**
     * An officer may ask only for their own agency (else 403 other-agency); Sinergi services ask for whichever
     * agency calls them. A grant changed by a concurrent revocation or pause makes the decision start over from
     * the new state, at most twice; a third change in a row answers 503 decision-contended, having written nothing.
     */
    public Uni<Decision> decide(DecisionRequest request, Caller caller) {
        if (!caller.hasRole(Roles.SINERGI_SERVICE) && caller.requireAgency() != request.requestingAgency()) {
            throw ProblemException.forbidden(
                    "other-agency", "Not your agency", "An officer may ask for decisions of their own agency only");
        }
        List<DataCategory> asked = asked(request);
        return Uni.createFrom()
                .deferred(() -> decideOnce(request, asked, caller))
                .invoke(d -> counted(d, request))
                .onFailure(GrantUse.GrantChanged.class)
                .retry()
                .atMost(2)
                .onFailure(GrantUse.GrantChanged.class)
                .transform(changed -> ProblemException.unavailable(
                        "decision-contended",
                        "Decision contended",
                        "The worker's grants changed three times while this decision was taken; nothing was"
                                + " recorded, ask again"));
    }

    /** One more decision of its kind in {@code sinergi_consent_decisions_total}. */
    private void counted(Decision d, DecisionRequest request) {
        registry.counter(
                        "sinergi.consent.decisions",
                        "outcome",
                        d.decision().name(),
                        "reason",
                        d.reason() == null ? "NONE" : d.reason(),
                        "purpose",
                        request.purpose().name(),
                        "agency",
                        request.requestingAgency().name())
                .increment();
    }

    /** The asked categories in the order of DataCategory: from dataCategory or dataCategories, never both. */
    static List<DataCategory> asked(DecisionRequest request) {
        if ((request.dataCategory() == null) == (request.dataCategories() == null)) {
            throw ProblemException.invalidField(
                    "decision-categories", "dataCategories", "name exactly one of dataCategory and dataCategories");
        }
        Set<DataCategory> set = request.dataCategory() != null
                ? EnumSet.of(request.dataCategory())
                : EnumSet.copyOf(request.dataCategories());
        return List.copyOf(set);
    }

    /**
     * Reads the grants (and, when needed, the vital-interest authorisations) outside a transaction, decides, then
     * writes the uses and the audit event in one statement: two round trips for most decisions. The write fails
     * with {@link GrantUse.GrantChanged}, writing nothing, when a grant it rests on changed since it was read.
     */
    private Uni<Decision> decideOnce(DecisionRequest request, List<DataCategory> asked, Caller caller) {
        Instant now = clock.now();
        return GrantTerms.forWorkerAndAgency(pool, request.workerId(), request.requestingAgency())
                .flatMap(grants -> decide(request, asked, grants, caller, now))
                .call(d -> uses.record(
                        Decider.grantsUsed(d), request.requestingAgency(), caller, now, event(d, request, caller)));
    }

    /**
     * Decides on the grants, and reads the vital-interest authorisations only when one could change the answer
     * (a purpose that allows them, a category left denied): most decisions need one query fewer.
     */
    private Uni<Decision> decide(
            DecisionRequest request, List<DataCategory> asked, List<GrantTerms> grants, Caller caller, Instant now) {
        Decision onGrants =
                Decider.decide(request.purpose(), request.requestingAgency(), asked, grants, Optional.empty(), now);
        if (!Decider.vitalInterestCouldChange(request.purpose(), onGrants)) {
            return Uni.createFrom().item(onGrants);
        }
        return Panache.withSession(
                        () -> vitalInterests.inForce(request.workerId(), request.requestingAgency(), caller, now))
                .map(vital -> vital.isEmpty()
                        ? onGrants
                        : Decider.decide(request.purpose(), request.requestingAgency(), asked, grants, vital, now));
    }

    private AuditEvent event(Decision d, DecisionRequest request, Caller caller) {
        return AuditEvent.of(audit.serviceName(), "consent.decision", caller.actor())
                .outcome(d.permits() ? AuditOutcome.SUCCESS : AuditOutcome.DENIED)
                .worker(request.workerId())
                .purpose(request.purpose().name())
                .resource(d.vitalInterestId() != null ? "vital-interest" : "consent-grant", resourceOf(d))
                .reason(reason(d, request))
                .build();
    }

    private static UUID resourceOf(Decision d) {
        return Optional.ofNullable(d.vitalInterestId()).orElse(d.grantId());
    }

    private static String reason(Decision d, DecisionRequest request) {
        String text = d.reason() + " basis=" + (d.basis() == null ? "-" : d.basis()) + " agency="
                + request.requestingAgency() + " permitted=" + d.permittedCategories() + " denied="
                + d.deniedCategories() + " grants=" + Decider.grantsUsed(d);
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
