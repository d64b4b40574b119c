package id.sinergi.audit.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the alert scanner keeps of one officer between scans, so that a scan evaluates the officer's new events
 * without reading their earlier ones again. Per rule: the officer's stored alert windows that end after a horizon,
 * and the officer's matching sealed events since the horizon that lie in no stored window ("free" events). The
 * horizon is twice the rule's window before the latest matching event seen, and never moves back.
 *
 * <p>Why {@link Detector#evaluate} on (free events and new events, remembered windows) gives what it gives on the
 * database path's re-read (the officer's events and alerts within the longest window of the new events). Let w be
 * the rule's window and A the times less than w from a new event.
 *
 * <ol>
 *   <li>Only events in A matter. An event raises an alert only when a new event is among the free events of the
 *       window before it, so it lies in A; the alert starts at one of those free events and ends w later, inside
 *       A; an event scanned before is linked only into an alert raised now. The events that decide whether an
 *       event raises an alert lie within w before it and, when one of them is new, in A. The re-read holds every
 *       event and stored window that reaches A, so it gives the same as all events and windows would.
 *   <li>A new event whose own window before it reaches behind the horizon falls back to the re-read. Otherwise, in
 *       A, the memory holds the same new events, every earlier event that no stored window covers, and every stored
 *       window that reaches A.
 *   <li>What the memory lacks are earlier events that a stored window [s', e') covers. The detector skips such an
 *       event (no link: neither the window nor the event is new) unless an alert [s, s + w) raised now, with s &lt;
 *       s', comes first. That alert was raised at a free event before the skipped one, so before s' (a free event
 *       at or after s' lies at or after e'), and holds a new event from s to there: a new event lies less than w
 *       before s'. The memory falls back when a new event lies less than w before a remembered window's start.
 * </ol>
 *
 * Instances do not change: a scan makes the next one, which the scanner keeps once the scan's transaction
 * committed.
 */
final class OfficerMemory {

    /** The scan (its greatest leaf) that last read the officer's events from the database. */
    final long loadedAt;

    private final Map<AlertRule, RuleMemory> rules;

    /** How many events and windows the rules hold: counted once, as the memory never changes. */
    private final int size;

    /**
     * One rule's part.
     *
     * @param horizon free events from here on are all remembered, and windows ending after it
     * @param latest the latest occurred_at of a matching event seen (null when none)
     * @param free the matching events no stored window covers, by occurred_at and leaf
     * @param windows the stored windows ending after the horizon, by start
     */
    record RuleMemory(Instant horizon, Instant latest, List<SealedEvent> free, List<Detector.Window> windows) {

        int size() {
            return free.size() + windows.size();
        }
    }

    private OfficerMemory(long loadedAt, Map<AlertRule, RuleMemory> rules) {
        this.loadedAt = loadedAt;
        this.rules = rules;
        int total = 0;
        for (RuleMemory rule : rules.values()) {
            total += rule.size();
        }
        this.size = total;
    }

    /**
     * The memory after the database path read the officer.
     *
     * @param specs the rules, in the order of {@code results}
     * @param known every sealed event of the officer from {@code from} on, the new ones included
     * @param stored the officer's stored windows per rule, at least those ending after {@code from}
     * @param results what each rule found in this scan
     * @param from the earliest occurred_at the database path read
     * @param loadedAt the greatest leaf of this scan
     * @param maxRuleEvents the most events and windows one rule may keep
     * @return the memory, or null when a rule would keep more than {@code maxRuleEvents}
     */
    static OfficerMemory load(
            List<RuleSpec> specs,
            Collection<SealedEvent> known,
            Map<AlertRule, List<Detector.Window>> stored,
            List<Detector.Result> results,
            Instant from,
            long loadedAt,
            int maxRuleEvents) {
        Map<AlertRule, RuleMemory> rules = new EnumMap<>(AlertRule.class);
        for (int i = 0; i < specs.size(); i++) {
            RuleSpec spec = specs.get(i);
            List<SealedEvent> matching = known.stream()
                    .filter(spec.matches())
                    .map(OfficerMemory::compact)
                    .toList();
            Instant latest = latest(null, matching);
            Instant horizon =
                    latest == null ? from : max(from, latest.minus(spec.window().multipliedBy(2)));
            List<Detector.Window> windows = new ArrayList<>(stored.getOrDefault(spec.rule(), List.of()));
            windows.addAll(results.get(i).raised());
            RuleMemory rule = keep(horizon, latest, matching, windows);
            if (rule.size() > maxRuleEvents) {
                return null;
            }
            rules.put(spec.rule(), rule);
        }
        return new OfficerMemory(loadedAt, rules);
    }

    /**
     * Why the memory cannot answer for this new event of the officer exactly ({@code late}: it lies so early that
     * its window reaches behind a horizon; {@code overlap}: it lies just before a remembered alert window, which an
     * alert raised now could overlap), or null when it can. The memory answers for several events when it answers
     * for each.
     */
    String refusal(List<RuleSpec> specs, RuleSpec.Matched fresh) {
        SealedEvent e = fresh.event();
        for (int i = 0; i < specs.size(); i++) {
            if (!fresh.by(i)) {
                continue;
            }
            RuleSpec spec = specs.get(i);
            RuleMemory rule = rules.get(spec.rule());
            if (rule == null) {
                return "unknown";
            }
            if (e.occurredAt().minus(spec.window()).isBefore(rule.horizon())) {
                return "late";
            }
            for (Detector.Window w : rule.windows()) {
                if (overlappable(w, e.occurredAt(), spec.window())) {
                    return "overlap";
                }
            }
        }
        return null;
    }

