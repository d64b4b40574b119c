package id.sinergi.audit.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The puller's cursor: pages read from it to the end, the next pull starting an overlap before the newest event,
 * late-stored events caught, a backlog read over several pulls, and a failed pull that moves nothing. A list
 * stands in for Keycloak's store (sorted by time, as the Admin REST API answers with {@code direction=asc}) and a
 * set of ids for the log.
 */
class PullWindowTest {

    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    /** Keycloak's stored events, in the order it stored them. */
    private final List<AuditEvent> keycloak = new ArrayList<>();

    /** The ids the log holds. */
    private final Set<UUID> log = new HashSet<>();

    private final AtomicInteger requests = new AtomicInteger();

    @Test
    void aPullReadsPageAfterPageUntilAShortOneAndStoresEveryEventOnce() {
        store(450, T0, Duration.ofSeconds(1));

        PullWindow.Read read = pull(Instant.EPOCH, 100, 10);

        assertThat(read.read()).isEqualTo(450);
        assertThat(read.fresh()).isEqualTo(450);
        assertThat(read.reachedEnd()).isTrue();
        assertThat(read.newest()).isEqualTo(T0.plusSeconds(449));
        assertThat(requests.get()).isEqualTo(5);
        assertThat(log).hasSize(450);
    }

    @Test
    void theNextPullStartsAnOverlapBeforeTheNewestEventAndNeverGoesBack() {
        PullWindow.Read read = new PullWindow.Read(10, 10, T0.plusSeconds(600), true, 0);
        PullWindow.Read early = new PullWindow.Read(3, 0, T0.plusSeconds(30), true, 0);

        assertThat(PullWindow.next(T0, read, OVERLAP))
                .isEqualTo(T0.plusSeconds(600).minus(OVERLAP));
        assertThat(PullWindow.next(T0, early, OVERLAP)).isEqualTo(T0);
        assertThat(PullWindow.next(T0, new PullWindow.Read(0, 0, null, true, 0), OVERLAP))
                .isEqualTo(T0);
    }

    @Test
    void anEventStoredLateWithAnOlderTimeIsReadByTheNextPullAndReReadEventsAreNotStoredAgain() {
        store(20, T0, Duration.ofSeconds(1));
        Instant from = PullWindow.next(Instant.EPOCH, pull(Instant.EPOCH, 100, 10), OVERLAP);
        AuditEvent late = event(T0.plusSeconds(5));
        keycloak.add(late);
        store(5, T0.plusSeconds(20), Duration.ofSeconds(1));

        PullWindow.Read second = pull(from, 100, 10);

        assertThat(second.read()).isEqualTo(26);
        assertThat(second.fresh()).isEqualTo(6);
        assertThat(log).contains(late.id()).hasSize(26);
    }

    @Test
    void aBacklogFromAnOutageIsReadOverSeveralPullsWithNothingLostOrTwice() {
        store(1000, T0, Duration.ofMillis(700));
        Instant from = Instant.EPOCH;
        int fresh = 0;
        int pulls = 0;
        PullWindow.Read read;

        do {
            read = pull(from, 100, 3);
            fresh += read.fresh();
            from = PullWindow.next(from, read, OVERLAP);
            pulls++;
        } while (!read.reachedEnd());

        assertThat(fresh).isEqualTo(1000);
        assertThat(log).hasSize(1000);
        assertThat(pulls).isGreaterThan(3);
        assertThat(from).isEqualTo(T0.plusMillis(999 * 700L).minus(OVERLAP));
    }

    @Test
    void aPullThatStopsAtItsPageLimitWithinOneOverlapStillMovesOn() {
        store(500, T0, Duration.ofMillis(10));

        PullWindow.Read read = pull(T0, 100, 2);
        Instant next = PullWindow.next(T0, read, OVERLAP);

        assertThat(read.reachedEnd()).isFalse();
        assertThat(next).isEqualTo(T0.plusMillis(199 * 10L));
    }

