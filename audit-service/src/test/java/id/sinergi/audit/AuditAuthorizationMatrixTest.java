package id.sinergi.audit;

import static id.sinergi.common.security.Roles.AUDIT_WITNESS;
import static id.sinergi.common.security.Roles.PLATFORM_ADMIN;
import static id.sinergi.common.security.Roles.SECURITY_AUDITOR;
import static id.sinergi.common.security.Roles.SINERGI_SERVICE;
import static id.sinergi.common.security.Roles.SOURCE_CONNECTOR;

import id.sinergi.devstack.testing.AuthorizationMatrix;
import id.sinergi.devstack.testing.AuthorizationMatrixTests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Who may call which audit-service operation (function level), checked on every operation of the OpenAPI document
 * with the realm's demo accounts; a refusal lands in the log itself as one of audit-service's own events. The log
 * has no object scope: the security team reads all of it, the portal a worker's access log.
 */
@QuarkusTest
@AuditTestResource
class AuditAuthorizationMatrixTest extends AuthorizationMatrixTests {

    /** The table: an operation that is not in it, or a row for one that no longer exists, fails the test. */
    static final AuthorizationMatrix MATRIX = AuthorizationMatrix.of("audit-service")
            .allow("POST /api/audit-events", SINERGI_SERVICE)
            .allow("POST /api/audit-events/batch", SINERGI_SERVICE)
            .allow("GET /api/audit-events", SECURITY_AUDITOR)
            .allow("GET /api/audit-events/summary", SECURITY_AUDITOR)
            .allow("GET /api/audit-events/export", SECURITY_AUDITOR)
            .allow("GET /api/audit-events/{eventId}/proof", SECURITY_AUDITOR)
            .allow("GET /api/workers/{id}/access-log", SECURITY_AUDITOR, SOURCE_CONNECTOR)
            .allow("DELETE /api/workers/{id}/audit-key", SECURITY_AUDITOR)
            .anyCaller("GET /api/audit-log/checkpoint")
            .anyCaller("GET /api/audit-log/key")
            .anyCaller("GET /api/audit-log/proofs/consistency")
            .allow("GET /api/audit-log/proofs/inclusion", SECURITY_AUDITOR)
            .allow("POST /api/audit-log/cosignatures", AUDIT_WITNESS)
            .allow("GET /api/audit-log/export", SECURITY_AUDITOR)
            .allow("GET /api/audit-log/backlog", SECURITY_AUDITOR, PLATFORM_ADMIN)
            .allow("GET /api/audit-log/verification", SECURITY_AUDITOR)
            .allow("GET /api/audit-log/verification/latest", SECURITY_AUDITOR)
            .allow("GET /api/audit-holds", SECURITY_AUDITOR)
            .allow("POST /api/audit-holds", SECURITY_AUDITOR)
            .allow("GET /api/audit-holds/{id}", SECURITY_AUDITOR)
            .allow("POST /api/audit-holds/{id}/release", SECURITY_AUDITOR)
            .allow("GET /api/audit-retention", SECURITY_AUDITOR, PLATFORM_ADMIN)
            .allow("POST /api/audit-reviews/samples", SECURITY_AUDITOR)
            .allow("GET /api/audit-alerts", SECURITY_AUDITOR)
            .allow("GET /api/audit-alerts/{id}", SECURITY_AUDITOR)
            .allow("POST /api/audit-alerts/{id}/review", SECURITY_AUDITOR);

    @Inject
    DataSource dataSource;

    @Override
    protected AuthorizationMatrix matrix() {
        return MATRIX;
    }

    @Override
    protected AuthorizationMatrix.DeniedEvents deniedEvents() {
        return this::deniedInLog;
    }

    /**
     * An event delivered to the log is the delivering service's: it names its own id (stored once, so a redelivery
     * is harmless) and its actor, and audit-service refuses an event naming another service (403
     * {@code service-mismatch}, {@link AuditEventResourceTest}). The batch takes the same events as an array.
     */
    @Override
    protected Map<String, Set<String>> serverOwnedFieldsTaken() {
        return Map.of(
                "POST /api/audit-events", Set.of("actor", "id"),
                "POST /api/audit-events/batch", Set.of("actor", "id"));
    }

    /** The DENIED refusals of the operation by the account in the log's own entries. */
    private int deniedInLog(String operation, AuthorizationMatrix.Account account) {
        String sql = "SELECT count(*) FROM audit_entry WHERE service = 'audit-service' AND action = ?"
                + " AND outcome = 'DENIED' AND resource_id = ? AND actor_username = ?";
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, AuthorizationMatrix.DENIED_ACTION);
            ps.setString(2, operation);
            ps.setString(3, account.actorName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log", e);
        }
    }
}
