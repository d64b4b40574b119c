package id.sinergi.identity.domain;

import id.sinergi.common.Ids;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One link decision as it was taken, automatic or manual, with its score and the rules that gave it. Rows are only
 * ever added: the history survives re-matching, unlinking and changes of the matching rules.
 */
@Entity
@Table(name = "link_event")
public class LinkEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "worker_id", nullable = false)
    public UUID workerId;

    @Column(name = "source_record_id")
    public UUID sourceRecordId;

    /** The other worker of a merge, a move or an unlink. */
    @Column(name = "other_worker_id")
    public UUID otherWorkerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public LinkAction action;

    @Column(name = "match_class", length = 16)
    public String matchClass;

    public Double score;

    /** The per-field scores as JSON, when the matcher took part. */
    public String explanation;

    @Column(name = "rules_version", length = 40)
    public String rulesVersion;

    /** The deciding officer's id (token subject), or the service account of the source that caused it. */
    @Column(nullable = false, length = 100)
    public String actor;

    @Column(length = 500)
    public String reason;

    @Column(nullable = false)
    public Instant at;

    /** A new event, dated now by the caller's clock. */
    public static LinkEvent of(LinkAction action, UUID workerId, UUID sourceRecordId, String actor, Instant at) {
        LinkEvent event = new LinkEvent();
        event.id = Ids.next();
        event.action = action;
        event.workerId = workerId;
        event.sourceRecordId = sourceRecordId;
        event.actor = actor;
        event.at = at;
        return event;
    }

    /** Everything that happened to the worker, or named it as the other side, oldest first. */
    public static Uni<List<LinkEvent>> history(UUID workerId) {
        return list("workerId = ?1 or otherWorkerId = ?1 order by at, id", workerId);
    }
}
