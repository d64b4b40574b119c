package id.sinergi.audit;

import static id.sinergi.audit.AuditEvents.deliver;
import static id.sinergi.audit.AuditEvents.event;
import static id.sinergi.audit.AuditEvents.query;
import static id.sinergi.audit.AuditEvents.withActor;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A query by user name finds the events that name it through the subjects that carried it (audit_actor_name, V12),
 * which the intake keeps complete: a renamed officer, and a user name that passed to another subject.
 */
@QuarkusTest
@AuditTestResource
class ActorNamesTest {

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
