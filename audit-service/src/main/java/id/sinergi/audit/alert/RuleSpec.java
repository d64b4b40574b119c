package id.sinergi.audit.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One alert rule as the scanner applies it: which events it looks at, over what window, and what count of them
 * (events, or distinct workers) raises an alert.
 *
 * @param rule the rule
 * @param window the length of a window of occurred_at
 * @param threshold the alert fires when the measure reaches this
 * @param countsWorkers whether the measure is distinct workers (else events)
 * @param matches which events the rule looks at
 * @param criteria the rule's settings as parameter=value pairs, stored with each alert (cut to {@link
 *     #MAX_CRITERIA}: an alert that could not be stored would stop every later scan at the same leaves)
 */
record RuleSpec(
        AlertRule rule,
        Duration window,
        int threshold,
        boolean countsWorkers,
        Predicate<SealedEvent> matches,
        String criteria) {

    /** The longest criteria audit_alert stores. */
    static final int MAX_CRITERIA = 500;

    RuleSpec {
        criteria = withinMax(criteria);
    }

    /**
     * A sealed event with the rules that look at it, as bits (bit i: the i-th of the scan's rules, one per
     * {@link AlertRule} at most). The scanner asks each rule once per event and passes the answer on, to the
     * memory's checks and the officer's rules; at tens of thousands of events a second, asking again at each step
     * cost the service a noticeable part of its work.
     */
    record Matched(SealedEvent event, int rules) {

        boolean by(int spec) {
            return (rules & (1 << spec)) != 0;
        }
    }

    /** The event with the rules of {@code specs} that look at it (none: {@code rules} is 0). */
    static Matched matching(List<RuleSpec> specs, SealedEvent e) {
        int rules = 0;
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i).matches().test(e)) {
                rules |= 1 << i;
            }
        }
        return new Matched(e, rules);
    }

    /** The events each rule looks at, in the order of {@code specs}, each list in the order of {@code events}. */
    static List<List<SealedEvent>> byRule(List<RuleSpec> specs, List<Matched> events) {
        List<List<SealedEvent>> lists = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            List<SealedEvent> mine = new ArrayList<>();
            for (Matched m : events) {
                if (m.by(i)) {
                    mine.add(m.event());
                }
            }
            lists.add(mine);
        }
        return lists;
    }

    private static boolean endsWithAny(String action, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (action.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** The enabled rules, built from the configuration. */
    static List<RuleSpec> of(AlertConfig config) {
        List<RuleSpec> specs = new ArrayList<>();
        AlertConfig.MassRead massRead = config.massRead();
        if (massRead.enabled()) {
            List<String> suffixes = List.copyOf(massRead.actionSuffixes());
            specs.add(new RuleSpec(
                    AlertRule.MASS_READ,
                    massRead.window(),
                    massRead.maxWorkers() + 1,
                    true,
                    e -> e.workerId() != null && endsWithAny(e.action(), suffixes),
                    "distinct-workers>" + massRead.maxWorkers() + " window=" + massRead.window() + " actions=*"
                            + String.join("|*", suffixes)));
        }
        AlertConfig.OutOfScope outOfScope = config.outOfScope();
        if (outOfScope.enabled()) {
            List<String> markers = List.copyOf(outOfScope.reasonMarkers());
            specs.add(new RuleSpec(
                    AlertRule.OUT_OF_SCOPE,
                    outOfScope.window(),
                    outOfScope.minAttempts(),
                    false,
                    e -> "DENIED".equals(e.outcome()) && markers.stream().anyMatch(e::reasonHas),
                    "denied-attempts>=" + outOfScope.minAttempts() + " window=" + outOfScope.window()
                            + " reason-markers=" + String.join("|", markers)));
        }
        AlertConfig.DenialBurst burst = config.denialBurst();
        if (burst.enabled()) {
            specs.add(new RuleSpec(
                    AlertRule.DENIAL_BURST,
                    burst.window(),
                    burst.minDenials(),
                    false,
                    e -> "DENIED".equals(e.outcome()),
                    "denials>=" + burst.minDenials() + " window=" + burst.window()));
        }
        AlertConfig.VitalInterest vital = config.vitalInterest();
        if (vital.enabled()) {
            Set<String> actions = Set.copyOf(vital.actions());
            Set<String> outcomes = Set.copyOf(vital.outcomes());
            specs.add(new RuleSpec(
                    AlertRule.VITAL_INTEREST,
                    vital.window(),
                    1,
                    false,
                    e -> actions.contains(e.action()) && outcomes.contains(e.outcome()),
                    "overrides>=1 window=" + vital.window() + " outcomes=" + String.join("|", vital.outcomes())
                            + " actions=" + String.join("|", vital.actions())));
        }
        AlertConfig.Impersonation impersonation = config.impersonation();
        if (impersonation.enabled()) {
            specs.add(everyOne(
                    AlertRule.IMPERSONATION,
                    impersonation.window(),
                    impersonation.actions(),
                    impersonation.outcomes(),
                    "impersonations>=1"));
        }
        AlertConfig.RoleChange roleChange = config.roleChange();
        if (roleChange.enabled()) {
            specs.add(everyOne(
                    AlertRule.ROLE_CHANGE,
                    roleChange.window(),
                    roleChange.actions(),
                    roleChange.outcomes(),
                    "changes>=1"));
        }
        AlertConfig.ScopeChange scopeChange = config.scopeChange();
        if (scopeChange.enabled()) {
            RuleSpec users = everyOne(
                    AlertRule.SCOPE_CHANGE,
                    scopeChange.window(),
                    scopeChange.actions(),
                    scopeChange.outcomes(),
                    "changes>=1");
            specs.add(new RuleSpec(
                    users.rule(),
                    users.window(),
                    users.threshold(),
                    users.countsWorkers(),
                    users.matches().and(RuleSpec::namesScope),
                    users.criteria() + " reason=agency|mission"));
        }
        return specs;
    }

    private static String withinMax(String criteria) {
        return criteria.length() <= MAX_CRITERIA ? criteria : criteria.substring(0, MAX_CRITERIA);
    }

    /** Whether the event's reason names an agency or a mission (the Keycloak mapper's words of a user's scope). */
    private static boolean namesScope(SealedEvent e) {
        return e.reasonValue("agency=") != null || e.reasonValue("mission=") != null;
    }

    /** A rule that raises an alert at the first event of these actions and outcomes in a window. */
    private static RuleSpec everyOne(
            AlertRule rule, Duration window, List<String> actionList, List<String> outcomeList, String measure) {
        Set<String> actions = Set.copyOf(actionList);
        Set<String> outcomes = Set.copyOf(outcomeList);
        String criteria = measure + " window=" + window + " outcomes=" + String.join("|", outcomeList);
        String named = criteria + " actions=" + String.join("|", actionList);
        return new RuleSpec(
                rule,
                window,
                1,
                false,
                e -> actions.contains(e.action()) && outcomes.contains(e.outcome()),
                named.length() <= MAX_CRITERIA ? named : criteria + " actions=" + actionList.size() + "-configured");
    }

    /** The longest window of these rules. */
    static Duration longest(List<RuleSpec> specs) {
        return specs.stream().map(RuleSpec::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
