package id.sinergi.audit.log;

import id.sinergi.audit.domain.AuditRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The (user name, subject) pairs of actors that this replica has seen stored in {@code audit_actor_name} (V12), so
 * that the intake's INSERT carries only the pairs it has not: a known officer's events add nothing to that table.
 * The sealer adds the pairs of the entries it reads back, which did not come through this replica's intake. A
 * pair is taken as stored only once a statement that added it committed; rows are never removed from the table, so
 * a pair seen stored stays true. Should the set grow past {@link #LIMIT} subjects it starts again, and the pairs
 * are added again (the INSERT skips those present).
 */
@ApplicationScoped
public class ActorNames {

    /** The most subjects remembered: far more officers than a ministry has, some 100 bytes each. */
    static final int LIMIT = 100_000;

    /** The user name each subject was last seen stored with. */
    private final Map<String, String> seen = new ConcurrentHashMap<>();

    /**
     * The pairs of an INSERT, sorted by user name and subject, so that two statements that add the same new pairs
     * add them in the same order (and neither waits for the other while holding one the other waits for).
     *
     * @param usernames the user names, one per pair
     * @param subjects the subjects, in the same order
     */
    public record Pairs(String[] usernames, String[] subjects) {

        /** No pair: a statement with it adds nothing to audit_actor_name. */
        public static final Pairs NONE = new Pairs(new String[0], new String[0]);

        /** Every pair of these rows (the user name given), each once. */
        public static Pairs of(Collection<AuditRecord> rows) {
            return of(rows, Map.of());
        }

        private static Pairs of(Collection<AuditRecord> rows, Map<String, String> skip) {
            TreeMap<String, TreeSet<String>> pairs = null;
            for (AuditRecord row : rows) {
                if (row.actorUsername == null || row.actorUsername.equals(skip.get(row.actorSubject))) {
                    continue;
                }
                if (pairs == null) {
                    pairs = new TreeMap<>();
                }
                pairs.computeIfAbsent(row.actorUsername, u -> new TreeSet<>()).add(row.actorSubject);
            }
            if (pairs == null) {
                return NONE;
            }
            int n = pairs.values().stream().mapToInt(TreeSet::size).sum();
            String[] usernames = new String[n];
            String[] subjects = new String[n];
            int i = 0;
            for (Map.Entry<String, TreeSet<String>> byName : pairs.entrySet()) {
                for (String subject : byName.getValue()) {
                    usernames[i] = byName.getKey();
                    subjects[i++] = subject;
                }
            }
            return new Pairs(usernames, subjects);
        }
    }

    /** The pairs of these rows that this replica has not seen stored. */
    public Pairs unseen(Collection<AuditRecord> rows) {
        return Pairs.of(rows, seen);
    }

    /** Takes these pairs as stored: call it only once the statement that added them committed. */
    public void stored(Pairs pairs) {
        if (pairs.subjects().length == 0) {
            return;
        }
        if (seen.size() + pairs.subjects().length > LIMIT) {
            seen.clear();
        }
        for (int i = 0; i < pairs.subjects().length; i++) {
            seen.put(pairs.subjects()[i], pairs.usernames()[i]);
        }
    }
}
