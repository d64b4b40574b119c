package id.sinergi.identity.rest;

import static org.assertj.core.api.Assertions.assertThat;

import id.sinergi.devstack.testing.OpenApiFuzzer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@IdentityTestResource
class IdentityFuzzTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldAnswerEveryFuzzedRequestBelow500WithProblemsAndNoChangeFromRefusedOnes() {
        String workerId = TestWorkers.registered(TestWorkers.registration("SISKOP2MI", TestWorkers.nik()));

        OpenApiFuzzer.Report report = OpenApiFuzzer.ofTestedService()
                .watching(dataSource)
                .knowing("id", workerId)
                .withBody("POST /api/workers/registrations", TestWorkers.registration("SISKOP2MI", TestWorkers.nik()))
                .run();

        System.out.println(report);
        assertThat(report.failures()).isEmpty();
        assertThat(report.operations()).isGreaterThan(5);
    }
}
