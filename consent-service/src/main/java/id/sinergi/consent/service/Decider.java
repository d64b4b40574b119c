package id.sinergi.consent.service;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.LawfulBasis;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import id.sinergi.consent.domain.GrantStatus;
import id.sinergi.consent.domain.GrantTerms;
import id.sinergi.consent.service.Decision.CategoryDecision;
import id.sinergi.consent.service.Decision.Outcome;
import id.sinergi.consent.vocabulary.PurposeRule;
import id.sinergi.consent.vocabulary.PurposeVocabulary;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The decision rules, without I/O. Per asked category: the purpose's own basis where it covers the category;
 * else the worker's consent; else, for purposes that allow it, a vital-interest authorisation; else deny with
 * the most specific reason.
 */
final class Decider {

    /** A vital-interest authorisation in force for the worker and agency, and what it covers. */
    record VitalCover(UUID id, Set<DataCategory> categories) {}

    private Decider() {}

    static Decision decide(
            Purpose purpose,
            Agency agency,
            List<DataCategory> asked,
            List<GrantTerms> grants,
            Optional<VitalCover> vital,
            Instant now) {
        PurposeRule rule = PurposeVocabulary.rule(purpose);
        List<CategoryDecision> each = asked.stream()
                .map(c -> category(rule, agency, c, grants, vital, now))
                .toList();
        return summarise(each);
    }

    /**
     * Whether a vital-interest authorisation could change the decision: only where the purpose allows one and
     * some asked category was denied. Otherwise the authorisations need not be read at all.
     */
    static boolean vitalInterestCouldChange(Purpose purpose, Decision withoutVital) {
        return PurposeVocabulary.rule(purpose).vitalInterest()
                && !withoutVital.deniedCategories().isEmpty();
    }

    private static CategoryDecision category(
            PurposeRule rule,
            Agency agency,
            DataCategory c,
            List<GrantTerms> grants,
            Optional<VitalCover> vital,
            Instant now) {
        if (!rule.usableBy(agency)) {
            return CategoryDecision.deny(c, "PURPOSE_NOT_FOR_AGENCY", null);
        }
        if (rule.basisCategories().contains(c)) {
            return CategoryDecision.permit(c, rule.basis(), "LAWFUL_BASIS", null, null);
        }
        if (!rule.consentCategories().contains(c)) {
            return CategoryDecision.deny(c, "CATEGORY_NOT_IN_PURPOSE", null);
        }
        CategoryDecision byConsent = byConsent(rule.purpose(), c, grants, now);
        if (!byConsent.permits()
                && rule.vitalInterest()
                && vital.isPresent()
                && vital.get().categories().contains(c)) {
            return CategoryDecision.permit(
                    c,
                    LawfulBasis.VITAL_INTEREST,
                    "VITAL_INTEREST_IN_FORCE",
                    null,
                    vital.get().id());
        }
        return byConsent;
    }

    /** A grant in force covering purpose and category permits; else the reason names what stands in the way. */
    static CategoryDecision byConsent(Purpose purpose, DataCategory c, List<GrantTerms> grants, Instant now) {
        List<GrantTerms> covering =
                grants.stream().filter(g -> g.covers(purpose, c)).toList();
        Optional<GrantTerms> inForce =
                covering.stream().filter(g -> g.inForceAt(now)).findFirst();
        if (inForce.isPresent()) {
            return CategoryDecision.permit(
                    c, LawfulBasis.CONSENT, "GRANT_IN_FORCE", inForce.get().id(), null);
        }
        Optional<GrantTerms> latest = covering.stream().max(Comparator.comparing(GrantTerms::grantedAt));
        if (latest.isPresent()) {
            return CategoryDecision.deny(
                    c, notInForce(latest.get(), now), latest.get().id());
        }
        if (grants.stream().anyMatch(g -> g.inForceAt(now) && g.purposes().contains(purpose))) {
            return CategoryDecision.deny(c, "CATEGORY_NOT_COVERED", null);
        }
        if (grants.stream().anyMatch(g -> g.inForceAt(now))) {
            return CategoryDecision.deny(c, "PURPOSE_NOT_COVERED", null);
        }
        return CategoryDecision.deny(c, "NO_GRANT", null);
    }

    private static String notInForce(GrantTerms g, Instant now) {
        GrantStatus status = g.statusAt(now);
        return switch (status) {
            case ACTIVE -> "GRANT_NOT_YET_VALID";
            case PENDING, PAUSED, REVOKED, EXPIRED, REJECTED -> "GRANT_" + status.name();
        };
    }

    private static Decision summarise(List<CategoryDecision> each) {
        List<CategoryDecision> permitted =
                each.stream().filter(CategoryDecision::permits).toList();
        List<CategoryDecision> denied = each.stream().filter(d -> !d.permits()).toList();
        List<DataCategory> permittedCategories =
                permitted.stream().map(CategoryDecision::category).toList();
        List<DataCategory> deniedCategories =
                denied.stream().map(CategoryDecision::category).toList();
        if (permitted.isEmpty()) {
            CategoryDecision first = denied.get(0);
            return new Decision(
                    Outcome.DENY, null, first.reason(), first.grantId(), null, List.of(), deniedCategories, each);
        }
        return new Decision(
                Outcome.PERMIT,
                single(permitted, CategoryDecision::basis),
                Objects.requireNonNullElse(single(permitted, CategoryDecision::reason), "SEVERAL_BASES"),
                onlyOne(permitted, CategoryDecision::grantId),
                onlyOne(permitted, CategoryDecision::vitalInterestId),
                permittedCategories,
                deniedCategories,
                each);
    }

    /** The value every permitted category shares, or null when they differ. */
    private static <T> T single(List<CategoryDecision> permitted, Function<CategoryDecision, T> f) {
        List<T> values = permitted.stream().map(f).distinct().toList();
        return values.size() == 1 ? values.get(0) : null;
    }

    /** The one id the permitted categories name, or null when they name none or several. */
    private static UUID onlyOne(List<CategoryDecision> permitted, Function<CategoryDecision, UUID> f) {
        List<UUID> ids =
                permitted.stream().map(f).filter(Objects::nonNull).distinct().toList();
        return ids.size() == 1 ? ids.get(0) : null;
    }

    /** The grants whose use this decision makes. */
    static Set<UUID> grantsUsed(Decision d) {
        return d.categories().stream()
                .filter(CategoryDecision::permits)
                .map(CategoryDecision::grantId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }
}