    /** Whether an alert raised now around a new event at {@code t} could start before w and take its events. */
    private static boolean overlappable(Detector.Window w, Instant t, Duration window) {
        return w.start.isAfter(t) && w.start.isBefore(t.plus(window));
    }

    /**
     * Applies the rules to the officer's new events (only when {@link #refusal} gave null for each); gives each
     * rule's result, in the order of {@code specs}.
     *
     * @param fresh the new events each rule looks at, in the order of {@code specs} ({@link RuleSpec#byRule})
     */
    List<Detector.Result> evaluate(List<RuleSpec> specs, List<List<SealedEvent>> fresh, long cursor) {
        List<Detector.Result> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RuleSpec spec = specs.get(i);
            List<SealedEvent> mine = fresh.get(i);
            if (mine.isEmpty()) {
                // No new event: the detector would raise and link nothing.
                results.add(new Detector.Result(List.of(), List.of()));
                continue;
            }
            RuleMemory rule = rules.get(spec.rule());
            List<SealedEvent> events = near(rule.free(), mine, spec.window());
            events.addAll(mine);
            // The free events matched the rule when they were new.
            results.add(Detector.evaluateMatching(spec, events, rule.windows(), cursor));
        }
        return results;
    }

    /** The free events less than a window from the first and last new event, the only ones that matter. */
    private static List<SealedEvent> near(List<SealedEvent> free, List<SealedEvent> fresh, Duration window) {
        Instant first = fresh.get(0).occurredAt();
        Instant last = first;
        for (SealedEvent e : fresh) {
            first = e.occurredAt().isBefore(first) ? e.occurredAt() : first;
            last = e.occurredAt().isAfter(last) ? e.occurredAt() : last;
        }
        Instant from = first.minus(window);
        Instant to = last.plus(window);
        int lo = 0;
        int hi = free.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (free.get(mid).occurredAt().isAfter(from)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        List<SealedEvent> near = new ArrayList<>();
        for (int i = lo; i < free.size() && free.get(i).occurredAt().isBefore(to); i++) {
            near.add(free.get(i));
        }
        return near;
    }

    /**
     * The memory after a scan that {@link #evaluate}d these new events with these results, or null when a rule
     * would keep more than {@code maxRuleEvents}.
     *
     * @param fresh the new events each rule looks at, as {@link #evaluate} took them
     */
    OfficerMemory next(
            List<RuleSpec> specs, List<List<SealedEvent>> fresh, List<Detector.Result> results, int maxRuleEvents) {
        Map<AlertRule, RuleMemory> next = new EnumMap<>(rules);
        for (int i = 0; i < specs.size(); i++) {
            RuleSpec spec = specs.get(i);
            List<SealedEvent> mine = fresh.get(i);
            if (mine.isEmpty()) {
                continue;
            }
            RuleMemory rule = rules.get(spec.rule());
            Instant latest = latest(rule.latest(), mine);
            Instant horizon = max(rule.horizon(), latest.minus(spec.window().multipliedBy(2)));
            List<SealedEvent> candidates = new ArrayList<>(rule.free());
            mine.forEach(e -> candidates.add(compact(e)));
            List<Detector.Window> windows = new ArrayList<>(rule.windows());
            windows.addAll(results.get(i).raised());
            RuleMemory kept = keep(horizon, latest, candidates, windows);
            if (kept.size() > maxRuleEvents) {
                return null;
            }
            next.put(spec.rule(), kept);
        }
        return new OfficerMemory(loadedAt, next);
    }

    /** How many events and windows the memory holds. */
    int size() {
        return size;
    }

    /** The part of a rule: windows ending after the horizon, and the events from the horizon on that none covers. */
    private static RuleMemory keep(
            Instant horizon, Instant latest, List<SealedEvent> events, List<Detector.Window> windows) {
        List<Detector.Window> kept = windows.stream()
                .filter(w -> w.end.isAfter(horizon))
                .map(w -> w.fresh ? new Detector.Window(w.id, w.start, w.end, false, List.of(), 0) : w)
                .sorted(Comparator.comparing(w -> w.start))
                .toList();
        // A window covering an event from the horizon on ends after the horizon, so it is among those kept.
        List<SealedEvent> free = events.stream()
                .filter(e -> !e.occurredAt().isBefore(horizon))
                .filter(e -> kept.stream().noneMatch(w -> w.covers(e.occurredAt())))
                .sorted(Comparator.comparing(SealedEvent::occurredAt).thenComparing(SealedEvent::leafIndex))
                .toList();
        return new RuleMemory(horizon, latest, free, kept);
    }

    /** The event with its repeated strings shared (services, actions, outcomes and officers are few). */
    private static SealedEvent compact(SealedEvent e) {
        return new SealedEvent(
                e.leafIndex(),
                e.eventId(),
                e.occurredAt(),
                intern(e.service()),
                intern(e.action()),
                intern(e.outcome()),
                intern(e.actorSubject()),
                intern(e.actorUsername()),
                intern(e.actorAgency()),
                intern(e.actorMission()),
                e.workerId(),
                e.reason());
    }

    private static String intern(String s) {
        return s == null ? null : s.intern();
    }

    private static Instant latest(Instant latest, List<SealedEvent> events) {
        Instant result = latest;
        for (SealedEvent e : events) {
            if (result == null || e.occurredAt().isAfter(result)) {
                result = e.occurredAt();
            }
        }
        return result;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
