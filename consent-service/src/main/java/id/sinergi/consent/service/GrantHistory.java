package id.sinergi.consent.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.sinergi.consent.domain.ConsentGrant;
import id.sinergi.consent.domain.GrantVersion;
import id.sinergi.consent.rest.ConsentDtos.GrantView;
import id.sinergi.consent.rest.ConsentDtos.VersionView;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.UUID;

/** Writes a grant's versions (the table is append-only: PostgreSQL refuses updates and deletes) and reads them. */
@ApplicationScoped
public class GrantHistory {

    /** Who changes a grant when the clock does: this service. */
    static final String SYSTEM = "consent-service";

    @Inject
    ObjectMapper json;

    /** Adds the grant as it now stands, at its current revision, in the current transaction. */
    Uni<GrantVersion> record(ConsentGrant grant, String by, String byUsername, String reason, Instant at) {
        GrantVersion version = new GrantVersion();
        version.id = UUID.randomUUID();
        version.grantId = grant.id;
        version.workerId = grant.workerId;
        version.revision = grant.revision;
        version.status = grant.status;
        version.changedAt = at;
        version.changedBy = by;
        version.changedByUsername = byUsername;
        version.reason = reason;
        version.snapshot = snapshot(grant, at);
        return version.persist();
    }

    private String snapshot(ConsentGrant grant, Instant at) {
        try {
            return json.writeValueAsString(GrantView.of(grant, at));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public VersionView view(GrantVersion v) {
        try {
            return new VersionView(
                    v.grantId,
                    v.revision,
                    v.status,
                    v.changedAt,
                    v.changedBy,
                    v.changedByUsername,
                    v.reason,
                    json.readTree(v.snapshot));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
