package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decideAsConsul;
import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.history;
import static id.sinergi.consent.ConsentApi.readGrant;
import static id.sinergi.consent.ConsentApi.revoke;
import static id.sinergi.consent.ConsentApi.transition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.oneOf;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A grant holds in {@code [validFrom, validUntil)}: not before its start, EXPIRED from the instant of its end on
 * whatever open status it had, and final then; the job writes that version down.
 */
@QuarkusTest
@ConsentTestResource
class GrantExpiryTest {

    @Inject
    DataSource dataSource;

    private final UUID worker = Workers.register();

    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private final Instant until = start.plus(1, ChronoUnit.HOURS);

    private TestClock clock;

    private String grantId;

    @BeforeEach
    void grantValidForAnHour() {
        clock = TestClock.installAt(start);
        Map<String, Object> body = grantBody(worker);
        body.put("validUntil", until.toString());
        grantId = grant(body);
    }

    @Test
    void shouldPermitInTheLastMicrosecondOfValidity() {
        clock.set(until.minus(1, ChronoUnit.MICROS));

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .statusCode(200)
                .body("decision", equalTo("PERMIT"))
                .body("grantId", equalTo(grantId));
        readGrant(grantId).body("status", equalTo("ACTIVE"));
    }

    @Test
    void shouldReadAndDecideAsExpiredAtTheInstantOfValidUntil() {
        clock.set(until);

        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .statusCode(200)
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GRANT_EXPIRED"))
                .body("grantId", equalTo(grantId));
        readGrant(grantId).body("status", equalTo("EXPIRED"));
    }

    @Test
    void shouldForbidRevokingAGrantThatHasExpired() {
        clock.set(until);

        revoke(grantId).statusCode(409).body("from", equalTo("EXPIRED")).body("to", equalTo("REVOKED"));
    }

    @Test
    void shouldRecordTheExpiredVersionWhenTheJobRuns() throws InterruptedException {
        clock.set(until.plusSeconds(1));

        awaitRevisions(2);

        history(Tokens.client("peduli-wni-portal"), grantId)
                .body("status", contains("ACTIVE", "EXPIRED"))
                .body("changedBy[1]", equalTo("consent-service"))
                .body("reason[1]", equalTo("validity ended " + until));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, grantId))
                .filteredOn(p -> p.contains("\"action\":\"consent.expire\""))
                .hasSize(1);
    }

    @Test
    void shouldExpireAPendingGrantAtTheInstantOfItsEnd() throws InterruptedException {
        String pending = grantIn("PENDING");

        clock.set(until.minus(1, ChronoUnit.MICROS));
        readGrant(pending).body("status", equalTo("PENDING"));
        clock.set(until);
        readGrant(pending).body("status", equalTo("EXPIRED"));
        transition(portal(), pending, "ACTIVE")
                .statusCode(409)
                .body("from", equalTo("EXPIRED"))
                .body("to", equalTo("ACTIVE"));

        awaitRevisions(pending, 2);
        history(portal(), pending).body("status", contains("PENDING", "EXPIRED"));
    }

    @Test
    void shouldExpireAPausedGrantAtTheInstantOfItsEndAndNotResumeIt() throws InterruptedException {
        transition(portal(), grantId, "PAUSED").statusCode(200);

        clock.set(until.minus(1, ChronoUnit.MICROS));
        readGrant(grantId).body("status", equalTo("PAUSED"));
        clock.set(until);
        readGrant(grantId).body("status", equalTo("EXPIRED"));
        transition(portal(), grantId, "ACTIVE")
                .statusCode(409)
                .body("from", equalTo("EXPIRED"))
                .body("to", equalTo("ACTIVE"));
        decideAsConsul(worker, "PROTECTION_CASE_HANDLING", "PLACEMENT").body("reason", equalTo("GRANT_EXPIRED"));

        awaitRevisions(grantId, 3);
        history(portal(), grantId).body("status", contains("ACTIVE", "PAUSED", "EXPIRED"));
    }

    @Test
    void shouldForbidEveryChangeOutOfExpired() {
        clock.set(until);

        for (String to : List.of("ACTIVE", "PAUSED", "REVOKED", "REJECTED")) {
            transition(portal(), grantId, to)
                    .statusCode(409)
                    .body("type", equalTo("urn:sinergi:problem:transition-forbidden"))
                    .body("from", equalTo("EXPIRED"))
                    .body("to", equalTo(to));
        }
        readGrant(grantId).body("status", equalTo("EXPIRED"));
        history(portal(), grantId).body("status", everyItem(oneOf("ACTIVE", "EXPIRED")));
    }

    @Test
    void shouldDenyBeforeTheInstantOfValidFromAndPermitFromIt() {
        UUID later = Workers.register();
        Instant from = start.plus(1, ChronoUnit.DAYS);
        Map<String, Object> body = grantBody(later);
        body.put("validFrom", from.toString());
        body.put("validUntil", from.plus(1, ChronoUnit.DAYS).toString());
        String future = grant(body);

        clock.set(from.minus(1, ChronoUnit.MICROS));
        decideAsConsul(later, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("DENY"))
                .body("reason", equalTo("GRANT_NOT_YET_VALID"))
                .body("grantId", equalTo(future));
        clock.set(from);

        decideAsConsul(later, "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("decision", equalTo("PERMIT"))
                .body("grantId", equalTo(future));
    }

    private String grantIn(String status) {
        Map<String, Object> body = grantBody(worker);
        body.put("validUntil", until.toString());
        body.put("status", status);
        return grant(body);
    }

    private static String portal() {
        return Tokens.client("peduli-wni-portal");
    }

    private void awaitRevisions(int revisions) throws InterruptedException {
        awaitRevisions(grantId, revisions);
    }

    /** The job runs every two seconds in tests; waits up to twenty for the version it writes. */
    private void awaitRevisions(String grantId, int revisions) throws InterruptedException {
        for (int i = 0; i < 40; i++) {
            List<Map<String, Object>> rows = ConsentApi.rows(
                    dataSource, "SELECT revision FROM consent_grant_version WHERE grant_id = ?::uuid", grantId);
            if (rows.size() >= revisions) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the expiry job wrote no version in 20 s");
    }
}
