package id.sinergi.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.devstack.testing.AuditOutboxProbe;
import id.sinergi.devstack.testing.SinergiTestResource;
import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Grants while identity-service cannot check their worker: slow (its reads held past the client's 3 s timeout),
 * dropping connections, or behind the open circuit breaker. Each fails closed with 503 {@code identity-unavailable},
 * stores and audits nothing, and logs one WARN line naming neither the worker nor the token. The breaker comes
 * last: it stays open for five seconds. The application runs with a stand-in of its own (a test profile).
 */
@QuarkusTest
@TestProfile(IdentityUnavailableTest.OwnStandIn.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityUnavailableTest {

    /** Calls the breaker looks at; it opens when half of them failed. */
    private static final int BREAKER_VOLUME = 10;

    @Inject
    DataSource dataSource;

    @AfterEach
    void answerAgain() {
        Workers.identityMode("answer");
    }

    @Test
    @Order(1)
    void shouldRefuseAGrantWith503WhenIdentityServiceDoesNotAnswerInTimeStoreNothingAndLogAWarning() {
        UUID worker = Workers.register();
        String token = Tokens.user("p2mi.officer");
        Workers.identityMode("hold");
        List<LogRecord> logged = new ArrayList<>();

        long started = System.nanoTime();
        ValidatableResponse answer = capturingWarnings(logged, () -> grant(token, worker));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        answer.statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:sinergi:problem:identity-unavailable"));
        assertThat(took).as("the client's timeout").isBetween(Duration.ofMillis(2500), Duration.ofSeconds(15));
        assertNothingStored(worker);
        assertThat(logged).singleElement().satisfies(record -> {
            String line = ((ExtLogRecord) record).getFormattedMessage();
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(line)
                    .startsWith("event=identity-unavailable operation=grant-worker-check status=- cause=")
                    .doesNotContain(worker.toString())
                    .doesNotContain(token);
        });
    }

    @Test
    @Order(2)
    void shouldRefuseAGrantWith503WhenIdentityServiceDropsTheConnection() {
        UUID worker = Workers.register();
        Workers.identityMode("reset");

        grant(Tokens.user("p2mi.officer"), worker)
                .statusCode(503)
                .body("type", equalTo("urn:sinergi:problem:identity-unavailable"));

        assertNothingStored(worker);
        Workers.identityMode("answer");
        grant(Tokens.user("p2mi.officer"), worker).statusCode(201);
    }

    @Test
    @Order(3)
    void shouldFailFastWithoutCallingIdentityServiceOnceTheBreakerOpenedThenRecover() throws Exception {
        UUID worker = Workers.register();
        String token = Tokens.user("p2mi.officer");
        Workers.identityMode("hold");
        ExecutorService pool = Executors.newFixedThreadPool(BREAKER_VOLUME);
        List<Future<Integer>> held = new ArrayList<>();
        int arrivedBefore;
        int failFast;
        Duration tookFailFast;
        try {
            for (int i = 0; i < BREAKER_VOLUME; i++) {
                held.add(pool.submit(() -> grant(token, worker).extract().statusCode()));
            }
            for (Future<Integer> f : held) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(503);
            }
            arrivedBefore = Workers.identityArrivals();
            long started = System.nanoTime();
            failFast = grant(token, worker).extract().statusCode();
            tookFailFast = Duration.ofNanos(System.nanoTime() - started);
        } finally {
            pool.shutdownNow();
            Workers.identityMode("answer");
        }

        assertThat(failFast).isEqualTo(503);
        assertThat(tookFailFast).as("refused by the open breaker").isLessThan(Duration.ofMillis(2500));
        assertThat(Workers.identityArrivals())
                .as("reads that reached identity-service")
                .isEqualTo(arrivedBefore);
        assertNothingStored(worker);
        assertThat(grantOnceTheBreakerLetsOneThrough(token, worker)).isEqualTo(201);
    }

    /** Tries once a second for up to 30 s: the breaker lets one call through five seconds after it opened. */
    private static int grantOnceTheBreakerLetsOneThrough(String token, UUID worker) throws InterruptedException {
        int status = grant(token, worker).extract().statusCode();
        for (int i = 0; i < 30 && status != 201; i++) {
            Thread.sleep(1000);
            status = grant(token, worker).extract().statusCode();
        }
        return status;
    }

    private static ValidatableResponse grant(String token, UUID worker) {
        return ConsentApi.postGrant(token, ConsentApi.grantBody(worker));
    }

    private void assertNothingStored(UUID worker) {
        assertThat(ConsentApi.rows(dataSource, "SELECT id FROM consent_grant WHERE worker_id = ?", worker))
                .isEmpty();
        assertThat(AuditOutboxProbe.payloadsMentioning(dataSource, worker.toString()))
                .isEmpty();
    }

    /** Runs the call with the WARN lines of the shared identity lookup (common's WorkerLookups) captured. */
    private static <T> T capturingWarnings(List<LogRecord> into, java.util.function.Supplier<T> call) {
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    into.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger("id.sinergi.common.identity.WorkerLookups");
        logger.addHandler(capture);
        try {
            return call.get();
        } finally {
            logger.removeHandler(capture);
        }
    }

    /** A database of its own, Keycloak, and an identity-service stand-in of its own that the tests make fail. */
    public static class OwnStandIn implements QuarkusTestProfile {

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(
                    SinergiTestResource.class,
                    Map.of("database", "sinergi_consent_iu_test", "identityStandIn", "true")));
        }
    }
}
