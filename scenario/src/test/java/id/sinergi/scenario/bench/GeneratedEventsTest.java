package id.sinergi.scenario.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GeneratedEventsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteEventsAsTheIntakeTakesThemNamingTheDeliveringService() throws Exception {
        JsonNode batch = json.readTree(new GeneratedEvents(1).jsonArray(50));

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
        assertThat(json.readTree(new GeneratedEvents(1).jsonObject()).isObject())
                .isTrue();
    }

    @Test
    void shouldWriteACopyLineOfEveryColumnInOrder() {
        GeneratedEvents events = new GeneratedEvents(2);
        Instant now = Instant.parse("2026-12-04T08:00:00.123456Z");
        StringBuilder sb = new StringBuilder();
        GeneratedEvents.Event event = events.next(now);
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
        Instant now = Instant.now();
        assertThat(new GeneratedEvents(3).next(now)).isEqualTo(new GeneratedEvents(3).next(now));
    }
}
