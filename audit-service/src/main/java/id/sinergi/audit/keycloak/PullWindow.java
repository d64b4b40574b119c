package id.sinergi.audit.keycloak;

import id.sinergi.common.audit.AuditEvent;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Where a stream's pulls read: from the cursor on, oldest first, page after page; and where the next pull starts.
 *
 * <p>Keycloak stamps an event when it happens and stores it when its request ends, so an event can appear after
 * newer ones were read. The next pull therefore starts {@code overlap} before the newest event read, and the log
 * skips what it already holds by id. A pull that stops at its page limit before the end moves the cursor the same
 * way, or, if that would not move it (more events within one overlap than one pull reads), to its newest event.
 */
final class PullWindow {

    private PullWindow() {}

    /** One page of a stream: the events from {@code from} on, skipping {@code first}, at most {@code max}. */
    @FunctionalInterface
    interface Pages {
        Uni<Page> page(Instant from, int first, int max);
    }

    /**
     * One page as Keycloak gave it, screened.
     *
     * @param size the events Keycloak gave, rejected ones included (the offset of the next page counts them)
     * @param kept the events the log takes
     * @param newest the newest time the cursor may move by: of the kept events, and of rejected ones whose time is
     *     not ahead of the puller's clock (a time far ahead would move the cursor past events still to come);
     *     null when none
     */
    record Page(int size, List<AuditEvent> kept, Instant newest) {

        /** A page of which every event is kept. */
        static Page of(List<AuditEvent> events) {
            Instant newest = null;
            for (AuditEvent e : events) {
                if (newest == null || e.occurredAt().isAfter(newest)) {
                    newest = e.occurredAt();
                }
            }
            return new Page(events.size(), events, newest);
        }
    }

    /**
     * What a pull read.
     *
     * @param read events read
     * @param fresh of those, events the log did not hold yet
     * @param newest the newest event time read, null when none
     * @param reachedEnd whether the last page was short, so everything Keycloak had was read
     * @param rejected of the events read, those the log's rules refused (skipped, not stored)
     */
    record Read(int read, int fresh, Instant newest, boolean reachedEnd, int rejected) {

        /** What a pull that read nothing read. */
        static final Read NONE = new Read(0, 0, null, false, 0);
    }

    /**
     * Reads pages from {@code from} until a short page or {@code maxPages}, handing each page to {@code store}
     * (which gives how many of its events were new) before reading the next.
     */
    static Uni<Read> read(
            Pages pages, Instant from, int pageSize, int maxPages, Function<List<AuditEvent>, Uni<Integer>> store) {
        return readFrom(pages, from, pageSize, maxPages, store, 0, Read.NONE);
    }

    private static Uni<Read> readFrom(
            Pages pages,
            Instant from,
            int pageSize,
            int pagesLeft,
            Function<List<AuditEvent>, Uni<Integer>> store,
            int first,
            Read soFar) {
        if (pagesLeft == 0) {
            return Uni.createFrom().item(soFar);
        }
        return pages.page(from, first, pageSize)
                .flatMap(page -> store.apply(page.kept()).flatMap(fresh -> {
                    Instant newest = soFar.newest();
                    if (page.newest() != null
                            && (newest == null || page.newest().isAfter(newest))) {
                        newest = page.newest();
                    }
                    boolean end = page.size() < pageSize;
                    Read read = new Read(
                            soFar.read() + page.size(),
                            soFar.fresh() + fresh,
                            newest,
                            end,
                            soFar.rejected() + page.size() - page.kept().size());
                    return end
                            ? Uni.createFrom().item(read)
                            : readFrom(pages, from, pageSize, pagesLeft - 1, store, first + page.size(), read);
                }));
    }

    /** Where the next pull starts, after one that started at {@code from} and read this. */
    static Instant next(Instant from, Read read, Duration overlap) {
        if (read.newest() == null) {
            return from;
        }
        Instant behind = read.newest().minus(overlap);
        if (behind.isAfter(from)) {
            return behind;
        }
        return read.reachedEnd() ? from : read.newest();
    }
}
