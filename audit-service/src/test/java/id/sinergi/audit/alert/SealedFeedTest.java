package id.sinergi.audit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.domain.AuditRecord;
import id.sinergi.audit.log.SealedRound;
import id.sinergi.common.audit.AuditOutcome;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The feed of sealed events the scanner takes from: one run of consecutive leaves, bounded, in leaf order. */
class SealedFeedTest {

    @Test
    void givesTheLeavesAfterTheCursorInOrderAtMostAsManyAsAsked() {
        SealedFeed feed = feed(100);
        feed.sealed(round(0, 5));
        feed.sealed(round(5, 3));

        assertThat(leaves(feed.after(-1, 100))).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(leaves(feed.after(2, 4))).containsExactly(3L, 4L, 5L, 6L);
        // Past its last leaf the feed cannot tell whether another replica sealed more: the database is asked.
        assertThat(feed.after(7, 100)).isNull();
    }

    @Test
    void givesNothingWhenItDoesNotHoldTheLeafAfterTheCursor() {
        SealedFeed feed = feed(100);
        feed.sealed(round(10, 5));

        // Leaves 0 to 9 were sealed by another replica, or before this one started: the database has them.
        assertThat(feed.after(4, 100)).isNull();
        assertThat(leaves(feed.after(9, 100))).containsExactly(10L, 11L, 12L, 13L, 14L);
        // The leaves up to a cursor are let go once a scan has asked past them.
        assertThat(leaves(feed.after(12, 100))).containsExactly(13L, 14L);
        assertThat(feed.after(9, 100)).isNull();
    }

    @Test
    void aRoundThatDoesNotFollowTheLastStartsTheRunAnew() {
        SealedFeed feed = feed(100);
        feed.sealed(round(0, 5));
        // Another replica sealed leaves 5 to 19.
        feed.sealed(round(20, 2));

        assertThat(feed.after(4, 100)).isNull();
        assertThat(leaves(feed.after(19, 100))).containsExactly(20L, 21L);
    }

    @Test
    void keepsTheNewestLeavesUpToItsCapacityAndNoneWhenItIsZero() {
        SealedFeed bounded = feed(4);
        bounded.sealed(round(0, 3));
        bounded.sealed(round(3, 3));

        assertThat(bounded.after(-1, 100)).isNull();
        assertThat(leaves(bounded.after(1, 100))).containsExactly(2L, 3L, 4L, 5L);

        SealedFeed off = feed(0);
        off.sealed(round(0, 3));
        assertThat(off.after(-1, 100)).isNull();
    }

    @Test
    void theEventsAreTheSealedEntriesAsTheRulesSeeThem() {
        SealedFeed feed = feed(100);
        SealedRound round = round(7, 1);
        AuditRecord r = round.records().get(0);
        feed.sealed(round);

        SealedEvent e = feed.after(6, 1).get(0);
        assertThat(e)
                .isEqualTo(new SealedEvent(
                        7,
                        r.eventId,
                        r.occurredAt,
                        "identity-service",
                        "worker.read",
                        "DENIED",
                        r.actorSubject,
                        "consul.kl",
                        "KEMLU",
                        "KBRI-KUALALUMPUR",
                        r.workerId,
                        "other-mission officer=x"));
    }

    private static SealedFeed feed(int capacity) {
        SealedFeed feed = new SealedFeed();
        feed.config = (AlertConfig) Proxy.newProxyInstance(
                AlertConfig.class.getClassLoader(), new Class<?>[] {AlertConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("feedEvents")) {
                        return capacity;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return feed;
    }

    private static SealedRound round(long firstLeaf, int size) {
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            AuditRecord r = new AuditRecord();
            r.eventId = UUID.randomUUID();
            r.occurredAt = Instant.parse("2026-12-05T08:00:00Z").plusSeconds(firstLeaf + i);
            r.service = "identity-service";
            r.action = "worker.read";
            r.outcome = AuditOutcome.DENIED;
            r.actorSubject = UUID.randomUUID().toString();
            r.actorUsername = "consul.kl";
            r.actorAgency = "KEMLU";
            r.actorMission = "KBRI-KUALALUMPUR";
            r.workerId = UUID.randomUUID();
            r.reason = "other-mission officer=x";
            records.add(r);
        }
        return new SealedRound(firstLeaf, records);
    }

    private static List<Long> leaves(List<SealedEvent> events) {
        return events.stream().map(SealedEvent::leafIndex).toList();
    }
}
