package id.sinergi.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** A write the test completes by hand: each call waits until the test answers it. */
    private static final class HeldWrites implements Function<List<AuditEvent>, Uni<Set<UUID>>> {
        final List<List<AuditEvent>> calls = new ArrayList<>();
        final List<UniEmitter<? super Set<UUID>>> answers = new ArrayList<>();
        final Set<UUID> stored = new HashSet<>();

        @Override
        public synchronized Uni<Set<UUID>> apply(List<AuditEvent> events) {
            calls.add(events);
            return Uni.createFrom().emitter(answers::add);
        }

        /** Answers call {@code i} as a database would: the ids not stored before are stored now. */
        void commit(int i) {
            Set<UUID> fresh = new HashSet<>();
            for (AuditEvent e : calls.get(i)) {
                if (stored.add(e.id())) {
                    fresh.add(e.id());
                }
            }
            answers.get(i).complete(fresh);
        }
    }

    private static AuditEvent event(UUID id) {
        return new AuditEvent(
                id,
                Instant.parse("2026-12-04T10:00:00Z"),
                "case-service",
                "case.read",
                AuditOutcome.SUCCESS,
                new AuditActor("sub-1", "consul.kl", "KEMLU", "KBRI-KUALALUMPUR", "case-service", null),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void shouldWriteAnEventAloneWhenAWriterIsFreeAndGroupWhatArrivesWhileItIsBusy() {
        HeldWrites writes = new HeldWrites();
        GroupCommit g = new GroupCommit(500, 1, writes);

        var first = g.submit(event(UUID.randomUUID())).subscribe().withSubscriber(UniAssertSubscriber.create());
        List<UniAssertSubscriber<Boolean>> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(g.submit(event(UUID.randomUUID())).subscribe().withSubscriber(UniAssertSubscriber.create()));
        }
        int callsWhileBusy = writes.calls.size();
        writes.commit(0);
        int callsAfterFirst = writes.calls.size();
        writes.commit(1);

        assertThat(callsWhileBusy).isEqualTo(1);
        assertThat(writes.calls.get(0)).hasSize(1);
        first.assertItem(true);
        assertThat(callsAfterFirst).isEqualTo(2);
        assertThat(writes.calls.get(1)).hasSize(5);
        waiting.forEach(s -> s.assertItem(true));
    }

    @Test
    void shouldAnswerADuplicateForAnIdStoredBeforeOrEarlierInTheSameGroup() {
        HeldWrites writes = new HeldWrites();
        GroupCommit g = new GroupCommit(500, 1, writes);
        UUID known = UUID.randomUUID();
        UUID twice = UUID.randomUUID();
        writes.stored.add(known);

        g.submit(event(UUID.randomUUID())).subscribe().withSubscriber(UniAssertSubscriber.create());
        var storedBefore = g.submit(event(known)).subscribe().withSubscriber(UniAssertSubscriber.create());
        var firstOfTwo = g.submit(event(twice)).subscribe().withSubscriber(UniAssertSubscriber.create());
        var secondOfTwo = g.submit(event(twice)).subscribe().withSubscriber(UniAssertSubscriber.create());
        writes.commit(0);
        writes.commit(1);

        storedBefore.assertItem(false);
        firstOfTwo.assertItem(true);
        secondOfTwo.assertItem(false);
    }

    @Test
    void shouldWriteEachEventOfAFailedGroupAloneSoThatOnlyTheRefusedOneFails() {
        UUID refused = UUID.randomUUID();
        HeldWrites writes = new HeldWrites();
        GroupCommit g = new GroupCommit(500, 1, writes);

        g.submit(event(UUID.randomUUID())).subscribe().withSubscriber(UniAssertSubscriber.create());
        var ok1 = g.submit(event(UUID.randomUUID())).subscribe().withSubscriber(UniAssertSubscriber.create());
        var bad = g.submit(event(refused)).subscribe().withSubscriber(UniAssertSubscriber.create());
        var ok2 = g.submit(event(UUID.randomUUID())).subscribe().withSubscriber(UniAssertSubscriber.create());
        writes.commit(0);
        writes.answers.get(1).fail(new IllegalStateException("refused by a constraint"));
        writes.commit(2);
        writes.answers.get(3).fail(new IllegalStateException("refused by a constraint"));
        writes.commit(4);

        assertThat(writes.calls).extracting(List::size).containsExactly(1, 3, 1, 1, 1);
        assertThat(writes.calls.get(3)).extracting(AuditEvent::id).containsExactly(refused);
        ok1.assertItem(true);
        ok2.assertItem(true);
        bad.assertFailedWith(IllegalStateException.class, "refused by a constraint");
    }
}
