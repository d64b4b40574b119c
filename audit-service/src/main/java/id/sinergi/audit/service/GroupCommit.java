package id.sinergi.audit.service;

import id.sinergi.common.audit.AuditEvent;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Writes the events that arrive one per request together (group commit): each request waits for the commit of the
 * statement that holds its event, as it would for a statement of its own, but concurrent requests share one
 * statement and one WAL flush instead of paying one each. Nothing waits on a timer: an event is written at once
 * when a writer is free, and events that arrive while all writers are busy go together into the next write (up
 * to a maximum), so under a light load
 * every event is written alone, and the heavier the load the larger the groups.
 *
 * <p>Each request is answered with its own outcome: accepted, or a duplicate when its id was stored already or
 * came earlier in the same group. When a group's statement fails, each of its events is written again alone, so
 * that one event the database refuses fails its own request only; a failure of an event alone fails its request
 * (the database out of reach is a 503 problem, as for a request written alone).
 */
final class GroupCommit {

    private final int max;
    private final int writers;
    private final Function<List<AuditEvent>, Uni<Set<UUID>>> write;
    private final Object lock = new Object();
    private final Queue<Pending> queue = new ArrayDeque<>();
    private int writing;

    /** An event waiting for its write, and the request waiting for its outcome. */
    private record Pending(AuditEvent event, UniEmitter<? super Boolean> outcome) {}

    /**
     * @param max the most events one write takes ({@link IntakeConfig#groupCommitMax()})
     * @param writers the most writes in flight at once ({@link IntakeConfig#groupCommitWriters()})
     * @param write stores events all or none and gives the ids it stored (not those stored before)
     */
    GroupCommit(int max, int writers, Function<List<AuditEvent>, Uni<Set<UUID>>> write) {
        if (max < 1 || writers < 1) {
            throw new IllegalArgumentException("a group commit needs at least one event per write and one writer");
        }
        this.max = max;
        this.writers = writers;
        this.write = write;
    }

    /** Writes the event with others that wait at the same time; gives whether it was stored (false: a duplicate). */
    Uni<Boolean> submit(AuditEvent event) {
        return Uni.createFrom().emitter(outcome -> {
            synchronized (lock) {
                queue.add(new Pending(event, outcome));
            }
            drain();
        });
    }

    private void drain() {
        List<Pending> group = new ArrayList<>();
        synchronized (lock) {
            if (writing >= writers || queue.isEmpty()) {
                return;
            }
            while (!queue.isEmpty() && group.size() < max) {
                group.add(queue.poll());
            }
            writing++;
        }
        write.apply(group.stream().map(Pending::event).toList())
                .subscribe()
                .with(
                        stored -> {
                            done();
                            answer(group, stored);
                            drain();
                        },
                        failure -> {
                            done();
                            if (group.size() == 1) {
                                group.get(0).outcome().fail(failure);
                            } else {
                                Log.infof(
                                        "event=audit-group-write-failed events=%d effect=\"each written alone\""
                                                + " error=%s",
                                        group.size(), failure.getClass().getSimpleName());
                                group.forEach(this::alone);
                            }
                            drain();
                        });
    }

    private void done() {
        synchronized (lock) {
            writing--;
        }
    }

    /** Each event of the group is stored when the write stored its id, for the first of the group to name it. */
    private static void answer(List<Pending> group, Set<UUID> stored) {
        Set<UUID> answered = new HashSet<>();
        for (Pending p : group) {
            p.outcome()
                    .complete(stored.contains(p.event().id())
                            && answered.add(p.event().id()));
        }
    }

    private void alone(Pending p) {
        write.apply(List.of(p.event()))
                .subscribe()
                .with(stored -> p.outcome().complete(stored.contains(p.event().id())), p.outcome()::fail);
    }
}
