package id.sinergi.audit.log;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.audit.domain.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActorNamesTest {

    @Test
    void shouldGiveEachPairOnceSortedByUserNameThenSubject() {
        ActorNames.Pairs pairs = ActorNames.Pairs.of(rows("s2", "b", "s1", "b", "s2", "b", "s3", "a", "s4", null));

        assertThat(pairs.usernames()).containsExactly("a", "b", "b");
        assertThat(pairs.subjects()).containsExactly("s3", "s1", "s2");
    }

    @Test
    void shouldLeaveOutThePairsSeenStoredAndAddAgainARenamedSubject() {
        ActorNames names = new ActorNames();
        names.stored(ActorNames.Pairs.of(rows("s1", "a", "s2", "b")));

        ActorNames.Pairs unseen = names.unseen(rows("s1", "a", "s2", "renamed", "s3", "c"));

        assertThat(unseen.usernames()).containsExactly("c", "renamed");
        assertThat(unseen.subjects()).containsExactly("s3", "s2");
        assertThat(names.unseen(rows("s1", "a")).subjects()).isEmpty();
    }

    @Test
    void shouldStartAgainPastTheLimit() {
        ActorNames names = new ActorNames();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < ActorNames.LIMIT; i++) {
            many.add("s" + i);
            many.add("u" + i);
        }
        names.stored(ActorNames.Pairs.of(rows(many.toArray(String[]::new))));
        assertThat(names.unseen(rows("s0", "u0")).subjects()).isEmpty();

        names.stored(ActorNames.Pairs.of(rows("new", "n")));

        assertThat(names.unseen(rows("s0", "u0")).subjects()).containsExactly("s0");
        assertThat(names.unseen(rows("new", "n")).subjects()).isEmpty();
    }

    /** Rows of these (subject, user name) pairs. */
    private static List<AuditRecord> rows(String... subjectsAndNames) {
        List<AuditRecord> rows = new ArrayList<>();
        for (int i = 0; i < subjectsAndNames.length; i += 2) {
            AuditRecord r = new AuditRecord();
            r.actorSubject = subjectsAndNames[i];
            r.actorUsername = subjectsAndNames[i + 1];
            rows.add(r);
        }
        return rows;
    }
}
