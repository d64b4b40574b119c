package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.SinergiTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Referrals and vital interest with consent-service out of reach: sharing worker data and invoking or renewing an
 * authorisation fail closed, the rest goes on.
 */
@QuarkusTest
@TestProfile(CaseReferralConsentDownTest.ConsentServiceDown.class)
class CaseReferralConsentDownTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Test
    void shouldRefuseSharingWith503StoreNothingAndAuditTheFailure() {
        String caseId = triagedCase();
        Map<String, Object> before = Referrals.caseRow(dataSource, caseId);

        Referrals.refer("consul.kl", caseId, Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "PLACEMENT"))
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:consent-unavailable"));

        assertThat(Referrals.stored(dataSource, caseId)).isEmpty();
        assertThat(Referrals.caseRow(dataSource, caseId)).isEqualTo(before);
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId)).anySatisfy(p -> assertThat(p)
                .contains("\"action\":\"case.referral\"")
                .contains("\"outcome\":\"FAILED\"")
                .contains("consent-service consent-unavailable agency=KEMENP2MI"));
    }

    @Test
    void shouldReferWithoutAskingConsentServiceWhenNothingIsSharedOrPwniOverrides() {
        String caseId = triagedCase();
        Map<String, Object> overridden = Referrals.sharing(Referrals.body("REFERRAL", "KEMENP2MI"), "HEALTH");
        overridden.put(
                "overrideReason", "Pekerja kritis di rumah sakit; keluarga di Indonesia harus segera dihubungi BP3MI.");

        Referrals.refer("consul.kl", caseId, Referrals.toService("LEGAL_AID", "LBH Kuala Lumpur"))
                .statusCode(201);
        Referrals.refer("pwni.hq", caseId, overridden).statusCode(201).body("sharing.allowedBy", equalTo("OVERRIDE"));

        assertThat(Referrals.stored(dataSource, caseId)).hasSize(2);
    }

    @Test
    void shouldRefuseVitalInterestWith503RecordNothingOnTheCaseAndAuditTheFailure() {
        String caseId = Cases.reported("consul.kl", KL, "PERDAGANGAN_ORANG");
        Map<String, Object> before = Referrals.caseRow(dataSource, caseId);
        Map<String, Object> reason = Map.of(
                "reason", "Pekerja dikurung penyalur dan tidak bisa dihubungi; lokasi harus dicari lewat penempatan.");

        Cases.update("consul.kl", caseId, "/vital-interest", reason)
                .statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:consent-unavailable"));

        assertThat(Referrals.caseRow(dataSource, caseId)).isEqualTo(before);
        Cases.read("consul.kl", caseId).statusCode(200).body("vitalInterest", nullValue());
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, caseId))
                .filteredOn(p -> p.contains("\"action\":\"case.vital-interest.invoke\""))
                .singleElement()
                .asString()
                .contains("\"outcome\":\"FAILED\"")
                .doesNotContain("dikurung");
    }

    private static String triagedCase() {
        String caseId = Cases.reported("consul.kl", KL);
        Cases.triage("consul.kl", caseId).statusCode(200);
        return caseId;
    }

    /**
     * A database of its own, Keycloak and identity-service (cases need their worker), no consent-service, and its
     * URL pointing at a port nobody listens on.
     */
    public static class ConsentServiceDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.consent-service.url", "http://127.0.0.1:" + closedPort());
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    SinergiTestResource.class,
                    Map.of(
                            "database", "sinergi_case_nc_test",
                            "services", "identity-service",
                            "service", "case-service")));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
