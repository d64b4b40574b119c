package id.sinergi.audit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scanner's memory of officers: valid at one cursor only, and within its limits. */
class AlertMemoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static final List<RuleSpec> SPECS = List.of(new RuleSpec(
            AlertRule.DENIAL_BURST, Duration.ofMinutes(1), 5, false, e -> "DENIED".equals(e.outcome()), "test"));

    @Test
    void aCursorMovedByAnotherScannerForgetsEveryOfficer() {
        AlertMemory memory = new AlertMemory(10, 100);
        memory.moveTo(-1);
        assertThat(memory.apply(-1, 10, Map.of("a", officer(2, 10), "b", officer(1, 10))))
                .isTrue();

        int unchanged = memory.moveTo(10);
        int moved = memory.moveTo(12);

        assertThat(unchanged).isZero();
        assertThat(moved).isEqualTo(2);
        assertThat(memory.officers()).isZero();
        assertThat(memory.events()).isZero();
        assertThat(memory.cursor()).isEqualTo(12);
    }

    @Test
    void aScanCommittedFromAnotherCursorIsNotTakenAndForgetsEveryOfficer() {
        AlertMemory memory = new AlertMemory(10, 100);
        memory.moveTo(-1);
        memory.apply(-1, 10, Map.of("a", officer(2, 10)));

        boolean taken = memory.apply(5, 20, Map.of("b", officer(1, 20)));

        assertThat(taken).isFalse();
        assertThat(memory.loadedAt("a")).isNull();
        assertThat(memory.loadedAt("b")).isNull();
        assertThat(memory.cursor()).isEqualTo(AlertMemory.NONE);
        assertThat(memory.moveTo(20)).as("nothing left to drop").isZero();
    }

    @Test
    void theLeastRecentlySeenOfficersGoFirstBeyondEitherLimit() {
        AlertMemory memory = new AlertMemory(2, 5);
        memory.moveTo(-1);
        memory.apply(-1, 1, Map.of("a", officer(1, 1)));
        memory.apply(1, 2, Map.of("b", officer(1, 2)));
        memory.get("a");

        memory.apply(2, 3, Map.of("c", officer(1, 3)));

        assertThat(memory.loadedAt("b")).as("least recently seen").isNull();
        assertThat(memory.loadedAt("a")).isEqualTo(1);
        assertThat(memory.loadedAt("c")).isEqualTo(3);

        Map<String, OfficerMemory> changes = new HashMap<>();
        changes.put("d", officer(4, 4));
        changes.put("a", null);
        memory.apply(3, 4, changes);

        assertThat(memory.loadedAt("a")).as("forgotten by the scan").isNull();
        assertThat(memory.loadedAt("c")).as("1 + 4 events fit, 5 would not").isEqualTo(3);
        assertThat(memory.events()).isEqualTo(5);
        memory.apply(4, 5, Map.of("c", officer(2, 5)));
        assertThat(memory.loadedAt("d")).as("over 5 events").isNull();
        assertThat(memory.events()).isEqualTo(2);
    }

    /** An officer's memory holding this many denials, loaded at this scan. */
    private static OfficerMemory officer(int denials, long loadedAt) {
        List<SealedEvent> events = new ArrayList<>();
        for (int i = 0; i < denials; i++) {
            events.add(new SealedEvent(
                    i,
                    UUID.randomUUID(),
                    T0.plusSeconds(i),
                    "identity-service",
                    "worker.placement.read",
                    "DENIED",
                    "officer",
                    "consul.kl",
                    "KEMLU",
                    "KBRI-KUALALUMPUR",
                    null,
                    "NO_GRANT"));
        }
        List<Detector.Result> none = List.of(new Detector.Result(List.of(), List.of()));
        return OfficerMemory.load(SPECS, events, Map.of(), none, T0.minusSeconds(60), loadedAt, 100);
    }
}
