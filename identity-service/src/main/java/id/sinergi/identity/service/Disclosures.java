package id.sinergi.identity.service;

import id.sinergi.audit.client.AuditTrail;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.common.security.Roles;
import id.sinergi.identity.client.ConsentDecision;
import id.sinergi.identity.client.ConsentDecisions;
import id.sinergi.identity.client.ConsentUnavailableException;
import id.sinergi.identity.domain.Source;
import id.sinergi.identity.service.Release.Verdict;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Decides what one read may show: the caller's agency sees the records its own system holds whole, on the owner's
 * basis; the other agency's records only in the categories consent-service permits for the declared purpose. One
 * consent call per read, for all the categories it needs, and only when the read touches the other agency's
 * records with a purpose. Fails closed: when consent-service gives no answer the read is refused (503), and that is
 * audited.
 */
@ApplicationScoped
public class Disclosures {

    /** The roles that ask consent-service in their own name; it answers no one else. */
    private static final List<String> OFFICERS = List.of(Roles.P2MI_OFFICER, Roles.CONSULAR_OFFICER, Roles.PWNI_HQ);

    @Inject
    ConsentDecisions consent;

    @Inject
    AuditTrail audit;

    /**
     * The release for a read of {@code categories} of the worker's records from {@code sources}.
     *
     * @param workerId the live worker, whose consent counts
     * @param purpose the declared purpose; null withholds the other agency's records
     * @param failed the FAILED event to audit, given its reason, when consent-service gives no answer
     */
    public Uni<Release> release(
            UUID workerId,
            Collection<Source> sources,
            Set<DataCategory> categories,
            Purpose purpose,
            Caller caller,
            Function<String, AuditEvent> failed) {
        Agency agency = caller.requireAgency();
        List<Source> own = sources.stream()
                .distinct()
                .filter(s -> s.owner() == agency)
                .sorted()
                .toList();
        List<Source> others = sources.stream()
                .distinct()
                .filter(s -> s.owner() != agency)
                .sorted()
                .toList();
        List<Verdict> verdicts = new ArrayList<>();
        own.forEach(s -> categories.stream().sorted().forEach(c -> verdicts.add(Verdict.own(s, c))));
        String withoutAsking = others.isEmpty() ? null : withoutAsking(purpose, caller);
        if (others.isEmpty() || withoutAsking != null) {
            others.forEach(s -> categories.stream()
                    .sorted()
                    .forEach(c -> verdicts.add(Verdict.withheld(s, c, withoutAsking, null))));
            return Uni.createFrom().item(new Release(purpose, verdicts));
        }
        return consent.decide(workerId, agency, purpose, categories, caller.rawToken())
                .onFailure(ConsentUnavailableException.class)
                .call(failure -> audit.recordAlone(failed.apply(
                        "CONSENT_UNAVAILABLE cause=" + ((ConsentUnavailableException) failure).causeClass())))
                .onFailure(ConsentUnavailableException.class)
                .transform(failure -> ProblemException.unavailable(
                        "consent-unavailable",
                        "Consent service unavailable",
                        "No consent decision could be obtained, so the other agency's data is withheld; try again"
                                + " later"))
                .map(decision -> {
                    others.forEach(
                            s -> categories.stream().sorted().forEach(c -> verdicts.add(decided(s, c, decision))));
                    return new Release(purpose, verdicts);
                });
    }

    /** Why the other agency's records are withheld without asking consent-service, or null when it is to be asked. */
    private static String withoutAsking(Purpose purpose, Caller caller) {
        if (OFFICERS.stream().noneMatch(caller::hasRole)) {
            return Release.NOT_AN_OFFICER;
        }
        return purpose == null ? Release.NO_PURPOSE : null;
    }

    /** consent-service's decision for the category; a missing one, or a permit without a basis, withholds. */
    private static Verdict decided(Source source, DataCategory category, ConsentDecision decision) {
        return decision.category(category)
                .map(d -> d.permits() && d.basis() != null
                        ? new Verdict(source, category, true, d.basis(), d.reason(), d.grantId(), d.vitalInterestId())
                        : Verdict.withheld(
                                source,
                                category,
                                d.permits() || d.reason() == null ? Release.NO_DECISION : d.reason(),
                                d.grantId()))
                .orElseGet(() -> Verdict.withheld(source, category, Release.NO_DECISION, null));
    }
}
