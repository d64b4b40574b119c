package id.sinergi.consent.domain;

import id.sinergi.common.consent.DataCategory;
import id.sinergi.common.consent.Purpose;
import id.sinergi.common.security.Agency;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a decision reads of a grant: its id, what it covers, its window, its status and when it was given. Read
 * straight from {@code consent_grant} with the reactive client, one statement per decision, since the decision is
 * the service's hottest path and needs none of the entity's other columns, its version or a Hibernate session.
 */
public record GrantTerms(
        UUID id,
        Set<Purpose> purposes,
        Set<DataCategory> dataCategories,
        Instant validFrom,
        Instant validUntil,
        GrantStatus status,
        Instant grantedAt) {

    private static final String FOR_WORKER_AND_AGENCY = "SELECT id, purposes, data_categories, valid_from,"
            + " valid_until, status, granted_at FROM consent_grant WHERE worker_id = $1 AND receiving_agency = $2"
            + " ORDER BY granted_at DESC";

    private static final EnumSetConverter.Purposes PURPOSES = new EnumSetConverter.Purposes();
    private static final EnumSetConverter.Categories CATEGORIES = new EnumSetConverter.Categories();

    /** The worker's grants to the agency, the latest first. */
    public static Uni<List<GrantTerms>> forWorkerAndAgency(Pool pool, UUID workerId, Agency agency) {
        return pool.preparedQuery(FOR_WORKER_AND_AGENCY)
                .execute(Tuple.of(workerId, agency.name()))
                .map(rows -> {
                    List<GrantTerms> grants = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        grants.add(new GrantTerms(
                                row.getUUID(0),
                                PURPOSES.convertToEntityAttribute(row.getString(1)),
                                CATEGORIES.convertToEntityAttribute(row.getString(2)),
                                row.getOffsetDateTime(3).toInstant(),
                                row.getOffsetDateTime(4).toInstant(),
                                GrantStatus.valueOf(row.getString(5)),
                                row.getOffsetDateTime(6).toInstant()));
                    }
                    return grants;
                });
    }

    /** Whether the grant is in force at the instant: active and inside [validFrom, validUntil). */
    public boolean inForceAt(Instant instant) {
        return statusAt(instant) == GrantStatus.ACTIVE && !instant.isBefore(validFrom);
    }

    /** The status as it reads at the instant: an open grant is EXPIRED from validUntil on, stored so or not yet. */
    public GrantStatus statusAt(Instant instant) {
        return status.isOpen() && !instant.isBefore(validUntil) ? GrantStatus.EXPIRED : status;
    }

    public boolean covers(Purpose purpose, DataCategory category) {
        return purposes.contains(purpose) && dataCategories.contains(category);
    }
}
