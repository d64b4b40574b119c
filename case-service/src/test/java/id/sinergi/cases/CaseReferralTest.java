package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Referrals and transfers of a case, and their answers, with real Keycloak tokens. */
@QuarkusTest
@CaseTestResource
class CaseReferralTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Test
    void shouldReferToTheOtherMinistryMoveTheCaseToReferredAndLetThatMinistryAccept() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);

        String referralId = Referrals.refer("consul.kl", caseId, Referrals.body("REFERRAL", "KEMENP2MI"))
                .statusCode(201)
                .body("kind.code", equalTo("REFERRAL"))
                .body("to.code", equalTo("KEMENP2MI"))
                .body("to.termId", equalTo("Kementerian Pelindungan Pekerja Migran Indonesia"))
                .body("status.code", equalTo("PENDING"))
                .body("fromAgency", equalTo("KEMLU"))
                .body("createdBy", equalTo("consul.kl"))
                .body("sharing", nullValue())
                .extract()
                .path("id");
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("REFERRED"));

        Referrals.decide("p2mi.officer", caseId, referralId, "ACCEPTED")
                .statusCode(200)
                .body("status.code", equalTo("ACCEPTED"))
                .body("status.termId", equalTo("Diterima"))
                .body("decidedBy", equalTo("p2mi.officer"))
                .body("decisionReason", equalTo("dibahas dengan tim pelindungan"))
                .body("decidedAt", notNullValue());

        Cases.read("consul.kl", caseId)
                .statusCode(200)
                .body("leadAgency", equalTo("KEMLU"))
                .body("status.code", equalTo("REFERRED"));
        Referrals.list("p2mi.officer", caseId)
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].id", equalTo(referralId))
                .body("[0].status.code", equalTo("ACCEPTED"));
        assertThat(Referrals.stored(dataSource, caseId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "ACCEPTED")
                .containsEntry("kind", "REFERRAL")
                .containsEntry("target", "KEMENP2MI")
                .containsEntry("decided_username", "p2mi.officer")
                .containsEntry("created_username", "consul.kl")
                .containsEntry("shares_worker_data", false));
        List<String> events = AuditOutboxProbe.payloadsMentioning(dataSource, referralId);
        assertThat(events)
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.referral\"")
                        .contains("kind=REFERRAL to=KEMENP2MI shares=none")
                        .doesNotContain("Majikan menolak"))
                .anySatisfy(p -> assertThat(p)
                        .contains("\"action\":\"case.referral-decision\"")
                        .contains("decision=ACCEPTED")
                        .contains("\"username\":\"p2mi.officer\""));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId))
                .anySatisfy(p ->
                        assertThat(p).contains("\"action\":\"case.transition\"").contains("to=REFERRED"))
                .anySatisfy(p -> assertThat(p).contains("\"action\":\"case.referral.read\""));
    }

    @Test
    void shouldLetOnlyTheReceivingSideRejectAndOnlyOnce() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        String referralId = Referrals.referred("consul.kl", caseId, Referrals.body("REFERRAL", "KEMENP2MI"));

        Referrals.decide("consul.kl", caseId, referralId, "ACCEPTED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-receiving-side"));
        Referrals.decide("consul.hk", caseId, referralId, "ACCEPTED")
                .statusCode(404)
                .body("type", equalTo("urn:sinergi:problem:not-found"));
        Referrals.decide("p2mi.officer", caseId, referralId, "REJECTED")
                .statusCode(200)
                .body("status.code", equalTo("REJECTED"));
        Referrals.decide("p2mi.officer", caseId, referralId, "ACCEPTED")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:referral-decided"))
                .body("status", equalTo("REJECTED"));

        assertThat(Referrals.stored(dataSource, caseId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("status", "REJECTED"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.referral-decision\"")
                .contains("\"outcome\":\"DENIED\"")
                .contains("\"username\":\"consul.hk\""));
    }

    @Test
    void shouldReferToANamedServiceWhoseAnswerTheLeadSideRecords() {
        String caseId = Cases.reported("consul.kl", KL, "KEKERASAN_MAJIKAN");
        Cases.triage("consul.kl", caseId).statusCode(200);
        Cases.move("consul.kl", caseId, "IN_PROGRESS").statusCode(200);

        String referralId = Referrals.refer(
                        "consul.kl", caseId, Referrals.toService("SHELTER", "Shelter KBRI Kuala Lumpur"))
                .statusCode(201)
                .body("to.code", equalTo("SHELTER"))
                .body("to.termId", equalTo("Rumah aman (shelter)"))
                .body("providerName", equalTo("Shelter KBRI Kuala Lumpur"))
                .extract()
                .path("id");

        Referrals.decide("p2mi.officer", caseId, referralId, "ACCEPTED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));
        Referrals.decide("consul.kl", caseId, referralId, "ACCEPTED")
                .statusCode(200)
                .body("status.code", equalTo("ACCEPTED"))
                .body("decidedBy", equalTo("consul.kl"));
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("REFERRED"));
        assertThat(Referrals.stored(dataSource, caseId)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("target", "SHELTER")
                .containsEntry("provider_name", "Shelter KBRI Kuala Lumpur")
                .containsEntry("status", "ACCEPTED"));
    }

    @Test
    void shouldRefuseReferralsNoCaseCouldTake() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        Map<String, Object> transferToShelter = Referrals.toService("SHELTER", "Shelter KBRI Kuala Lumpur");
        transferToShelter.put("kind", "TRANSFER");
        Map<String, Object> noProvider = Referrals.body("REFERRAL", "LEGAL_AID");
        Map<String, Object> missionForP2mi = Referrals.body("REFERRAL", "KEMENP2MI");
        missionForP2mi.put("missionId", KL);
        Map<String, Object> withNik = Referrals.body("REFERRAL", "KEMENP2MI");
        withNik.put("reason", "Pekerja dengan NIK " + Workers.UNREGISTERED_NIK + " minta bantuan");

        Referrals.refer("consul.kl", caseId, transferToShelter)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:transfer-to-service"));
        Referrals.refer("consul.kl", caseId, noProvider)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:provider-required"))
                .body("errors[0].field", equalTo("providerName"));
        Referrals.refer("consul.kl", caseId, missionForP2mi)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:mission-not-for-target"));
        Referrals.refer("consul.kl", caseId, withNik)
                .statusCode(400)
                .body("type", equalTo("urn:sinergi:problem:validation"))
                .body("errors[0].field", equalTo("reason"));
        Referrals.refer("consul.kl", caseId, Referrals.body("REFERRAL", "KEMLU"))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:not-other-ministry"));
        Referrals.refer("p2mi.officer", caseId, Referrals.toService("LEGAL_AID", "LBH Kuala Lumpur"))
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));
        Referrals.refer("consul.hk", caseId, Referrals.body("REFERRAL", "KEMENP2MI"))
                .statusCode(404);

        assertThat(Referrals.stored(dataSource, caseId)).isEmpty();
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));
    }

    @Test
    void shouldHandTheLeadOverWhenATransferIsAcceptedAndLetTheFormerLeadTakePart() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        String referralId = Referrals.referred("consul.kl", caseId, Referrals.body("TRANSFER", "KEMENP2MI"));

        Referrals.refer("consul.kl", caseId, Referrals.body("TRANSFER", "KEMENP2MI"))
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:transfer-pending"));
        Cases.read("consul.kl", caseId).statusCode(200).body("leadAgency", equalTo("KEMLU"));
        Referrals.decide("p2mi.officer", caseId, referralId, "ACCEPTED")
                .statusCode(200)
                .body("kind.code", equalTo("TRANSFER"))
                .body("status.code", equalTo("ACCEPTED"));

        Cases.read("consul.kl", caseId)
                .statusCode(200)
                .body("leadAgency", equalTo("KEMENP2MI"))
                .body("participantAgency", equalTo("KEMLU"))
                .body("missionId", equalTo(KL));
        Cases.move("consul.kl", caseId, "IN_PROGRESS")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-lead"));
        Cases.move("p2mi.officer", caseId, "IN_PROGRESS").statusCode(200);
        assertThat(Referrals.caseRow(dataSource, caseId)).containsEntry("lead_agency", "KEMENP2MI");
        assertThat(Referrals.rows(
                        dataSource,
                        "SELECT from_agency, to_agency, actor_username FROM case_lead_change WHERE case_id = ?::uuid",
                        caseId))
                .singleElement()
                .satisfies(row -> assertThat(row)
                        .containsEntry("from_agency", "KEMLU")
                        .containsEntry("to_agency", "KEMENP2MI")
                        .containsEntry("actor_username", "p2mi.officer"));
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.lead-handover\"")
                .contains("from=KEMLU/" + KL + " to=KEMENP2MI"));
    }

    @Test
    void shouldTransferAHomeCaseToTheMissionWhoseOfficersAccept() {
        Map<String, Object> report = Cases.byWorkerId(Workers.register().id(), KL);
        report.put("phase", "AFTER_RETURN");
        String caseId = Cases.report(Tokens.user("p2mi.officer"), report)
                .statusCode(201)
                .body("leadAgency", equalTo("KEMENP2MI"))
                .extract()
                .path("id");
        Cases.triage("p2mi.officer", caseId).statusCode(200);

        String referralId = Referrals.refer("p2mi.officer", caseId, Referrals.body("TRANSFER", "KEMLU"))
                .statusCode(201)
                .body("missionId", equalTo(KL))
                .extract()
                .path("id");
        Referrals.decide("p2mi.supervisor", caseId, referralId, "ACCEPTED")
                .statusCode(403)
                .body("type", equalTo("urn:sinergi:problem:not-receiving-side"));
        Referrals.decide("consul.hk", caseId, referralId, "ACCEPTED").statusCode(404);
        Referrals.decide("consul.kl", caseId, referralId, "ACCEPTED").statusCode(200);

        Cases.read("p2mi.officer", caseId)
                .statusCode(200)
                .body("leadAgency", equalTo("KEMLU"))
                .body("missionId", equalTo(KL))
                .body("participantAgency", equalTo("KEMENP2MI"));
        Cases.move("consul.kl", caseId, "IN_PROGRESS").statusCode(200);
    }

    @Test
    void shouldRefuseAPlainTransitionToReferredWithoutAReferralPendingOrAccepted() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);

        Cases.move("consul.kl", caseId, "REFERRED")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:no-referral"))
                .body("from", equalTo("TRIAGED"));
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("TRIAGED"));

        String referralId = Referrals.referred("consul.kl", caseId, Referrals.body("REFERRAL", "KEMENP2MI"));
        Cases.move("consul.kl", caseId, "IN_PROGRESS").statusCode(200);
        Cases.move("consul.kl", caseId, "REFERRED").statusCode(200);
        Cases.move("consul.kl", caseId, "IN_PROGRESS").statusCode(200);
        Referrals.decide("p2mi.officer", caseId, referralId, "REJECTED").statusCode(200);

        Cases.move("consul.kl", caseId, "REFERRED")
                .statusCode(409)
                .body("type", equalTo("urn:sinergi:problem:no-referral"));
        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("IN_PROGRESS"));
    }

    @Test
    void shouldKeepTheStatusOfACaseWhoseStatusCannotMoveToReferred() {
        String caseId = Cases.reported("consul.kl", KL);

        Referrals.refer("consul.kl", caseId, Referrals.toService("LEGAL_AID", "LBH Kuala Lumpur"))
                .statusCode(201);

        Cases.read("consul.kl", caseId).statusCode(200).body("status.code", equalTo("REPORTED"));
        assertThat(Referrals.stored(dataSource, caseId)).hasSize(1);
    }
}
