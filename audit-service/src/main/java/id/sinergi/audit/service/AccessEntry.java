package id.sinergi.audit.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One read, change or decision about a worker's data, as the worker's access log shows it: when, by which agency,
 * mission and role, what kind of processing, for which purpose, and how it ended. The person who acted is named
 * only in the security team's view ({@code actor}); the worker's view names the office, never the officer.
 *
 * @param eventId the audit event, for a question about this entry
 * @param occurredAt when it happened
 * @param agency the actor's ministry
 * @param mission the actor's mission abroad (KBRI, KJRI, …), when they act for one
 * @param role the role the actor acted in
 * @param action the action's code, e.g. {@code worker.placement.read}
 * @param category what kind of processing that is
 * @param purpose the purpose declared for it, when one was
 * @param outcome how it ended
 * @param service the Sinergi service that did it
 * @param actor who acted: for the security team only
 * @param expired set when the entry's retention period passed and its record was removed: only the time, the
 *     event id and the kind of event are left
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "AccessLogEntry")
public record AccessEntry(
        UUID eventId,
        Instant occurredAt,
        PlainTerm agency,
        String mission,
        PlainTerm role,
        String action,
        PlainTerm category,
        PlainTerm purpose,
        PlainTerm outcome,
        String service,
        @Schema(description = "Who acted; only in the security team's view") Actor actor,
        @Schema(description = "Set when the record expired under the retention policy") Expiry expired) {

    /**
     * What is left of an entry whose retention period passed.
     *
     * @param status {@code EXPIRED} with its Indonesian term and English gloss
     * @param retentionCategory the retention category that decided its period
     * @param expiredAt when its record was removed
     */
    @Schema(name = "AccessLogExpiry")
    public record Expiry(PlainTerm status, PlainTerm retentionCategory, Instant expiredAt) {}

    /** An entry whose record expired: when it happened, which event it was, and under which category it went. */
    public static AccessEntry expired(UUID eventId, Instant occurredAt, PlainTerm category, Instant expiredAt) {
        return new AccessEntry(
                eventId,
                occurredAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new Expiry(
                        new PlainTerm(
                                "EXPIRED",
                                "kedaluwarsa (masa retensi berakhir)",
                                "expired: the retention period passed and the record was removed"),
                        category,
                        expiredAt));
    }

    /**
     * The account that acted, for the security team.
     *
     * @param subject the Keycloak user id
     * @param username the Keycloak user name (an account name)
     * @param clientId the application the token was issued to
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AccessLogActor")
    public record Actor(String subject, String username, String clientId) {}
}
