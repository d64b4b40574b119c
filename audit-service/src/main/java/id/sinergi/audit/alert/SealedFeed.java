package id.sinergi.audit.alert;

import id.sinergi.audit.log.SealedRound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The events this replica's sealer sealed last, as the rules see them, for the scanner to take instead of reading
 * each new leaf back from the database. It holds one run of consecutive leaves: a round that does not follow the
 * last one (another replica sealed in between) starts the run anew, and beyond {@link AlertConfig#feedEvents} the
 * oldest leaves go. The scanner falls back to the database for whatever the feed does not hold.
 */
@ApplicationScoped
public class SealedFeed {

    private final ArrayDeque<SealedEvent> events = new ArrayDeque<>();

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
        for (var record : round.records()) {
            fresh.add(SealedEvent.of(leaf++, record));
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
