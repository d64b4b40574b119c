package id.sinergi.cases.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.cases.client.ConsentClient.Authorisation;
import id.sinergi.cases.domain.ProtectionCase;
import id.sinergi.common.problem.ProblemException;
import id.sinergi.common.security.Agency;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks of a vital-interest request that need no database nor consent-service. */
class CaseVitalInterestsTest {

    private static final String KL = "KBRI-KUALALUMPUR";
    private static final String HK = "KJRI-HONGKONG";

    @Test
    void shouldRequireTheTokensMissionEvenOfACallerSeeingEveryMission() {
        ProtectionCase c = caseOf(KL);
        CallerScope everyMission = new CallerScope(CallerScope.Kind.ALL, Optional.empty());

        assertThat(CaseVitalInterests.missionRefusal(c, everyMission, KL)).isEmpty();
        assertThat(CaseVitalInterests.missionRefusal(c, everyMission, HK)).hasValueSatisfying(p -> {
            assertThat(p.problem().getStatus()).isEqualTo(403);
            assertThat(p.problem().getType()).isEqualTo("urn:sinergi:problem:other-mission");
        });
    }

    @Test
    void shouldAnswerACaseOutOfTheCallersScopeAsMissing() {
        ProtectionCase c = caseOf(KL);

        assertThat(CaseVitalInterests.missionRefusal(c, new CallerScope(CallerScope.Kind.MISSION, Optional.of(HK)), HK))
                .hasValueSatisfying(p -> {
                    assertThat(p.problem().getStatus()).isEqualTo(404);
                    assertThat(p.problem().getType()).isEqualTo("urn:sinergi:problem:not-found");
                });
        assertThat(CaseVitalInterests.missionRefusal(c, new CallerScope(CallerScope.Kind.MISSION, Optional.of(KL)), KL))
                .isEmpty();
    }

    @Test
    void shouldRecoverOnlyAnAuthorisationInForceThatTheCaseDoesNotRecord() {
        UUID inForce = UUID.randomUUID();
        ProtectionCase unrecorded = caseOf(KL);
        ProtectionCase olderRecorded = caseOf(KL);
        olderRecorded.vitalInterestId = UUID.randomUUID();
        ProtectionCase recorded = caseOf(KL);
        recorded.vitalInterestId = inForce;

        assertThat(CaseVitalInterests.lostInvocation(unrecorded, inForce(inForce)))
                .map(Authorisation::id)
                .hasValue(inForce);
        assertThat(CaseVitalInterests.lostInvocation(olderRecorded, inForce(inForce)))
                .map(Authorisation::id)
                .hasValue(inForce);
        assertThat(CaseVitalInterests.lostInvocation(recorded, inForce(inForce)))
                .isEmpty();
        assertThat(CaseVitalInterests.lostInvocation(
                        unrecorded, ProblemException.conflict("vital-interest-in-force", "In force", "renew it")))
                .isEmpty();
    }

    private static ProblemException inForce(UUID id) {
        ProblemException problem = ProblemException.conflict("vital-interest-in-force", "In force", "renew it");
        problem.problem().with("authorisationId", id).with("expiresAt", Instant.parse("2026-01-02T03:04:05Z"));
        return problem;
    }

    private static ProtectionCase caseOf(String mission) {
        ProtectionCase c = new ProtectionCase();
        c.id = UUID.randomUUID();
        c.missionId = mission;
        c.leadAgency = Agency.KEMLU;
        c.participantAgency = Agency.KEMENP2MI;
        return c;
    }
}
