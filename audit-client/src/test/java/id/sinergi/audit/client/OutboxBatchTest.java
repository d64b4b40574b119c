package id.sinergi.audit.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OutboxBatchTest {

    private static final AuditActor OFFICER = new AuditActor(
            UUID.randomUUID().toString(), "p2mi.officer", "KEMENP2MI", null, "sinergi-cli", List.of("p2mi-officer"));

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    private static AuditOutboxEntry entry(long seq, String payload) {
        AuditOutboxEntry entry = new AuditOutboxEntry();
        entry.seq = seq;
        entry.eventId = UUID.randomUUID();
        entry.payload = payload;
        entry.createdAt = Instant.now();
        return entry;
    }

    private AuditOutboxEntry recorded(long seq, AuditEvent event) throws Exception {
        return entry(seq, mapper.writeValueAsString(event));
    }

    @Test
    void shouldSetAsideAnUnreadableEntryAndDeliverTheEventsAroundIt() throws Exception {
        AuditEvent first =
                AuditEvent.of("consent-service", "consent.grant", OFFICER).build();
        AuditEvent third =
                AuditEvent.of("consent-service", "consent.revoke", OFFICER).build();
        AuditOutboxEntry before = recorded(1, first);
        AuditOutboxEntry broken = entry(2, "{\"id\": \"3f2c-secret-fragment");
        AuditOutboxEntry after = recorded(3, third);

        OutboxBatch batch = OutboxBatch.of(List.of(before, broken, after), mapper);

        assertThat(batch.events()).extracting(AuditEvent::id).containsExactly(first.id(), third.id());
        assertThat(batch.deliverable()).containsExactly(1L, 3L);
        assertThat(batch.setAside()).containsExactly(broken);
        assertThat(broken.attempts).isEqualTo(1);
        assertThat(broken.lastError)
                .startsWith(AuditOutboxEntry.UNREADABLE)
                .contains("line 1")
                .doesNotContain("secret-fragment");
        assertThat(before.lastError).isNull();
        assertThat(after.attempts).isZero();
    }

    @Test
    void shouldSetAsideWellFormedJsonThatIsNoAuditEvent() {
        AuditOutboxEntry list = entry(7, "[1, 2, 3]");

        OutboxBatch batch = OutboxBatch.of(List.of(list), mapper);

        assertThat(batch.events()).isEmpty();
        assertThat(batch.deliverable()).isEmpty();
        assertThat(batch.setAside()).containsExactly(list);
        assertThat(list.lastError).startsWith(AuditOutboxEntry.UNREADABLE);
    }

    @Test
    void shouldSendEverythingWhenEveryEntryReads() throws Exception {
        AuditOutboxEntry one =
                recorded(4, AuditEvent.of("case-service", "case.read", OFFICER).build());
        AuditOutboxEntry two =
                recorded(5, AuditEvent.of("case-service", "case.list", OFFICER).build());

        OutboxBatch batch = OutboxBatch.of(List.of(one, two), mapper);

        assertThat(batch.deliverable()).containsExactly(4L, 5L);
        assertThat(batch.setAside()).isEmpty();
    }

    @Test
    void shouldDeliverAnEventWithAFieldThisReleaseDoesNotKnowAsItWasWritten() throws Exception {
        AuditEvent event = AuditEvent.of("case-service", "case.read", OFFICER).build();
        ObjectNode written = mapper.valueToTree(event);
        written.put("fieldOfALaterRelease", "kept");
        AuditOutboxEntry newer = entry(8, mapper.writeValueAsString(written));
        ObjectMapper strict =
                mapper.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

        OutboxBatch batch = OutboxBatch.of(List.of(newer), strict);

        assertThat(batch.setAside()).isEmpty();
        assertThat(batch.deliverable()).containsExactly(8L);
        assertThat(batch.events()).extracting(AuditEvent::id).containsExactly(event.id());
        assertThat(batch.payloads()).singleElement().satisfies(p -> {
            assertThat(p.path("fieldOfALaterRelease").asText()).isEqualTo("kept");
            assertThat(p.path("id").asText()).isEqualTo(event.id().toString());
        });
    }
}
