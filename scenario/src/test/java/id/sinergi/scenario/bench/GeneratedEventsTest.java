package id.sinergi.scenario.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedEventsTest {

    private static final Instant END = Instant.parse("2026-12-04T08:00:00Z");

    private final ObjectMapper json = new ObjectMapper();

    private static EventClock clock() {
        return new EventClock(END, 1000, Duration.ofDays(10));
    }

    @Test
    void shouldWriteEventsAsTheIntakeTakesThemNamingTheDeliveringService() throws Exception {
        JsonNode batch = json.readTree(new GeneratedEvents(1, clock(), 0, 1).jsonArray(50));

        assertThat(batch).hasSize(50);
        Set<String> ids = new HashSet<>();
        for (JsonNode event : batch) {
            ids.add(event.path("id").asText());
            assertThat(event.path("service").asText()).isEqualTo(GeneratedEvents.SERVICE);
            assertThat(event.path("actor").path("subject").asText()).isNotBlank();
            assertThat(event.path("actor").path("roles")).hasSize(1);
            assertThat(Instant.parse(event.path("occurredAt").asText())).isBefore(Instant.now());
            assertThat(event.path("reason").asText().length()).isLessThanOrEqualTo(500);
        }
        assertThat(ids).hasSize(50);
        assertThat(json.readTree(new GeneratedEvents(1, clock(), 0, 1).jsonObject())
                        .isObject())
                .isTrue();
    }

    @Test
    void shouldWriteACopyLineOfEveryColumnInOrder() {
        GeneratedEvents events = new GeneratedEvents(2, clock(), 0, 1);
        Instant now = Instant.parse("2026-12-04T08:00:00.123456Z");
        StringBuilder sb = new StringBuilder();
        GeneratedEvents.Event event = events.next();
        GeneratedEvents.copyLine(sb, event, now);

        String[] fields = sb.toString().split("\t", -1);
        assertThat(sb.toString()).endsWith("\n").doesNotContain("\\\\");
        assertThat(fields).hasSize(GeneratedEvents.COLUMNS.split(",").length);
        assertThat(fields[0]).isEqualTo(event.id().toString());
        assertThat(fields[2]).isEqualTo(now.toString());
        assertThat(fields[3]).isEqualTo(GeneratedEvents.SERVICE);
    }

    @Test
    void shouldDrawTheSameEventsFromTheSameSeed() {
        assertThat(new GeneratedEvents(3, clock(), 0, 1).next())
                .isEqualTo(new GeneratedEvents(3, clock(), 0, 1).next());
    }

    @Test
    void shouldSpreadTheEventsOverTheHistoryInOrderEndingBeforeItsEnd() {
        EventClock clock = clock();
        GeneratedEvents a = new GeneratedEvents(4, clock, 0, 2);
        GeneratedEvents b = new GeneratedEvents(5, clock, 1, 2);
        Instant previous = Instant.MIN;
        for (int i = 0; i < 1000; i++) {
            Instant at = (i % 2 == 0 ? a : b).next().occurredAt();
            assertThat(at).isAfter(previous).isBefore(END);
            previous = at;
        }
        // A thousand events over ten days: the first in the first step of 864 s, the last in the last.
        Instant start = END.minus(Duration.ofDays(10));
        assertThat(new GeneratedEvents(6, clock(), 0, 1).next().occurredAt()).isBetween(start, start.plusSeconds(864));
        assertThat(previous).isAfter(END.minusSeconds(864));
    }

    @Test
    void shouldSendEventsOfTheClocksFurtherStepsAsTheyHappenNeverLater() {
        EventClock clock = new EventClock(Instant.now(), 2, Duration.ofSeconds(2));
        GeneratedEvents events = new GeneratedEvents(7, clock, 0, 1);
        events.next();
        events.next();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant beyond = events.next().occurredAt();
        assertThat(beyond).isBetween(before, Instant.now());
    }

    @Test
    void shouldGiveEachClientOfARunOfficersOfItsOwn() {
        Set<String> first = new HashSet<>();
        Set<String> second = new HashSet<>();
        GeneratedEvents a = new GeneratedEvents(8, clock(), 0, 3);
        GeneratedEvents b = new GeneratedEvents(9, clock(), 2, 3);
        for (int i = 0; i < 2000; i++) {
            first.add(a.next().officer().subject());
            second.add(b.next().officer().subject());
        }
        assertThat(first).hasSizeGreaterThan(600).doesNotContainAnyElementsOf(second);
        assertThat(second).hasSizeGreaterThan(600);
    }
}
