package id.sinergi.audit.alert;

import id.sinergi.audit.domain.AuditRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * The fields of a sealed event the rules look at, with its leaf index in the tree.
 *
 * @param leafIndex the event's leaf in the Merkle tree
 * @param eventId the event's id
 * @param occurredAt when the emitting service says it happened; the rules' windows are on this time
 * @param service the emitting service
 * @param action the action, e.g. {@code worker.read}
 * @param outcome SUCCESS, DENIED or FAILED
 * @param actorSubject the Keycloak subject of the actor
 * @param actorUsername the actor's account name
 * @param actorAgency the actor's agency
 * @param actorMission the actor's mission
 * @param workerId the worker the event is about, if any
 * @param reason the event's reason
 */
public record SealedEvent(
        long leafIndex,
        UUID eventId,
        Instant occurredAt,
        String service,
        String action,
        String outcome,
        String actorSubject,
        String actorUsername,
        String actorAgency,
        String actorMission,
        UUID workerId,
        String reason) {

    /** The event of an entry the sealer appended as leaf {@code leafIndex}. */
    static SealedEvent of(long leafIndex, AuditRecord r) {
        return new SealedEvent(
                leafIndex,
                r.eventId,
                r.occurredAt,
                r.service,
                r.action,
                r.outcome.name(),
                r.actorSubject,
                r.actorUsername,
                r.actorAgency,
                r.actorMission,
                r.workerId,
                r.reason);
    }

    /** The reason's word that starts with this prefix, without the prefix ({@code officer=} gives the id). */
    String reasonValue(String prefix) {
        // Most reasons do not hold the prefix at all, which is found without splitting them into words.
        if (reason == null || !reason.contains(prefix)) {
            return null;
        }
        for (String word : reason.split("\\s+")) {
            if (word.startsWith(prefix) && word.length() > prefix.length()) {
                return word.substring(prefix.length());
            }
        }
        return null;
    }

    /** Whether the reason holds this word. */
    boolean reasonHas(String word) {
        if (reason == null || !reason.contains(word)) {
            return false;
        }
        for (String w : reason.split("\\s+")) {
            if (w.equals(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Who answers for the event: the actor, or the officer a service acted for. consent-service records a
     * vital-interest invocation as case-service's service account and names the officer in the reason
     * ({@code officer=<subject> mission=<mission>}); both events of one override then fall to that officer.
     */
    String accountable() {
        String officer = reasonValue("officer=");
        return officer != null && officer.length() <= 64 ? officer : actorSubject;
    }

    /** The mission of the accountable officer. */
    String accountableMission() {
        String officer = reasonValue("officer=");
        if (officer != null && officer.equals(accountable()) && !officer.equals(actorSubject)) {
            return reasonValue("mission=");
        }
        return actorMission;
    }
}
