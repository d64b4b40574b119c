package id.sinergi.audit.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The scanner's memory of an officer against the database path it replaces: random sequences of scans, with events
 * out of order, late ones and forgotten memories, give the same alerts and links both ways. The database is a model
 * of what the scanner's three statements read for one officer (AlertMemoryScanTest runs the real ones).
 */
class OfficerMemoryTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private static final List<RuleSpec> SPECS = List.of(
            new RuleSpec(
                    AlertRule.DENIAL_BURST,
                    Duration.ofSeconds(60),
                    3,
                    false,
                    e -> "DENIED".equals(e.outcome()),
                    "denials>=3"),
            new RuleSpec(
                    AlertRule.MASS_READ,
                    Duration.ofSeconds(100),
                    3,
                    true,
                    e -> e.workerId() != null && e.action().endsWith(".read"),
                    "distinct-workers>2"),
            new RuleSpec(
                    AlertRule.OUT_OF_SCOPE,
                    Duration.ofSeconds(30),
                    1,
                    false,
                    e -> "DENIED".equals(e.outcome()) && e.reasonHas("other-mission"),
                    "denied-attempts>=1"));

    private static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59Z");

    @Test
    void randomScansGiveTheSameAlertsAndLinksFromMemoryAsFromTheDatabase() {
        Map<String, Integer> paths = new HashMap<>();
        int alerts = 0;
        int laterLinks = 0;

        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            Tables reference = new Tables();
            Tables remembering = new Tables();
            OfficerMemory memory = null;
            long leaf = 0;
            long cursor = -1;
            Instant clock = T0;
            for (int scan = 0; scan < 40; scan++) {
                List<SealedEvent> fresh = new ArrayList<>();
                int count = 1 + random.nextInt(6);
                for (int i = 0; i < count; i++) {
                    clock = clock.plusSeconds(random.nextInt(16));
                    long lateBy = random.nextInt(10) == 0 ? random.nextInt(400) : random.nextInt(4);
                    fresh.add(event(random, leaf++, clock.minusSeconds(lateBy)));
                }
                reference.events.addAll(fresh);
                remembering.events.addAll(fresh);
                List<SealedEvent> mine = fresh.stream()
                        .filter(e -> SPECS.stream().anyMatch(s -> s.matches().test(e)))
                        .toList();
                if (random.nextInt(30) == 0) {
                    memory = null; // forgotten (least recently seen, or another replica scanned)
                }
                if (!mine.isEmpty()) {
                    List<Detector.Result> expected = reference.store(reference.reread(mine, false, cursor, leaf - 1));
                    String refusal = memory == null ? "unknown" : refusal(memory, mine);
                    List<Detector.Result> actual;
                    if (refusal == null) {
                        actual = memory.evaluate(SPECS, byRule(mine), cursor);
                        memory = memory.next(SPECS, byRule(mine), actual, 10_000);
                        refusal = "memory";
                    } else {
                        Read read = remembering.reread(mine, true, cursor, leaf - 1);
                        actual = read.results();
                        memory = OfficerMemory.load(
                                SPECS, read.known(), read.stored(), actual, read.from(), leaf - 1, 10_000);
                    }
                    remembering.store(actual);
                    paths.merge(refusal, 1, Integer::sum);

                    assertThat(normal(actual))
                            .as("seed %d scan %d (%s)", seed, scan, refusal)
                            .isEqualTo(normal(expected));
                    alerts += expected.stream().mapToInt(r -> r.raised().size()).sum();
                    laterLinks += (int) expected.stream()
                            .flatMap(r -> r.links().stream())
                            .filter(l -> !l.triggering())
                            .count();
                }
                cursor = leaf - 1;
            }
        }

        // The sequences exercise every path: mostly memory, and each reason to read the database instead.
        int scans = paths.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(paths.get("memory")).isGreaterThan(scans / 2);
        assertThat(paths).containsKeys("unknown", "late", "overlap");
        assertThat(alerts).isGreaterThan(1000);
        assertThat(laterLinks).isGreaterThan(1000);
    }

    @Test
    void aMemoryLoadedByAScanOfOtherRulesDoesNotReachBehindWhatItRead() {
        Tables tables = new Tables();
        tables.events.add(denied(0, T0.plusSeconds(40), "NO_GRANT"));
        tables.events.add(denied(1, T0.plusSeconds(60), "NO_GRANT"));
        SealedEvent read = read(2, T0.plusSeconds(150), WORKERS[0]);
        tables.events.add(read);
        // Read from T0+50 (the longest window, 100 s, before the read): the denial at T0+60 but not the one at T0+40.
        Read loaded = tables.reread(List.of(read), true, 1, 2);
        OfficerMemory memory =
                OfficerMemory.load(SPECS, loaded.known(), loaded.stored(), loaded.results(), loaded.from(), 2, 100);
        SealedEvent late = denied(3, T0.plusSeconds(55), "NO_GRANT");
        tables.events.add(late);

        String refusal = refusal(memory, List.of(late));
        List<Detector.Result> found = tables.reread(List.of(late), true, 2, 3).results();

        assertThat(refusal).isEqualTo("late");
        assertThat(found.get(0).raised()).hasSize(1);
        assertThat(found.get(0).raised().get(0).triggering).hasSize(3);
    }

    @Test
    void aRuleOverItsLimitIsNotRemembered() {
        List<SealedEvent> denials = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            denials.add(denied(i, T0.plusSeconds(30L * i), "NO_GRANT"));
        }
        List<Detector.Result> none = SPECS.stream()
                .map(s -> new Detector.Result(List.of(), List.of()))
                .toList();

        OfficerMemory three = OfficerMemory.load(SPECS, denials, Map.of(), none, T0.minusSeconds(100), 2, 3);
        OfficerMemory two = OfficerMemory.load(SPECS, denials, Map.of(), none, T0.minusSeconds(100), 2, 2);

        assertThat(three).isNotNull();
        assertThat(three.size()).isEqualTo(3);
        assertThat(two).isNull();
        assertThat(three.next(SPECS, byRule(List.of(denied(3, T0.plusSeconds(200), "NO_GRANT"))), none, 3))
                .as("the new denial's horizon drops the first")
                .isNotNull();
        assertThat(three.next(SPECS, byRule(List.of(denied(3, T0.plusSeconds(70), "NO_GRANT"))), none, 3))
                .isNull();
    }

    /** Why the memory cannot answer for these new events, as the scanner asks it: event by event. */
    private static String refusal(OfficerMemory memory, List<SealedEvent> fresh) {
        return fresh.stream()
                .map(e -> memory.refusal(SPECS, RuleSpec.matching(SPECS, e)))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The new events each rule looks at, as the scanner hands them to the memory. */
    private static List<List<SealedEvent>> byRule(List<SealedEvent> fresh) {
        return RuleSpec.byRule(
                SPECS, fresh.stream().map(e -> RuleSpec.matching(SPECS, e)).toList());
    }

    /** One officer's rows: sealed events and stored alert windows. */
    private static final class Tables {

        final List<SealedEvent> events = new ArrayList<>();
        final Map<AlertRule, List<Detector.Window>> windows = new EnumMap<>(AlertRule.class);

        Tables() {
            // Windows of other lengths, as an earlier configuration stored them.
            stored(AlertRule.OUT_OF_SCOPE, T0.plusSeconds(200), Duration.ofSeconds(45));
            stored(AlertRule.DENIAL_BURST, T0.plusSeconds(500), Duration.ofSeconds(120));
            stored(AlertRule.MASS_READ, T0.plusSeconds(800), Duration.ofSeconds(20));
        }

        private void stored(AlertRule rule, Instant start, Duration length) {
            windows.computeIfAbsent(rule, r -> new ArrayList<>())
                    .add(new Detector.Window(UUID.randomUUID(), start, start.plus(length), false, List.of(), 0));
        }

        /**
         * What the scanner's statements read for the officer (the events from the longest window before the first
         * new one to the longest window after the last, or on; alerts reaching that range) and what the rules find.
         */
        Read reread(List<SealedEvent> fresh, boolean open, long cursor, long upTo) {
            Duration reach = RuleSpec.longest(SPECS);
            Instant from = fresh.stream()
                    .map(SealedEvent::occurredAt)
                    .min(Instant::compareTo)
                    .orElseThrow()
                    .minus(reach);
            Instant to = open
                    ? OPEN_END
                    : fresh.stream()
                            .map(SealedEvent::occurredAt)
                            .max(Instant::compareTo)
                            .orElseThrow()
                            .plus(reach);
            List<SealedEvent> known = events.stream()
                    .filter(e -> e.leafIndex() <= upTo)
                    .filter(e ->
                            !e.occurredAt().isBefore(from) && !e.occurredAt().isAfter(to))
                    .toList();
            Map<AlertRule, List<Detector.Window>> stored = new EnumMap<>(AlertRule.class);
            windows.forEach((rule, list) -> stored.put(
                    rule,
                    list.stream()
                            .filter(w -> w.end.isAfter(from.minus(reach)) && !w.start.isAfter(to))
                            .toList()));
            List<Detector.Result> results = new ArrayList<>();
            for (RuleSpec spec : SPECS) {
                results.add(Detector.evaluate(spec, known, stored.getOrDefault(spec.rule(), List.of()), cursor));
            }
            return new Read(known, stored, from, results);
        }

        /** Stores the windows the rules raised. */
        List<Detector.Result> store(Read read) {
            return store(read.results());
        }

        List<Detector.Result> store(List<Detector.Result> results) {
            for (int i = 0; i < SPECS.size(); i++) {
                for (Detector.Window w : results.get(i).raised()) {
                    windows.computeIfAbsent(SPECS.get(i).rule(), r -> new ArrayList<>())
                            .add(new Detector.Window(w.id, w.start, w.end, false, List.of(), 0));
                }
            }
            return results;
        }
    }

    private record Read(
            List<SealedEvent> known,
            Map<AlertRule, List<Detector.Window>> stored,
            Instant from,
            List<Detector.Result> results) {}

    /**
     * The results without the random alert ids: each alert by its start (unique per rule and officer), with its
     * end, measure and triggering events; each link by its alert's start, its event and whether it triggered.
     */
    private static List<String> normal(List<Detector.Result> results) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String rule = SPECS.get(i).rule().code();
            for (Detector.Window w : results.get(i).raised()) {
                List<Long> triggering = w.triggering.stream()
                        .map(SealedEvent::leafIndex)
                        .sorted()
                        .toList();
                lines.add("alert " + rule + " " + w.start + " " + w.end + " measure=" + w.measure + " " + triggering);
            }
            for (Detector.Link l : results.get(i).links()) {
                lines.add("link " + rule + " " + l.window().start + " leaf="
                        + l.event().leafIndex() + " triggering=" + l.triggering());
            }
        }
        lines.sort(String::compareTo);
        return lines;
    }

    private static final UUID[] WORKERS = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

    private static SealedEvent event(Random random, long leaf, Instant at) {
        return switch (random.nextInt(5)) {
            case 0, 1 -> denied(leaf, at, "NO_GRANT");
            case 2 -> denied(leaf, at, "other-mission");
            case 3 -> read(leaf, at, WORKERS[random.nextInt(WORKERS.length)]);
            default -> read(leaf, at, null);
        };
    }

    private static SealedEvent denied(long leaf, Instant at, String reason) {
        return new SealedEvent(
                leaf,
                UUID.randomUUID(),
                at,
                "case-service",
                "case.transition",
                "DENIED",
                "officer-1",
                "consul.kl",
                "KEMLU",
                "KBRI-KUALALUMPUR",
                UUID.randomUUID(),
                reason);
    }

    private static SealedEvent read(long leaf, Instant at, UUID worker) {
        return new SealedEvent(
                leaf,
                UUID.randomUUID(),
                at,
                "identity-service",
                worker == null ? "worker.list" : "worker.read",
                "SUCCESS",
                "officer-1",
                "consul.kl",
                "KEMLU",
                "KBRI-KUALALUMPUR",
                worker,
                null);
    }
}
