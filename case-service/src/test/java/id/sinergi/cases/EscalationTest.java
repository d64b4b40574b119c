package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.cases.domain.EscalationLevel;
import id.sinergi.cases.service.EscalationJob;
import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * The escalation job, called directly (its schedule is off in tests), on cases whose times were moved into the past.
 * Cases reported by {@link Cases} are of category GAJI_TIDAK_DIBAYAR, priority HIGH: first response within 24 hours,
 * resolution within 30 days; long overdue is 24 hours past due (factor 1.0).
 */
@QuarkusTest
@CaseTestResource
class EscalationTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Inject
    EscalationJob job;

    private List<EscalationJob.Escalation> escalate(String caseId) {
        return job.escalate().await().indefinitely().stream()
                .filter(e -> e.caseId().equals(UUID.fromString(caseId)))
                .toList();
    }

    private List<String> escalationEvents(String caseId) {
        return AuditOutboxProbe.payloadsMentioning(dataSource, caseId).stream()
                .filter(p -> p.contains("\"action\":\"case.escalated\""))
                .toList();
    }

    @Test
    void shouldEscalateAnOverdueFirstResponseToTheMissionsHeadOfProtectionOnce() {
        String caseId = Cases.reported("consul.kl", KL);
        CaseTimes.shiftBack(dataSource, caseId, Duration.ofHours(30));
        String etag = Cases.etag("consul.kl", caseId);

        List<EscalationJob.Escalation> first = escalate(caseId);
        List<EscalationJob.Escalation> again = escalate(caseId);

        assertThat(first).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(EscalationLevel.HEAD_OF_PROTECTION);
            assertThat(e.deadline().name()).isEqualTo("FIRST_RESPONSE");
            assertThat(e.missionId()).isEqualTo(KL);
        });
        assertThat(again).isEmpty();
        assertThat(CaseTimes.escalations(dataSource, caseId))
                .containsExactly("1 FIRST_RESPONSE first-response-overdue");
        assertThat(escalationEvents(caseId)).singleElement().satisfies(p -> assertThat(p)
                .contains("\"reason\":\"level=1 to=HEAD_OF_PROTECTION deadline=FIRST_RESPONSE")
                .contains("rule=first-response-overdue lead=KEMLU/" + KL)
                .contains("\"subject\":\"case-escalation\""));
        Cases.read("consul.kl", caseId)
                .statusCode(200)
                .header("ETag", etag)
                .body("deadlines.firstResponseStatus.code", equalTo("RED"))
                .body("deadlines.firstResponseStatus.termId", equalTo("Merah"))
                .body("deadlines.resolutionStatus.code", equalTo("GREEN"))
                .body("deadlines.escalation.level", equalTo(1))
                .body("deadlines.escalation.code", equalTo("HEAD_OF_PROTECTION"))
                .body("deadlines.escalation.termId", equalTo("Kepala Fungsi Pelindungan WNI perwakilan"));
    }

    @Test
    void shouldEscalateALongOverdueFirstResponseToTheDirectorateThroughBothLevels() {
        String caseId = Cases.reported("consul.kl", KL);
        CaseTimes.shiftBack(dataSource, caseId, Duration.ofHours(50));

        List<EscalationJob.Escalation> escalated = escalate(caseId);

        assertThat(escalated)
                .extracting(EscalationJob.Escalation::level)
                .containsExactly(EscalationLevel.HEAD_OF_PROTECTION, EscalationLevel.PROTECTION_DIRECTORATE);
        assertThat(CaseTimes.escalations(dataSource, caseId))
                .containsExactly(
                        "1 FIRST_RESPONSE first-response-overdue", "2 FIRST_RESPONSE first-response-long-overdue");
        assertThat(escalationEvents(caseId)).hasSize(2);
        Cases.read("pwni.hq", caseId)
                .statusCode(200)
                .body("deadlines.escalation.level", equalTo(2))
                .body("deadlines.escalation.code", equalTo("PROTECTION_DIRECTORATE"))
                .body("deadlines.escalation.termId", equalTo("Direktorat Pelindungan WNI (PWNI) Kemlu"));
    }

    @Test
    void shouldEscalateAnOverdueResolutionStraightToTheDirectorate() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        CaseTimes.shiftBack(dataSource, caseId, Duration.ofDays(31));

        List<EscalationJob.Escalation> escalated = escalate(caseId);

        assertThat(escalated).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(EscalationLevel.PROTECTION_DIRECTORATE);
            assertThat(e.deadline().name()).isEqualTo("RESOLUTION");
        });
        assertThat(CaseTimes.escalations(dataSource, caseId)).containsExactly("2 RESOLUTION resolution-overdue");
        Cases.read("consul.kl", caseId)
                .statusCode(200)
                .body("deadlines.firstResponseStatus.code", equalTo("MET"))
                .body("deadlines.resolutionStatus.code", equalTo("RED"))
                .body("deadlines.escalation.level", equalTo(2));
    }

    @Test
    void shouldNotEscalateAFirstResponseThatCameLateOrACaseStillOnTime() {
        String late = Cases.reported("consul.kl", KL);
        CaseTimes.shiftBack(dataSource, late, Duration.ofHours(30));
        Cases.triage("consul.kl", late).statusCode(200);
        String onTime = Cases.reported("consul.kl", KL);
        CaseTimes.shiftBack(dataSource, onTime, Duration.ofHours(20));

        List<EscalationJob.Escalation> lateEscalations = escalate(late);
        List<EscalationJob.Escalation> onTimeEscalations = escalate(onTime);

        assertThat(lateEscalations).isEmpty();
        assertThat(onTimeEscalations).isEmpty();
        assertThat(CaseTimes.escalations(dataSource, late)).isEmpty();
        assertThat(escalationEvents(onTime)).isEmpty();
        Cases.read("consul.kl", late)
                .statusCode(200)
                .body("deadlines.firstResponseStatus.code", equalTo("MET_LATE"))
                .body("deadlines.firstResponseStatus.glossEn", equalTo("met late"))
                .body("deadlines.escalation.level", equalTo(0))
                .body("deadlines.escalation.code", equalTo("OFFICER"));
        Cases.read("consul.kl", onTime)
                .statusCode(200)
                .body("deadlines.firstResponseStatus.code", equalTo("AMBER"))
                .body("deadlines.firstResponseStatus.termId", equalTo("Kuning"));
    }

    @Test
    void shouldEscalateAKemenP2miLedCaseToKemenP2misOwnLadderAndLogIdsOnly() {
        Workers.Worker worker = Workers.register();
        Map<String, Object> body = Cases.byWorkerId(worker.id(), null);
        body.put("channel", "CRISIS_CENTER");
        body.put("phase", "BEFORE_DEPARTURE");
        body.put("categoryCode", "GAGAL_BERANGKAT");
        String caseId = Cases.report(Tokens.user("p2mi.officer"), body)
                .statusCode(201)
                .body("leadAgency", equalTo("KEMENP2MI"))
                .extract()
                .path("id");
        CaseTimes.shiftBack(dataSource, caseId, Duration.ofDays(4));
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(((ExtLogRecord) record).getFormattedMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(EscalationJob.class.getName());
        logger.addHandler(capture);

        List<EscalationJob.Escalation> escalated;
        try {
            escalated = escalate(caseId);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(escalated).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(EscalationLevel.HEAD_OF_PROTECTION);
            assertThat(e.missionId()).isNull();
        });
        assertThat(escalationEvents(caseId))
                .singleElement()
                .satisfies(p -> assertThat(p).contains("lead=KEMENP2MI\"").contains(worker.id()));
        assertThat(logged)
                .filteredOn(line -> line.contains("case=" + caseId))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("event=case-escalated case=" + caseId + " level=1 deadline=FIRST_RESPONSE")
                        .doesNotContain(worker.id())
                        .doesNotContain(worker.nik()));
        Cases.read("p2mi.officer", caseId)
                .statusCode(200)
                .body("deadlines.escalation.code", equalTo("HEAD_OF_PROTECTION"))
                .body("deadlines.escalation.termId", equalTo("Penyelia pelindungan KemenP2MI"))
                .body("deadlines.escalation.glossEn", equalTo("KemenP2MI's protection supervisor"));
    }
}
