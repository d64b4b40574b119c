package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.query;
import static id.sinergi.audit.AuditEvents.withActor;
import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.log.Sealer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A query by user name finds the events that name it through the subjects that carried it (audit_actor_name, V12),
 * which the intake keeps complete, and the sealer for rows that did not come through the intake: a renamed officer,
 * a user name that passed to another subject, a row copied past the service.
 */
@QuarkusTest
@AuditTestResource
class ActorNamesTest {

    @Inject
    Sealer sealer;

    @Test
    void aUserNameFindsTheEventsThatNameItWhateverSubjectCarriedIt() throws Exception {
        String first = "officer." + UUID.randomUUID();
        String second = "officer." + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        String successor = UUID.randomUUID().toString();
        List<String> asFirst = deliverBy(subject, first, 3);
        // The officer renamed, and the old name given to another account.
        List<String> asSecond = deliverBy(subject, second, 2);
        List<String> successorsEvents = deliverBy(successor, first, 2);

        List<String> both = new ArrayList<>(asFirst);
        both.addAll(successorsEvents);
        assertThat(eventIds(first)).containsExactlyInAnyOrderElementsOf(both);
        assertThat(eventIds(second)).containsExactlyInAnyOrderElementsOf(asSecond);
        List<String> all = new ArrayList<>(asFirst);
        all.addAll(asSecond);
        assertThat(eventIds(subject)).containsExactlyInAnyOrderElementsOf(all);

        try (Connection owner = TestDatabase.owner()) {
            assertThat(TestDatabase.count(
                            owner,
                            "SELECT count(*) FROM audit_actor_name WHERE (username, subject) IN (('" + first + "', '"
                                    + subject + "'), ('" + second + "', '" + subject + "'), ('" + first + "', '"
                                    + successor + "'))"))
                    .isEqualTo(3);
            // Events of a pair already stored add no row.
            deliverBy(subject, first, 2);
            assertThat(TestDatabase.count(
                            owner, "SELECT count(*) FROM audit_actor_name WHERE username = '" + first + "'"))
                    .isEqualTo(2);
        }
    }

    @Test
    void aRowCopiedPastTheServiceIsFoundByItsUserNameOnceSealed() throws Exception {
        String username = "officer." + UUID.randomUUID();
        String subject = UUID.randomUUID().toString();
        UUID eventId = UUID.randomUUID();
        try (Connection owner = TestDatabase.owner();
                PreparedStatement ps = owner.prepareStatement("INSERT INTO audit_entry (event_id, occurred_at,"
                        + " recorded_at, service, action, outcome, actor_subject, actor_username, entry_format)"
                        + " VALUES (?, now(), now(), 'case-service', 'worker.read', 'SUCCESS', ?, ?, 3)")) {
            // As a restore or a migration would write it: no intake saw it, so no pair was added for it.
            ps.setObject(1, eventId);
            ps.setString(2, subject);
            ps.setString(3, username);
            ps.executeUpdate();
            String pairs = "SELECT count(*) FROM audit_actor_name WHERE username = '" + username + "'";
            String sealed = "SELECT count(*) FROM merkle_leaf l JOIN audit_entry e ON e.ingest_id = l.ingest_id"
                    + " WHERE e.event_id = '" + eventId + "'";

            // The scheduled round may hold the sealer's lock; this one then seals nothing, and the next try waits.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (TestDatabase.count(owner, sealed) == 0 && System.nanoTime() < deadline) {
                sealer.sealAll().await().atMost(Duration.ofSeconds(30));
                Thread.sleep(100);
            }

            assertThat(TestDatabase.count(owner, sealed)).isEqualTo(1);
            assertThat(TestDatabase.count(owner, pairs)).isEqualTo(1);
        }
        assertThat(eventIds(username)).containsExactly(eventId.toString());
    }

    /** Delivers {@code n} events of the actor in one batch; gives their ids. */
    private static List<String> deliverBy(String subject, String username, int n) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(withActor(
                    withActor(event(UUID.randomUUID(), "worker.read"), "subject", subject), "username", username));
        }
        deliver(events).statusCode(200);
        return events.stream().map(e -> (String) e.get("id")).toList();
    }

    private static List<String> eventIds(String actor) {
        return query(Map.of("actor", actor, "limit", 100))
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("events.id");
    }
}
