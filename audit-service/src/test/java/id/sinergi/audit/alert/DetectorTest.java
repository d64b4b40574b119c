package id.sinergi.audit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DetectorTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static final RuleSpec BURST = new RuleSpec(
            AlertRule.DENIAL_BURST,
            Duration.ofMinutes(1),
            5,
            false,
            e -> "DENIED".equals(e.outcome()),
            "denials>=5 window=PT1M");

    @Test
    void fiveDenialsWithinAMinuteRaiseOneAlertAndFourDoNot() {
        List<SealedEvent> four = denials(0, 4, 10);
        List<SealedEvent> five = denials(0, 5, 10);

        assertThat(Detector.evaluate(BURST, four, List.of(), -1).raised()).isEmpty();
        Detector.Result result = Detector.evaluate(BURST, five, List.of(), -1);

        assertThat(result.raised()).hasSize(1);
        assertThat(result.raised().get(0).start).isEqualTo(T0);
        assertThat(result.raised().get(0).end).isEqualTo(T0.plusSeconds(60));
        assertThat(result.links()).hasSize(5).allMatch(Detector.Link::triggering);
    }

    @Test
    void aSustainedBurstIsOneAlertPerWindow() {
        List<SealedEvent> events = denials(0, 12, 10);

        Detector.Result result = Detector.evaluate(BURST, events, List.of(), -1);

        // Events at 0..50 s make the first alert (window 0-60 s); 60..110 s count afresh and make a second.
        assertThat(result.raised()).hasSize(2);
        assertThat(result.raised().get(1).start).isEqualTo(T0.plusSeconds(60));
        assertThat(result.links().stream().filter(l -> !l.triggering())).hasSize(2);
    }

    @Test
    void aLateEventCompletesAWindowOfEventsScannedBefore() {
        List<SealedEvent> events = new ArrayList<>(denials(0, 4, 10));
        // Sealed later (a greater leaf index) but happened in between: delivered late from an outbox.
        events.add(denial(100, T0.plusSeconds(15)));

        Detector.Result result = Detector.evaluate(BURST, events, List.of(), 3);

        assertThat(result.raised()).hasSize(1);
        assertThat(result.raised().get(0).triggering).hasSize(5);
    }

    @Test
    void windowsSeenBeforeDoNotFireAgainAndNewEventsInAStoredWindowJoinIt() {
        List<SealedEvent> events = denials(0, 7, 5);
        Detector.Window stored = new Detector.Window(UUID.randomUUID(), T0, T0.plusSeconds(60), false, List.of(), 5);

        Detector.Result result = Detector.evaluate(BURST, events, List.of(stored), 4);

        assertThat(result.raised()).isEmpty();
        assertThat(result.links()).hasSize(2).allMatch(l -> l.window() == stored && !l.triggering());
        assertThat(Detector.evaluate(BURST, events, List.of(), 5).raised()).hasSize(1);
        assertThat(Detector.evaluate(BURST, events, List.of(), 6).raised())
                .as("no new event in the window")
                .isEmpty();
    }

    @Test
    void theMassReadRuleCountsDistinctWorkers() {
        RuleSpec massRead =
                new RuleSpec(AlertRule.MASS_READ, Duration.ofMinutes(10), 3, true, e -> e.workerId() != null, "test");
        UUID worker = UUID.randomUUID();
        List<SealedEvent> sameWorker = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameWorker.add(read(i, worker, T0.plusSeconds(i)));
        }
        List<SealedEvent> three = List.of(
                read(0, UUID.randomUUID(), T0),
                read(1, UUID.randomUUID(), T0.plusSeconds(1)),
                read(2, UUID.randomUUID(), T0.plusSeconds(2)));

        assertThat(Detector.evaluate(massRead, sameWorker, List.of(), -1).raised())
                .isEmpty();
        assertThat(Detector.evaluate(massRead, three, List.of(), -1).raised()).hasSize(1);
    }

    @Test
    void consentServiceEventsFallToTheOfficerTheyName() {
        SealedEvent consent = new SealedEvent(
                1,
                UUID.randomUUID(),
                T0,
                "consent-service",
                "consent.vital-interest.invoke",
                "SUCCESS",
                "case-service-account",
                "service-account-case-service",
                null,
                null,
                UUID.randomUUID(),
                "case=c1 category=TRAFFICKING officer=officer-1 mission=KBRI-KUALALUMPUR expires=x");

        assertThat(consent.accountable()).isEqualTo("officer-1");
        assertThat(consent.accountableMission()).isEqualTo("KBRI-KUALALUMPUR");
    }

    private static List<SealedEvent> denials(long firstLeaf, int n, int secondsApart) {
        List<SealedEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(denial(firstLeaf + i, T0.plusSeconds((long) i * secondsApart)));
        }
        return events;
    }

    private static SealedEvent denial(long leaf, Instant at) {
        return new SealedEvent(
                leaf,
                UUID.randomUUID(),
                at,
                "identity-service",
                "worker.placement.read",
                "DENIED",
                "officer-1",
                "consul.kl",
                "KEMLU",
                "KBRI-KUALALUMPUR",
                UUID.randomUUID(),
                "NO_GRANT");
    }

    private static SealedEvent read(long leaf, UUID worker, Instant at) {
        return new SealedEvent(
                leaf,
                UUID.randomUUID(),
                at,
                "identity-service",
                "worker.read",
                "SUCCESS",
                "officer-1",
                "consul.kl",
                "KEMLU",
                "KBRI-KUALALUMPUR",
                worker,
                null);
    }
}