    @Test
    void aPullThatFailsHalfwayGivesNoCursorAndTheNextOneReadsEverything() {
        store(300, T0, Duration.ofSeconds(1));
        PullWindow.Pages failing = (from, first, max) -> first >= 100
                ? Uni.createFrom().failure(new IllegalStateException("Keycloak went away"))
                : pages().page(from, first, max);

        assertThatThrownBy(() -> PullWindow.read(failing, Instant.EPOCH, 100, 10, this::storeInLog)
                        .await()
                        .indefinitely())
                .hasMessageContaining("went away");
        PullWindow.Read retry = pull(Instant.EPOCH, 100, 10);

        assertThat(log).hasSize(300);
        assertThat(retry.fresh()).isEqualTo(200);
    }

    @Test
    void aRejectedEventIsSkippedCountedAndNeitherStopsThePullNorMovesTheCursorByItsTime() {
        store(250, T0, Duration.ofSeconds(1));
        AuditEvent ahead = event(T0.plus(Duration.ofDays(1)));
        Set<UUID> refused = Set.of(keycloak.get(5).id(), keycloak.get(120).id(), ahead.id());
        keycloak.add(ahead);
        PullWindow.Pages screened =
                (from, first, max) -> pages().page(from, first, max).map(page -> {
                    List<AuditEvent> kept = page.kept().stream()
                            .filter(e -> !refused.contains(e.id()))
                            .toList();
                    Instant newest = page.kept().stream()
                            .filter(e -> e != ahead)
                            .map(AuditEvent::occurredAt)
                            .max(Comparator.naturalOrder())
                            .orElse(null);
                    return new PullWindow.Page(page.size(), kept, newest);
                });

        PullWindow.Read read = PullWindow.read(screened, Instant.EPOCH, 100, 10, this::storeInLog)
                .await()
                .indefinitely();

        assertThat(read.read()).isEqualTo(251);
        assertThat(read.rejected()).isEqualTo(3);
        assertThat(read.fresh()).isEqualTo(248);
        assertThat(log).hasSize(248).doesNotContainAnyElementsOf(refused);
        assertThat(read.newest()).isEqualTo(T0.plusSeconds(249));
        assertThat(PullWindow.next(Instant.EPOCH, read, OVERLAP))
                .isEqualTo(T0.plusSeconds(249).minus(OVERLAP));
    }

    private PullWindow.Read pull(Instant from, int pageSize, int maxPages) {
        return PullWindow.read(pages(), from, pageSize, maxPages, this::storeInLog)
                .await()
                .indefinitely();
    }

    /** Keycloak's answer: events of that time and later, oldest first, skipping {@code first}. */
    private PullWindow.Pages pages() {
        return (from, first, max) -> {
            requests.incrementAndGet();
            List<AuditEvent> sorted = keycloak.stream()
                    .filter(e -> !e.occurredAt().isBefore(from))
                    .sorted(Comparator.comparing(AuditEvent::occurredAt))
                    .skip(first)
                    .limit(max)
                    .toList();
            return Uni.createFrom().item(PullWindow.Page.of(sorted));
        };
    }

    private Uni<Integer> storeInLog(List<AuditEvent> events) {
        int fresh = 0;
        for (AuditEvent e : events) {
            if (log.add(e.id())) {
                fresh++;
            }
        }
        return Uni.createFrom().item(fresh);
    }

    private void store(int n, Instant start, Duration step) {
        for (int i = 0; i < n; i++) {
            keycloak.add(event(start.plus(step.multipliedBy(i))));
        }
    }

    private static AuditEvent event(Instant at) {
        AuditActor actor = new AuditActor(UUID.randomUUID().toString(), null, null, null, "sinergi-cli", null);
        return new AuditEvent(
                UUID.randomUUID(),
                at,
                "keycloak",
                "keycloak.login",
                AuditOutcome.SUCCESS,
                actor,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
