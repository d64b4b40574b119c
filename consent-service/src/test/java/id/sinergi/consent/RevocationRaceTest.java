package id.sinergi.consent;

import static id.sinergi.consent.ConsentApi.decide;
import static id.sinergi.consent.ConsentApi.grant;
import static id.sinergi.consent.ConsentApi.grantBody;
import static id.sinergi.consent.ConsentApi.revoke;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import id.sinergi.devstack.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Decisions racing a revocation: whoever got a permit is a holder the revocation sends a stop notice. */
@QuarkusTest
@ConsentTestResource
class RevocationRaceTest {

    private static final List<String> OFFICERS = List.of("consul.kl", "consul.hk", "pwni.hq");

    @Inject
    DataSource dataSource;

    @Test
    void shouldNoticeEveryPartyThatGotAPermitWhileTheRevocationRan() throws Exception {
        UUID worker = Workers.register();
        String grantId = grant(grantBody(worker));
        Map<String, String> tokens = OFFICERS.stream().collect(Collectors.toMap(u -> u, Tokens::user));
        String portal = Tokens.client("peduli-wni-portal");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<String>> decisions = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            String user = OFFICERS.get(i % OFFICERS.size());
            decisions.add(pool.submit(after(
                    start,
                    () -> decide(tokens.get(user), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                                    .statusCode(200)
                                    .extract()
                                    .<String>path("decision")
                            + " " + user)));
        }
        Future<Integer> revocation = pool.submit(after(start, () -> ConsentApi.revokeWith(portal, grantId)));
        start.countDown();
        Set<String> permitted = new TreeSet<>();
        for (Future<String> d : decisions) {
            String[] outcome = d.get().split(" ");
            if (outcome[0].equals("PERMIT")) {
                permitted.add(outcome[1]);
            }
        }
        pool.shutdown();

        assertThat(revocation.get()).isEqualTo(200);
        Set<String> noticed =
                ConsentApi.rows(dataSource, "SELECT username FROM stop_notice WHERE grant_id = ?::uuid", grantId)
                        .stream()
                        .map(r -> (String) r.get("username"))
                        .collect(Collectors.toCollection(TreeSet::new));
        assertThat(noticed).isEqualTo(permitted);
        decide(tokens.get("consul.kl"), worker, "KEMLU", "PROTECTION_CASE_HANDLING", "PLACEMENT")
                .body("reason", equalTo("GRANT_REVOKED"));
        revoke(grantId).statusCode(409);
    }

    private static <T> Callable<T> after(CountDownLatch start, Callable<T> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }
}
