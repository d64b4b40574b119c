package id.sinergi.audit.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one rule to one officer's sealed events: a sliding window over occurred_at, and at most one alert per
 * window. An event inside the window of an alert already raised joins that alert; an event outside every alert's
 * window counts towards a new one, which fires when the events of the last {@code window} not yet in any alert
 * reach the threshold. Only a window holding an event not scanned before can fire, so a scan never re-raises what
 * an earlier one saw.
 */
final class Detector {

    private Detector() {}

    /** An alert's window: one stored earlier, or one this scan raises ({@code fresh}). */
    static final class Window {
        final UUID id;
        final Instant start;
        final Instant end;
        final boolean fresh;
        final List<SealedEvent> triggering;
        final int measure;

        Window(UUID id, Instant start, Instant end, boolean fresh, List<SealedEvent> triggering, int measure) {
            this.id = id;
            this.start = start;
            this.end = end;
            this.fresh = fresh;
            this.triggering = triggering;
            this.measure = measure;
        }

        boolean covers(Instant t) {
            return !t.isBefore(start) && t.isBefore(end);
        }
    }

    /** An event joining an alert. */
    record Link(Window window, SealedEvent event, boolean triggering) {}

    /** What a rule found: alerts to raise and events to link to alerts. */
    record Result(List<Window> raised, List<Link> links) {}

    /**
     * Evaluates the rule.
     *
     * @param spec the rule
     * @param events the officer's sealed events around the new ones (any order; those the rule ignores allowed)
     * @param existing the officer's stored alerts of this rule whose windows overlap the events
     * @param cursor the greatest leaf index scanned before; events above it are new
     */
    static Result evaluate(RuleSpec spec, List<SealedEvent> events, List<Window> existing, long cursor) {
        return evaluateMatching(spec, events.stream().filter(spec.matches()).toList(), existing, cursor);
    }

    /** {@link #evaluate} of events that the rule all looks at: the caller matched them already. */
    static Result evaluateMatching(RuleSpec spec, List<SealedEvent> events, List<Window> existing, long cursor) {
        List<SealedEvent> matching = new ArrayList<>(events);
        matching.sort(Comparator.comparing(SealedEvent::occurredAt).thenComparing(SealedEvent::leafIndex));
        List<Window> windows = new ArrayList<>(existing);
        windows.sort(Comparator.comparing(w -> w.start));
        List<Window> raised = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        List<SealedEvent> free = new ArrayList<>();
        for (SealedEvent e : matching) {
            Window covering = windows.stream()
                    .filter(w -> w.covers(e.occurredAt()))
                    .findFirst()
                    .orElse(null);
            if (covering != null) {
                if (covering.fresh || e.leafIndex() > cursor) {
                    links.add(new Link(covering, e, false));
                }
                continue;
            }
            free.add(e);
            Instant from = e.occurredAt().minus(spec.window());
            free.removeIf(f -> !f.occurredAt().isAfter(from));
            int measure = measure(spec, free);
            if (measure >= spec.threshold() && free.stream().anyMatch(f -> f.leafIndex() > cursor)) {
                Instant start = free.get(0).occurredAt();
                Window w = new Window(
                        UUID.randomUUID(), start, start.plus(spec.window()), true, List.copyOf(free), measure);
                windows.add(w);
                windows.sort(Comparator.comparing(x -> x.start));
                raised.add(w);
                free.forEach(f -> links.add(new Link(w, f, true)));
                free.clear();
            }
        }
        return new Result(raised, links);
    }

    private static int measure(RuleSpec spec, List<SealedEvent> events) {
        if (!spec.countsWorkers()) {
            return events.size();
        }
        Set<UUID> workers = new HashSet<>();
        events.stream().map(SealedEvent::workerId).filter(Objects::nonNull).forEach(workers::add);
        return workers.size();
    }
}
