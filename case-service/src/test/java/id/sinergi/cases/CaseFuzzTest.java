package id.sinergi.cases;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.OpenApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@CaseTestResource
class CaseFuzzTest {

    private static final String KL = "KBRI-KUALALUMPUR";

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryFuzzedRequestBelow500WithProblemsAndNoChangeFromRefusedOnes() {
        String caseId = Cases.reported("consul.kl", KL);

        OpenApiFuzzer.Report report = OpenApiFuzzer.ofTestedService()
                .watching(dataSource)
                .knowing("id", caseId)
                .knowing("missionId", KL)
                .run();

        System.out.println(report);
        assertThat(report.failures()).isEmpty();
        assertThat(report.operations()).isGreaterThan(5);
    }
}
