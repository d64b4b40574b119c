package id.sinergi.audit.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.engine.spi.SelfDirtinessTracker;

/**
 * One audit event as the log keeps it: the event's fields, its details sealed, and when audit-service accepted it.
 * Rows are only ever inserted ({@link id.sinergi.audit.log.LogStore}); the sealer gives each its leaf
 * in the tree ({@code merkle_leaf}).
 */
@Entity
@Table(name = "audit_entry")
public class AuditRecord extends PanacheEntityBase {

    /** The order of intake, assigned by PostgreSQL; the cursor of keyset pagination. */
    @Id
    @Column(name = "ingest_id", insertable = false, updatable = false)
    public Long ingestId;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** When audit-service appended the event. */
    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String service;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AuditOutcome outcome;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_username")
    public String actorUsername;

    @Column(name = "actor_agency")
    public String actorAgency;

    @Column(name = "actor_mission")
    public String actorMission;

    @Column(name = "actor_client_id")
    public String actorClientId;

    /** The roles as a JSON array ({@link EntryCodec#encodeRoles}), so that they re-read exactly. */
    @Column(name = "actor_roles", columnDefinition = "text")
    public String actorRoles;

    @Column(name = "worker_id")
    public UUID workerId;

    public String purpose;

    @Column(name = "resource_type")
    public String resourceType;

    @Column(name = "resource_id")
    public String resourceId;

    public String reason;

    /** The canonical form the row's leaf is computed with ({@link EntryCodec}); 2 for rows older than details. */
    @Column(name = "entry_format", nullable = false)
    public short entryFormat;

    /**
     * The event's details as audit-service sealed them ({@code id.sinergi.audit.details.DetailsCipher}): never the
     * plaintext. Null when the event has none.
     */
    @Column(columnDefinition = "bytea")
    public byte[] details;

    /**
     * For one of the log's retention statements only (canonical form 4): the signed statement naming the leaves
     * whose payloads expired ({@code id.sinergi.audit.proof.RetentionStatement}). Null in every other row.
     */
    public String purge;

    /**
     * A new row that Hibernate does not track. The log's rows are built and read by its own SQL
     * ({@link id.sinergi.audit.log.LogStore}), never loaded or flushed through a session, so the dirty tracking
     * that Hibernate's build-time enhancement adds to every field write has nothing to do: at some twenty writes per
     * row, the intake and the sealer spent a few percent of their time on it (docs/benchmarks.md).
     */
    public static AuditRecord untracked() {
        AuditRecord r = new AuditRecord();
        // The enhancement adds the interface at build time; without it (a plain unit test) there is nothing to stop.
        if ((Object) r instanceof SelfDirtinessTracker tracker) {
            tracker.$$_hibernate_suspendDirtyTracking(true);
        }
        return r;
    }

    /**
     * The row an accepted event becomes: timestamps truncated to the microseconds PostgreSQL keeps, the details
     * already sealed (null when there are none).
     */
    public static AuditRecord accepted(AuditEvent event, Instant recordedAt, byte[] sealedDetails) {
        AuditRecord r = untracked();
        r.entryFormat = EntryCodec.FORMAT;
        r.eventId = event.id();
        r.occurredAt = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        r.recordedAt = recordedAt.truncatedTo(ChronoUnit.MICROS);
        r.service = event.service();
        r.action = event.action();
        r.outcome = event.outcome();
        AuditActor actor = event.actor();
        r.actorSubject = actor.subject();
        r.actorUsername = actor.username();
        r.actorAgency = actor.agency();
        r.actorMission = actor.mission();
        r.actorClientId = actor.clientId();
        r.actorRoles = EntryCodec.encodeRoles(actor.roles());
        r.workerId = event.workerId();
        r.purpose = event.purpose();
        r.resourceType = event.resourceType();
        r.resourceId = event.resourceId();
        r.reason = event.reason();
        r.details = sealedDetails;
        return r;
    }

    /** The event as it was delivered (timestamps at microsecond precision), with the details given opened. */
    public AuditEvent event(ObjectNode openedDetails) {
        return new AuditEvent(
                eventId,
                occurredAt,
                service,
                action,
                outcome,
                new AuditActor(
                        actorSubject,
                        actorUsername,
                        actorAgency,
                        actorMission,
                        actorClientId,
                        EntryCodec.decodeRoles(actorRoles)),
                workerId,
                purpose,
                resourceType,
                resourceId,
                reason,
                openedDetails);
    }
}
