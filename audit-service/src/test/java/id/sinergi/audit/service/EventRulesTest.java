package id.sinergi.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.sinergi.common.audit.AuditActor;
import id.sinergi.common.audit.AuditEvent;
import id.sinergi.common.audit.AuditOutcome;
import id.sinergi.common.problem.Problem;
import id.sinergi.common.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

    private static AuditEvent event(String service, Instant occurredAt) {
        return event(
                service,
                occurredAt,
                new AuditActor("sub-1", "consul.kl", "KEMLU", "KBRI-KUALALUMPUR", "sinergi-portal", null));
    }

    private static AuditEvent event(String service, Instant occurredAt, AuditActor actor) {
        return new AuditEvent(
                UUID.randomUUID(),
                occurredAt,
                service,
                "worker.read",
                AuditOutcome.SUCCESS,
                actor,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void shouldAcceptEventsOfTheDeliveringClientFromThePastUpToFiveMinutesAhead() {
        List<AuditEvent> events = List.of(
                event("case-service", Instant.parse("2001-01-01T00:00:00Z")),
                event("case-service", NOW.plus(Duration.ofMinutes(5))));

        assertThatCode(() -> EventRules.check(events, true, "case-service", NOW, true))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRejectAnEventJustOverFiveMinutesAheadNamingItsField() {
        List<AuditEvent> events = List.of(
                event("case-service", NOW),
                event("case-service", NOW.plus(Duration.ofMinutes(5).plusMillis(1))));

        Problem problem = problemOf(() -> EventRules.check(events, true, "case-service", NOW, true));

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getType()).isEqualTo("urn:sinergi:problem:occurred-at-in-future");
        assertThat(problem.getErrors()).extracting(Problem.FieldError::field).containsExactly("[1].occurredAt");
    }

    @Test
    void shouldNameTheFirstMismatchingEventsIndexBeforeCheckingAnyField() {
        List<AuditEvent> events = List.of(
                event("case-service", NOW.plus(Duration.ofHours(1))),
                event("identity-service", NOW),
                event("consent-service", NOW));

        Problem problem = problemOf(() -> EventRules.check(events, true, "case-service", NOW, true));

        assertThat(problem.getStatus()).isEqualTo(403);
        assertThat(problem.getType()).isEqualTo("urn:sinergi:problem:service-mismatch");
        assertThat(problem.getDetail()).contains("[1]").doesNotContain("[2]");
    }

    @Test
    void shouldRefuseEveryEventWhenTheTokenNamesNoClient() {
        List<AuditEvent> events = List.of(event("case-service", NOW));

        Problem problem = problemOf(() -> EventRules.check(events, false, null, NOW, true));

        assertThat(problem.getType()).isEqualTo("urn:sinergi:problem:service-mismatch");
    }

    @Test
    void shouldCheckTheTextOfEventsNotReadFromARequestBody() {
        AuditActor actor = new AuditActor("sub-1", "consul.kl", "KEMLU", null, "sinergi-portal", List.of("a\u0001"));
        AuditEvent collected = event("keycloak", NOW, actor);

        Problem problem = problemOf(() -> EventRules.check(List.of(collected), true, "keycloak", NOW, true));

        assertThat(problem.getType()).isEqualTo("urn:sinergi:problem:invalid-text");
        assertThat(problem.getErrors()).extracting(Problem.FieldError::field).containsExactly("[0].actor.roles");
        // A request body's strings were checked as JSON was read (AuditEventResourceTest): not again.
        assertThatCode(() -> EventRules.check(List.of(collected), true, "keycloak", NOW, false))
                .doesNotThrowAnyException();
    }

    private static Problem problemOf(Runnable check) {
        return catchThrowableOfType(ProblemException.class, check::run).problem();
    }
}
