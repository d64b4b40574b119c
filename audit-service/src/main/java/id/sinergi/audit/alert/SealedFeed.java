package id.sinergi.audit.alert;

import id.sinergi.audit.log.SealedRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The events this replica's sealer sealed last, as the rules see them, for the scanner to take instead of reading
 * each new leaf back from the database. It holds one run of consecutive leaves: a round that does not follow the
 * last one (another replica sealed in between) starts the run anew, and beyond {@link AlertConfig#feedEvents} the
 * oldest leaves go. The scanner falls back to the database for whatever the feed does not hold.
 */
@ApplicationScoped
public class SealedFeed {

    /** The most distinct strings shared between the feed's events before the table starts anew. */
    static final int MAX_SHARED = 20_000;

    private final ArrayDeque<SealedEvent> events = new ArrayDeque<>();

    /**
     * One instance of each service, action, agency, mission and officer the feed's events name: they are few, and
     * each row read back from the database brings copies of its own. Used by the sealer's thread only.
     */
    private final Map<String, String> shared = new HashMap<>();

    @Inject
    AlertConfig config;

    /** Takes a committed round of the sealer. */
    void sealed(@Observes SealedRound round) {
        int capacity = config.feedEvents();
        if (capacity <= 0) {
            return;
        }
        List<SealedEvent> fresh = new ArrayList<>(round.records().size());
        long leaf = round.firstLeaf();
        if (shared.size() > MAX_SHARED) {
            shared.clear();
        }
        for (var record : round.records()) {
            fresh.add(SealedEvent.of(leaf++, record, this::share));
        }
        synchronized (this) {
            if (!events.isEmpty() && events.peekLast().leafIndex() + 1 != round.firstLeaf()) {
                events.clear();
            }
            events.addAll(fresh);
            while (events.size() > capacity) {
                events.pollFirst();
            }
        }
    }

    private String share(String value) {
        return value == null ? null : shared.computeIfAbsent(value, v -> v);
    }

    /**
     * Up to {@code max} events from leaf {@code cursor + 1} on, in leaf order, when the feed holds that leaf; null
     * when it does not (the scanner then reads the leaves from the database). The leaves up to the cursor, scanned
     * already, are let go.
     */
    synchronized List<SealedEvent> after(long cursor, int max) {
        while (!events.isEmpty() && events.peekFirst().leafIndex() <= cursor) {
            events.pollFirst();
        }
        if (events.isEmpty() || events.peekFirst().leafIndex() != cursor + 1) {
            return null;
        }
        List<SealedEvent> next = new ArrayList<>(Math.min(max, events.size()));
        Iterator<SealedEvent> it = events.iterator();
        while (it.hasNext() && next.size() < max) {
            next.add(it.next());
        }
        return next;
    }
}
