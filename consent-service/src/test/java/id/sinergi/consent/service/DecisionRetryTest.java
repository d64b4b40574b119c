package id.sinergi.consent.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.security.Agency;
import id.sinergi.common.security.Caller;
import id.sinergi.consent.ConsentTestResource;
import id.sinergi.consent.Workers;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A decision whose grant changed between reading it and writing its use is taken again from the new state, at
 * most twice; a third change in a row answers 503 decision-contended. Either way exactly the decision answered is
 * on the record: a failed write leaves no audit event behind.
 */
@QuarkusTest
@ConsentTestResource
class DecisionRetryTest {

    @Inject
    GrantUse grantUse;

    @Inject
    DataSource dataSource;

    @AfterEach
    void restore() {
        QuarkusMock.installMockForType(ClientProxy.unwrap(grantUse), GrantUse.class);
    }

    /** The real writes, after {@code failures} writes that find the grant changed. */
    private AtomicInteger failFirst(int failures) {
        GrantUse real = ClientProxy.unwrap(grantUse);
        AtomicInteger attempts = new AtomicInteger();
        QuarkusMock.installMockForType(
                new GrantUse() {
                    @Override
                    Uni<Void> record(Set<UUID> grants, Agency agency, Caller caller, Instant now, AuditEvent event) {
                        if (attempts.incrementAndGet() <= failures) {
                            return Uni.createFrom().failure(new GrantChanged("changed in the test"));
                        }
                        return real.record(grants, agency, caller, now, event);
                    }
                },
                GrantUse.class);
        return attempts;
    }

    @Test
    void shouldDecideAgainAfterAGrantChangedAndRecordOnlyTheAnswer() {
        UUID worker = Workers.register();
        grant(worker);
        AtomicInteger attempts = failFirst(1);

        decide(worker).statusCode(200).body("decision", equalTo("PERMIT"));

        assertThat(attempts.get()).isEqualTo(2);
        assertThat(decisionEvents(worker)).isEqualTo(1);
    }

    @Test
    void shouldAnswerContendedAfterThreeChangesInARowAndRecordNothing() {
        UUID worker = Workers.register();
        grant(worker);
        AtomicInteger attempts = failFirst(3);

        decide(worker)
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:decision-contended"));

        assertThat(attempts.get()).isEqualTo(3);
        assertThat(decisionEvents(worker)).isZero();
    }

    private static void grant(UUID worker) {
        given().auth()
                .oauth2(Tokens.user("p2mi.officer"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "workerId", worker,
                        "receivingAgency", "KEMLU",
                        "purposes", List.of("PROTECTION_CASE_HANDLING"),
                        "dataCategories", List.of("PLACEMENT"),
                        "validUntil", Instant.now().plus(30, ChronoUnit.DAYS).toString()))
                .when()
                .post("/api/consents")
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse decide(UUID worker) {
        return given().auth()
                .oauth2(Tokens.user("consul.kl"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "workerId", worker,
                        "requestingAgency", "KEMLU",
                        "purpose", "PROTECTION_CASE_HANDLING",
                        "dataCategory", "PLACEMENT"))
                .when()
                .post("/api/consent-decisions")
                .then();
    }

    private long decisionEvents(UUID worker) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_outbox WHERE payload LIKE ?"
                        + " AND payload LIKE '%consent.decision%'")) {
            ps.setString(1, "%" + worker + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
